using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class SnippetAndLinkTests
{
    [Fact]
    public void SnippetParts_Parse_MarksBracketedMatches()
    {
        var parts = SnippetParts.Parse("…the [Coalition] met in [Rome]");

        Assert.Equal([("…the ", false), ("Coalition", true), (" met in ", false), ("Rome", true)], parts.Select(p => (p.Text, p.Match)));
    }

    [Fact]
    public void Links_Entity_EscapesTheColon() => Assert.Equal("/entities/person%3Aantony-blinken", Links.Entity("person:antony-blinken"));

    [Fact]
    public void Links_With_KeepsFiltersAndDropsEmptyOnes() =>
        Assert.Equal("/search?country=MA&format=ministerial&q=foreign%20fighters",
            Links.With("/search", new ArticleFilter(Country: "MA", Format: "ministerial"), ("q", "foreign fighters"), ("after", null)));
}
