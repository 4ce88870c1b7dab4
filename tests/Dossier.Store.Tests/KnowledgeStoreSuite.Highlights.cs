using Dossier.Domain;

namespace Dossier.Store.Tests;

/// <summary>Search highlights: plain snippets with ranges, the same on every engine (both run these tests).</summary>
public abstract partial class KnowledgeStoreSuite
{
    private async Task<SearchHit> SearchOneAsync(string query, string text)
    {
        var (info, facts) = Article("h1", text);
        await Store.IndexAsync(info, facts);
        return Assert.Single((await Store.SearchAsync(query, 0, 10)).Items);
    }

    private static IEnumerable<string> Highlighted(SearchHit hit) => hit.Highlights.Select(h => h.Slice(hit.Snippet));

    [SkippableFact]
    public async Task Search_TextWithBrackets_ComesBackUnchangedWithRangesOnTheWords()
    {
        const string text = "The coalition [sic] met in Rome; \"[the coalition] agreed\" [sic].";

        var hit = await SearchOneAsync("sic", text);

        Assert.Equal(text, hit.Snippet);
        Assert.Equal([new TextSpan(15, 18), new TextSpan(59, 62)], hit.Highlights);
    }

    [SkippableFact]
    public async Task Search_Phrase_HighlightsEachOfItsWordsWhereverTheyOccur()
    {
        const string text = "Ministers of the Global Coalition met. Then the coalition agreed.";

        var hit = await SearchOneAsync("\"global coalition\"", text);

        Assert.Equal(text, hit.Snippet);
        Assert.Equal([new TextSpan(17, 23), new TextSpan(24, 33), new TextSpan(48, 57)], hit.Highlights);
    }

    [SkippableFact]
    public async Task Search_Prefix_HighlightsTheWholeWord()
    {
        var hit = await SearchOneAsync("Marrak*", "Ministers met in Marrakesh, Morocco.");

        Assert.Equal(["Marrakesh"], Highlighted(hit));
    }

    [SkippableFact]
    public async Task Search_LongText_CutsTheSameWindowAroundTheMatch()
    {
        var words = Enumerable.Range(1, 60).Select(i => i == 31 ? "Marrakesh" : "word" + i).ToList();
        var text = string.Join(' ', words) + ".";

        var hit = await SearchOneAsync("marrakesh", text);

        var expected = "…" + string.Join(' ', words.Skip(26).Take(SearchSnippets.MaxWords)) + "…";
        Assert.Equal(expected, hit.Snippet);
        var start = expected.IndexOf("Marrakesh", StringComparison.Ordinal);
        Assert.Equal([new TextSpan(start, start + 9)], hit.Highlights);
    }

    [SkippableFact]
    public async Task Search_TextBeyondTheBasicPlane_CountsUtf16CodeUnits()
    {
        var hit = await SearchOneAsync("coalition", "The 𝒜 coalition met.");

        Assert.Equal([new TextSpan(7, 16)], hit.Highlights);
    }

    [SkippableFact]
    public async Task Search_TextHoldingTheMarkCharacters_HighlightsOnlyTheMatch()
    {
        var hit = await SearchOneAsync("rome", "Stray \u0002marks\u0003 in Rome.");

        Assert.Equal("Stray  marks  in Rome.", hit.Snippet);
        Assert.Equal(["Rome"], Highlighted(hit));
    }

    [SkippableFact]
    public async Task Search_FiltersOnly_HasNoHighlights()
    {
        var (info, facts) = Article("h1", "The coalition met in Morocco.");
        await Store.IndexAsync(info, facts);

        var hit = Assert.Single((await Store.SearchAsync(new SearchQuery("", Country: "MA"), 0, 10)).Items);

        Assert.Equal("The coalition met in Morocco.", hit.Snippet);
        Assert.Empty(hit.Highlights);
    }
}
