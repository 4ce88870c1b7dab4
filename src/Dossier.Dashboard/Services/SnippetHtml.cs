using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Dossier.Dashboard.Services;

/// <summary>
/// Renders a search snippet's parts, the matches in &lt;mark&gt;, with <see cref="TagBuilder"/>: the text is HTML-encoded
/// by the framework (snippets are untrusted article text) and no template whitespace lands between a match and the
/// characters around it ("(Rome)" stays "(Rome)").
/// </summary>
public static class SnippetHtml
{
    public static IHtmlContent Render(IEnumerable<SnippetPart> parts)
    {
        var content = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (!part.Match)
            {
                content.Append(part.Text); // encoded
                continue;
            }

            var mark = new TagBuilder("mark");
            mark.InnerHtml.Append(part.Text);
            content.AppendHtml(mark);
        }

        return content;
    }
}
