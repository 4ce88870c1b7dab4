using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class HighlighterTests
{
    [Fact]
    public void Build_NoHighlights_ReturnsTheTextAsOneRun()
    {
        var nodes = Highlighter.Build("plain text", []);

        var node = Assert.Single(nodes);
        Assert.Equal("plain text", node.Text);
    }

    [Fact]
    public void Build_QuoteContainingName_NestsTheNameInsideTheQuote()
    {
        const string text = "He said “Blinken met Iraq” today.";
        var quote = new Highlight("quote", 8, 26, "Antony Blinken") { Index = 0 };
        var person = new Highlight("person", 9, 16, "Antony Blinken", "person:antony-blinken") { Index = 1 };
        var country = new Highlight("country", 21, 25, "IQ") { Index = 2 };

        var nodes = Highlighter.Build(text, [person, country, quote]);

        Assert.Equal(text, Concat(nodes));
        var q = Assert.Single(nodes, n => n.Mark is not null);
        Assert.Equal("quote", q.Mark!.Kind);
        Assert.Equal(["person", "country"], q.Children.Where(c => c.Mark is not null).Select(c => c.Mark!.Kind));
        Assert.Equal("Blinken", q.Children.First(c => c.Mark?.Kind == "person").InnerText);
    }

    [Fact]
    public void Build_SameSpanTwoKinds_PutsTheWiderConceptOutside()
    {
        const string text = "the 87th member joined";
        var nodes = Highlighter.Build(text, [new Highlight("new_member", 4, 15, "MV"), new Highlight("member_count", 4, 15, "87") { Index = 1 }]);

        var outer = Assert.Single(nodes, n => n.Mark is not null);
        Assert.Equal("member_count", outer.Mark!.Kind);
        Assert.Equal("new_member", Assert.Single(outer.Children).Mark!.Kind);
        Assert.Equal(text, Concat(nodes));
    }

    [Fact]
    public void Build_CrossingSpans_SplitsTheLaterOneAndKeepsTextIntact()
    {
        const string text = "0123456789ABCDEF";
        var a = new Highlight("money", 2, 8, "a");
        var b = new Highlight("quote", 5, 12, "b") { Index = 1 };

        var nodes = Highlighter.Build(text, [a, b]);

        Assert.Equal(text, Concat(nodes));
        var pieces = Flatten(nodes).Where(n => n.Mark == b).ToList();
        Assert.Equal(2, pieces.Count);
        Assert.False(pieces[0].Continued);
        Assert.True(pieces[1].Continued);
        Assert.Equal("567", pieces[0].InnerText);
        Assert.Equal("89AB", pieces[1].InnerText);
    }

    [Fact]
    public void Build_InvalidSpans_AreIgnored()
    {
        const string text = "short";
        var nodes = Highlighter.Build(text, [new Highlight("person", -1, 2, "x"), new Highlight("person", 3, 99, "x"), new Highlight("person", 4, 4, "x")]);

        Assert.Equal("short", Assert.Single(nodes).Text);
    }

    [Fact]
    public void Build_SurrogatePairs_SlicesByUtf16Offsets()
    {
        const string text = "🇲🇦 Morocco hosted";
        var nodes = Highlighter.Build(text, [new Highlight("country", 5, 12, "MA")]);

        Assert.Equal("Morocco", Assert.Single(nodes, n => n.Mark is not null).InnerText);
        Assert.Equal(text, Concat(nodes));
    }

    [Fact]
    public void Build_HostileText_IsKeptVerbatimInTextNodesForTheEncoderToEscape()
    {
        const string text = "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">Iraq</a>";
        var iraq = text.IndexOf("Iraq", StringComparison.Ordinal);
        var nodes = Highlighter.Build(text, [new Highlight("country", iraq, iraq + 4, "IQ")]);

        Assert.Equal(text, Concat(nodes));
        Assert.All(Flatten(nodes).Where(n => n.Mark is not null), n => Assert.Equal("Iraq", n.InnerText));
    }

    [Fact]
    public void Highlight_Title_ShowsValueConfidenceAndExtractor()
    {
        var h = new Highlight("person", 0, 4, "Antony Blinken", "person:antony-blinken", 0.875, "1.0.0");

        Assert.Equal("person: Antony Blinken · confidence 0.88 · extractor 1.0.0 · [0, 4)", h.Title);
    }

    private static string Concat(IEnumerable<HighlightNode> nodes) => string.Concat(nodes.Select(n => n.InnerText));

    private static IEnumerable<HighlightNode> Flatten(IEnumerable<HighlightNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));
}
