using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Dossier.Dashboard.Services;

/// <summary>
/// Renders highlighted text as nested &lt;mark&gt; elements with <see cref="TagBuilder"/>: attribute values and text are
/// HTML-encoded by the framework (the article text is untrusted and never written raw), and no template whitespace
/// leaks into the <c>white-space: pre-wrap</c> text.
/// </summary>
public static class HighlightHtml
{
    public static IHtmlContent Render(IEnumerable<HighlightNode> nodes)
    {
        var content = new HtmlContentBuilder();
        Append(content, nodes);
        return content;
    }

    private static void Append(IHtmlContentBuilder target, IEnumerable<HighlightNode> nodes)
    {
        foreach (var n in nodes)
        {
            if (n.Mark is not { } m)
            {
                target.Append(n.Text ?? ""); // encoded
                continue;
            }

            var mark = new TagBuilder("mark");
            mark.AddCssClass("k-" + m.Kind);
            mark.AddCssClass("hl");
            if (!n.Continued)
            {
                mark.Attributes["id"] = $"at-{m.Start.ToString(CultureInfo.InvariantCulture)}-{m.End.ToString(CultureInfo.InvariantCulture)}";
            }

            mark.Attributes["title"] = m.Title;
            mark.Attributes["tabindex"] = "0";
            mark.Attributes["data-kind"] = m.Kind;
            mark.Attributes["data-label"] = m.Label;
            if (m.Confidence is { } c)
            {
                mark.Attributes["data-confidence"] = c.ToString("0.00", CultureInfo.InvariantCulture);
            }

            if (m.ExtractorVersion is not null)
            {
                mark.Attributes["data-extractor"] = m.ExtractorVersion;
            }

            if (m.EntityId is not null)
            {
                mark.Attributes["data-entity"] = m.EntityId;
            }

            Append(mark.InnerHtml, n.Children);
            target.AppendHtml(mark);
        }
    }
}
