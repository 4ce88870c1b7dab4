using System.Text.Encodings.Web;
using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class HighlightHtmlTests
{
    [Fact]
    public void Render_HostileTextAndLabels_AreEncodedAndMarksNest()
    {
        const string text = "“<script>alert(1)</script> Blinken” <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>";
        var quoteEnd = text.IndexOf('”', StringComparison.Ordinal) + 1;
        var blinken = text.IndexOf("Blinken", StringComparison.Ordinal);
        var nodes = Highlighter.Build(text,
        [
            new Highlight("quote", 0, quoteEnd, "\"><script>alert(4)</script>"),
            new Highlight("person", blinken, blinken + 7, "Antony Blinken", "person:antony-blinken", 0.9, "1.0.0") { Index = 1 },
        ]);

        var html = ToString(nodes);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Matches("<mark [^>]*k-quote[^>]*>[^<]*<mark [^>]*k-person[^>]*>Blinken</mark>", html);
        Assert.Contains("id=\"at-0-", html, StringComparison.Ordinal);
        Assert.Contains("data-entity=\"person:antony-blinken\"", html, StringComparison.Ordinal);
        Assert.Contains("data-confidence=\"0.90\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CrossingSpan_GivesTheIdToItsFirstPieceOnly()
    {
        var nodes = Highlighter.Build("0123456789", [new Highlight("money", 1, 5, "a"), new Highlight("quote", 3, 8, "b") { Index = 1 }]);

        var html = ToString(nodes);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "id=\"at-3-8\""));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "k-quote").Count);
    }

    private static string ToString(IReadOnlyList<HighlightNode> nodes)
    {
        using var writer = new StringWriter();
        HighlightHtml.Render(nodes).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
