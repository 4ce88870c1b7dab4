using Dossier.Domain;

namespace Dossier.Store.Tests;

public sealed class SearchSnippetsTests
{
    private const char Open = HighlightMarks.Open;
    private const char Close = HighlightMarks.Close;

    [Fact]
    public void Parse_MarkedPhrase_GivesPlainTextAndOneRangePerWord()
    {
        var (text, words) = HighlightMarks.Parse($"the {Open}Global Coalition{Close} [sic] met in {Open}Rome{Close}.");

        Assert.Equal("the Global Coalition [sic] met in Rome.", text);
        Assert.Equal([new TextSpan(4, 10), new TextSpan(11, 20), new TextSpan(34, 38)], words);
    }

    [Fact]
    public void Parse_PunctuationInsideAMark_IsNotHighlighted()
    {
        var (text, words) = HighlightMarks.Parse($"{Open}[ISIS-K],{Close} and {Open}𝒜b{Close}");

        Assert.Equal("[ISIS-K], and 𝒜b", text);
        Assert.Equal(["ISIS", "K", "𝒜b"], words.Select(w => w.Slice(text)));
    }

    [Fact]
    public void Parse_UnbalancedMarks_KeepTheTextWhole()
    {
        var (text, words) = HighlightMarks.Parse($"a{Close} b {Open}c d");

        Assert.Equal("a b c d", text);
        Assert.Equal(["c", "d"], words.Select(w => w.Slice(text)));
    }

    [Fact]
    public void Clean_MarkCharacters_BecomeSpacesOfTheSameLength()
    {
        Assert.Equal("a  b ", HighlightMarks.Clean($"a {Open}b{Close}"));
    }

    [Fact]
    public void Make_ShortText_IsTheWholeTextTrimmed()
    {
        var snippet = SearchSnippets.Make("\n  Rome [sic] agreed.\n", [new TextSpan(3, 7)]);

        Assert.Equal("Rome [sic] agreed.", snippet.Text);
        Assert.Equal([new TextSpan(0, 4)], snippet.Highlights);
    }

    [Fact]
    public void Make_LongText_TakesTheWindowWithTheMostHighlights()
    {
        var words = Enumerable.Range(0, 100).Select(i => "w" + i).ToArray();
        var text = string.Join(' ', words);
        TextSpan Word(int i) => new(text.IndexOf(" " + words[i] + " ", StringComparison.Ordinal) + 1, text.IndexOf(" " + words[i] + " ", StringComparison.Ordinal) + 1 + words[i].Length);

        var snippet = SearchSnippets.Make(text, [Word(10), Word(60), Word(62), Word(70)]);

        Assert.Equal("…" + string.Join(' ', words[56..80]) + "…", snippet.Text);
        Assert.Equal(["w60", "w62", "w70"], snippet.Highlights.Select(h => h.Slice(snippet.Text)));
    }

    [Fact]
    public void Make_MatchNearTheEnd_FillsTheWindowFromBefore()
    {
        var words = Enumerable.Range(0, 40).Select(i => "w" + i).ToArray();
        var text = string.Join(' ', words) + ".";
        var last = text.IndexOf("w39", StringComparison.Ordinal);

        var snippet = SearchSnippets.Make(text, [new TextSpan(last, last + 3)]);

        Assert.Equal("…" + string.Join(' ', words[16..]) + ".", snippet.Text);
        Assert.Equal(["w39"], snippet.Highlights.Select(h => h.Slice(snippet.Text)));
    }

    [Fact]
    public void Make_WindowEdges_KeepThePunctuationOfTheirWords()
    {
        var text = string.Join(' ', Enumerable.Range(0, 10).Select(i => "w" + i)) + " \"[the a b c coalition] [sic]\" — "
            + string.Join(", ", Enumerable.Range(0, 30).Select(i => "v" + i));
        var coalition = text.IndexOf("coalition", StringComparison.Ordinal);

        var snippet = SearchSnippets.Make(text, [new TextSpan(coalition, coalition + 9)]);

        Assert.Equal("…\"[the a b c coalition] [sic]\" — " + string.Join(", ", Enumerable.Range(0, 18).Select(i => "v" + i)) + ",…", snippet.Text);
        Assert.Equal(["coalition"], snippet.Highlights.Select(h => h.Slice(snippet.Text)));
    }

    [Fact]
    public void Make_OneHugeWord_IsCutAtMaxChars()
    {
        var text = new string('x', 1000);

        var snippet = SearchSnippets.Make(text, [new TextSpan(0, 1000)]);

        Assert.Equal(SearchSnippets.MaxChars + 1, snippet.Text.Length);
        Assert.Equal([new TextSpan(0, SearchSnippets.MaxChars)], snippet.Highlights);
    }
}
