using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Domain;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// For <c>text/html</c> input: parses the page with AngleSharp and makes the visible text (block elements
/// on lines of their own; scripts, styles, navigation and forms dropped) the text of record. Plain text
/// passes unchanged. Every later span points into the text this component sets.
/// </summary>
public sealed class HtmlComponent : IPipelineComponent
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "tr", "table", "blockquote", "figure", "figcaption", "pre", "address", "dd", "dt", "br", "hr", "title",
    };

    public string Name => "html";

    public IReadOnlyCollection<string> Requires { get; } = [];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Text];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        // "text/html", also with parameters ("text/html; charset=utf-8").
        var contentType = document.Request.ContentType ?? "";
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        if (!string.Equals(mediaType, ContentTypes.Html, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        document.Text = ExtractText(document.Request.Text, cancellationToken);
    }

    /// <summary>The visible text of an HTML page, one block per line.</summary>
    public static string ExtractText(string html, CancellationToken cancellationToken = default)
    {
        // The element callback lets a deadline or cancellation stop a long parse, not only the steps after it.
        var parser = new HtmlParser(new HtmlParserOptions
        {
            OnCreated = (_, _) => cancellationToken.ThrowIfCancellationRequested(),
        });
        using var dom = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var title = dom.Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            AppendInline(sb, title);
            sb.Append('\n');
        }

        if (dom.Body is not null)
        {
            Walk(dom.Body, sb, cancellationToken);
        }

        // Lines trimmed, empty lines collapsed to one.
        var lines = sb.ToString().Split('\n').Select(l => l.Trim()).ToList();
        var outSb = new StringBuilder(sb.Length);
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank = outSb.Length > 0;
                continue;
            }

            if (outSb.Length > 0)
            {
                outSb.Append(blank ? "\n\n" : "\n");
            }

            outSb.Append(line);
            blank = false;
        }

        return outSb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb, CancellationToken cancellationToken)
    {
        foreach (var child in node.ChildNodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (child)
            {
                case IText text:
                    AppendInline(sb, text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        sb.Append('\n');
                    }

                    Walk(element, sb, cancellationToken);
                    if (block)
                    {
                        sb.Append('\n');
                    }

                    break;
            }
        }
    }

    private static void AppendInline(StringBuilder sb, string data)
    {
        var space = sb.Length > 0 && sb[^1] == ' ';
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space && sb.Length > 0 && sb[^1] != '\n')
                {
                    sb.Append(' ');
                    space = true;
                }

                continue;
            }

            if (c == '\uFFFD')
            {
                // The parser's stand-in for &#0;, &#xD800; and the like: the input itself never holds U+FFFD (the article
                // rules refuse it as invalid UTF-8), and the text of record must pass the same rules when it is indexed.
                continue;
            }

            sb.Append(c);
            space = false;
        }
    }
}
