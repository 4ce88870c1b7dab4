using System.Text;
using AngleSharp.Dom;

namespace Dossier.Pipeline.Html;

/// <summary>
/// Writes the visible text of DOM nodes one block per line: block elements (paragraphs, headings, list items, table
/// rows …) stand on lines of their own between empty lines, a &lt;br&gt; ends a line; inline whitespace collapses to one
/// space; lines are trimmed and runs of empty lines become one empty line. Scripts, styles, navigation and forms are not text.
/// </summary>
public sealed class BlockText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "tr", "table", "blockquote", "figure", "figcaption", "pre", "address", "dd", "dt", "dl", "hr",
        "title", "details", "summary", "caption",
    };

    private readonly StringBuilder _sb = new();
    private readonly CancellationToken _cancellationToken;

    public BlockText(CancellationToken cancellationToken = default) => _cancellationToken = cancellationToken;

    /// <summary>Adds a line of plain text (a title, say), its whitespace collapsed.</summary>
    public BlockText Line(string text)
    {
        _sb.Append('\n');
        AppendInline(text);
        _sb.Append('\n');
        return this;
    }

    /// <summary>Adds the text under a node.</summary>
    public BlockText Node(INode node)
    {
        Walk(node);
        return this;
    }

    /// <summary>The text so far: lines trimmed, empty lines collapsed to one, none at the start or end.</summary>
    public override string ToString()
    {
        var outSb = new StringBuilder(_sb.Length);
        var blank = false;
        foreach (var raw in _sb.ToString().Split('\n'))
        {
            var line = raw.Trim();
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

    private void Walk(INode node)
    {
        // Iterative, so that deeply nested markup (up to the article rules' depth guard) cannot exhaust the stack.
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (current, closing) = stack.Pop();
            if (closing)
            {
                _sb.Append('\n');
                continue;
            }

            switch (current)
            {
                case IText text:
                    AppendInline(text.Data);
                    continue;
                case IElement element when Skipped.Contains(element.LocalName):
                    continue;
                case IElement { LocalName: "br" }:
                    _sb.Append('\n');
                    continue;
                case IElement element when Blocks.Contains(element.LocalName):
                    _sb.Append('\n');
                    stack.Push((current, true));
                    break;
                case IElement or IDocument or IDocumentFragment:
                    break;
                default:
                    continue;
            }

            // By index: AngleSharp finds a node's siblings by searching its parent's children, which is quadratic on wide nodes.
            var children = current.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }

    private void AppendInline(string data)
    {
        var space = _sb.Length > 0 && _sb[^1] == ' ';
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space && _sb.Length > 0 && _sb[^1] != '\n')
                {
                    _sb.Append(' ');
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

            _sb.Append(c);
            space = false;
        }
    }
}
