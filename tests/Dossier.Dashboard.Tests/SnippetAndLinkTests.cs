using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class SnippetAndLinkTests
{
    [Fact]
    public void SnippetParts_From_MarksTheRangesAndKeepsBracketsAsText()
    {
        var parts = SnippetParts.From("…the [Coalition] met in Rome [sic]", [(6, 15), (24, 28)]);

        Assert.Equal([("…the [", false), ("Coalition", true), ("] met in ", false), ("Rome", true), (" [sic]", false)], parts.Select(p => (p.Text, p.Match)));
    }

    [Fact]
    public void SnippetParts_From_BadRanges_AreIgnoredAndTheTextKeptWhole()
    {
        var parts = SnippetParts.From("the coalition", [(4, 13), (6, 8), (-1, 2), (10, 99), (3, 3)]);

        Assert.Equal([("the ", false), ("coalition", true)], parts.Select(p => (p.Text, p.Match)));
    }

    [Fact]
    public void Links_Entity_EscapesTheColon() => Assert.Equal("/entities/person%3Aantony-blinken", Links.Entity("person:antony-blinken"));

    [Fact]
    public void Links_With_KeepsFiltersAndDropsEmptyOnes() =>
        Assert.Equal("/search?country=MA&format=ministerial&q=foreign%20fighters",
            Links.With("/search", new ArticleFilter(Country: "MA", Format: "ministerial"), ("q", "foreign fighters"), ("after", null)));
}
