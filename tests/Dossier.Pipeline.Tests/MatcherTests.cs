using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

public class PatternMatcherTests
{
    private static readonly WordSets Sets = new(new Dictionary<string, IEnumerable<string>>
    {
        ["host_verbs"] = ["hosted", "chaired", "co-chaired", "presided over"],
        ["stop"] = ["the", "a"],
    });

    private static PatternSet Load(string jsonl) => new(PatternLoader.Parse(jsonl, "test.jsonl", Sets, DocumentLayers.IsKnown));

    private static List<PatternMatch> Run(PatternSet set, string text, out List<Token> tokens)
    {
        tokens = Tokenizer.Tokenize(text);
        return set.Matches(new MatchInput(tokens, text), 0, tokens.Count);
    }

    private static string Covered(string text, List<Token> tokens, TokenRange range) =>
        text[tokens[range.Start].Start..tokens[range.End - 1].End];

    [Fact]
    public void Matches_PhraseElement_MatchesItsTokensInAnyCase()
    {
        var set = Load("""{"id": "p", "label": "invite", "pattern": ["at the invitation of"]}""");

        var matches = Run(set, "They met At The Invitation Of Ghana.", out var tokens);

        var m = Assert.Single(matches);
        Assert.Equal("invite", m.Label);
        Assert.Equal("At The Invitation Of", Covered("They met At The Invitation Of Ghana.", tokens, new TokenRange(m.Start, m.End)));
    }

    [Fact]
    public void Matches_SetWithHyphenatedAndMultiWordEntries_MatchesTheLongestForm()
    {
        var set = Load("""{"id": "h", "label": "host", "pattern": [{"set": "host_verbs", "capture": "verb"}, "by"]}""");
        const string text = "The forum was co-chaired by Peru; the talks were presided over by Chile.";

        var matches = Run(set, text, out var tokens);

        Assert.Equal(["co-chaired", "presided over"], matches.Select(m => Covered(text, tokens, m["verb"]!.Value)).ToArray());
    }

    [Fact]
    public void Matches_LayerSpecWithMultiTokenSetForms_TestsTheMentionsFirstToken()
    {
        var sets = new WordSets(new Dictionary<string, IEnumerable<string>> { ["lands"] = ["france", "united kingdom"] });
        var set = new PatternSet(PatternLoader.Parse("""{"id": "l", "label": "land", "pattern": [{"layer": "country", "set": "lands", "capture": "c"}]}""", "test.jsonl", sets, DocumentLayers.IsKnown));
        const string text = "Germany, France and the United Kingdom signed.";
        var document = TestSupport.Annotate(text, "gazetteer");

        var matches = set.Matches(document.MatchInput, 0, document.Tokens.Count);

        Assert.Equal(["France", "United Kingdom"], matches.Select(m => Covered(text, document.Tokens, m["c"]!.Value)).ToArray());
    }

    [Fact]
    public void Matches_HyphenSplitByWhiteSpace_IsNotAHyphenatedForm()
    {
        var set = Load("""{"id": "h", "label": "host", "pattern": [{"lower": "co-chaired"}]}""");

        Assert.Empty(Run(set, "It was co - chaired.", out _));
        Assert.Single(Run(set, "It was co-chaired.", out _));
    }

    [Fact]
    public void Matches_OptionalAndRepeatedSpecs_BacktrackToLetTheRestMatch()
    {
        // "+" of title-case words would swallow "Ministers" if it did not give it back.
        var set = Load("""{"id": "m", "label": "body", "pattern": [{"lower": "the", "op": "?"}, {"shape": "title", "op": "+", "capture": "name"}, "ministers"]}""");
        const string text = "Later the Nordic Defence Ministers met.";

        var m = Assert.Single(Run(set, text, out var tokens));

        Assert.Equal("Nordic Defence", Covered(text, tokens, m["name"]!.Value));
        Assert.Equal("the Nordic Defence Ministers", text[tokens[m.Start].Start..tokens[m.End - 1].End]);
    }

    [Fact]
    public void Matches_MaxRepetitions_BoundsAStar()
    {
        var set = Load("""{"id": "w", "label": "near", "pattern": ["attacks", {"any": true, "op": "*", "max": 2}, "rose"]}""");

        Assert.Single(Run(set, "attacks in May rose", out _));
        Assert.Empty(Run(set, "attacks in early May rose", out _));
    }

    [Fact]
    public void Matches_MarkCapture_RecordsAPositionWithoutConsumingTokens()
    {
        var set = Load("""{"id": "b", "label": "host", "args": "after", "pattern": ["hosted", "by", {"mark": "arg"}]}""");

        var m = Assert.Single(Run(set, "It was hosted by Kenya.", out _));

        Assert.Equal(new TokenRange(4, 4), m["arg"]);
        Assert.Equal("after", m.Pattern["args"]);
    }

    [Fact]
    public void Matches_NegatedSetAndShape_TestEveryToken()
    {
        var set = Load("""{"id": "n", "label": "x", "pattern": [{"shape": "title", "not_set": "stop"}, {"shape": "lower", "suffix": "ed"}]}""");

        var matches = Run(set, "The arrived. Envoys arrived.", out _);

        var m = Assert.Single(matches);
        Assert.Equal(3, m.Start);
    }

    [Fact]
    public void Matches_OverlappingPatterns_KeepTheHigherPriorityThenTheLonger()
    {
        var set = Load("""
            {"id": "short", "label": "a", "priority": 1, "pattern": ["small", "group"]}
            {"id": "long", "label": "b", "priority": 1, "pattern": ["the", "small", "group", "ministerial"]}
            {"id": "top", "label": "c", "priority": 5, "pattern": ["group", "ministerial"]}
            """);

        var matches = Run(set, "the small group ministerial", out _);

        Assert.Equal(["top"], matches.Select(m => m.Id).ToArray());
        Assert.Equal(["short", "top"], set.MatchAll(new MatchInput(Tokenizer.Tokenize("small group ministerial"), "small group ministerial"), 0, 3).Select(m => m.Id).Order().ToArray());
    }

    [Fact]
    public void Resolve_MatchesFilteredFirst_LetTheOthersWin()
    {
        var set = Load("""
            {"id": "which", "label": "count", "priority": 1, "pattern": ["which", "has", {"shape": "digit"}]}
            {"id": "group", "label": "count", "priority": 1, "pattern": ["group", ",", "which", "has", {"shape": "digit"}]}
            """);
        const string text = "the group, which has 30";
        var tokens = Tokenizer.Tokenize(text);
        var all = set.MatchAll(new MatchInput(tokens, text), 0, tokens.Count);

        var kept = PatternSet.Resolve(all.Where(m => m.Id != "group").ToList());

        Assert.Equal(["which"], kept.Select(m => m.Id).ToArray());
        Assert.Equal(["group"], set.Matches(new MatchInput(tokens, text), 0, tokens.Count).Select(m => m.Id).ToArray());
    }

    [Fact]
    public void Matches_LabelFilter_OnlyThatLabel()
    {
        var set = Load("""
            {"id": "a", "label": "host", "pattern": ["hosted"]}
            {"id": "b", "label": "attend", "pattern": ["attended"]}
            """);
        var tokens = Tokenizer.Tokenize("It was hosted and attended.");

        var matches = set.Matches(new MatchInput(tokens, "It was hosted and attended."), 0, tokens.Count, "attend");

        Assert.Equal(["b"], matches.Select(m => m.Id).ToArray());
    }

    [Fact]
    public void Matches_LayerSpec_ConsumesAWholeMention()
    {
        const string text = "The talks were chaired by Finland and New Zealand in Oslo.";
        var document = TestSupport.Annotate(text, "gazetteer");
        var set = Load("""{"id": "c", "label": "host", "pattern": ["chaired", "by", {"layer": "country", "capture": "a"}, "and", {"layer": "country", "capture": "b"}]}""");

        var m = Assert.Single(set.Matches(document.MatchInput, 0, document.Tokens.Count));

        Assert.Equal("New Zealand", Covered(text, document.Tokens, m["b"]!.Value));
    }

    [Fact]
    public void Matches_ComponentLayer_UsesTheRangesAComponentSet()
    {
        const string text = "said the envoy for peace today";
        var document = TestSupport.Annotate(text, "segmenter");
        document.Layers.Set("title", [new TokenRange(1, 5)]);
        var set = Load("""{"id": "t", "label": "desc", "pattern": ["said", {"layer": "title", "capture": "who"}, "today"]}""");

        var m = Assert.Single(set.Matches(document.MatchInput, 0, document.Tokens.Count));

        Assert.Equal("the envoy for peace", Covered(text, document.Tokens, m["who"]!.Value));
    }

    [Theory]
    [InlineData("""{"id": "x", "pattern": [{"lowr": "a"}]}""", "unknown spec key 'lowr'")]
    [InlineData("""{"id": "x", "pattern": [{"set": "nope"}]}""", "no word set 'nope'")]
    [InlineData("""{"id": "x", "pattern": [{"layer": "persn"}]}""", "unknown layer 'persn'")]
    [InlineData("""{"id": "x", "pattern": [{"op": "+"}]}""", "tests nothing")]
    [InlineData("""{"id": "x", "pattern": [{"mark": "m"}]}""", "consumes no token")]
    [InlineData("{\"id\": \"x\", \"pattern\": [\"a\"]}\n{\"id\": \"x\", \"pattern\": [\"b\"]}", "appears twice")]
    public void Parse_BadPattern_FailsNamingFileLineAndProblem(string jsonl, string problem)
    {
        var e = Assert.Throws<FormatException>(() => PatternLoader.Parse(jsonl, "bad.jsonl", Sets, DocumentLayers.IsKnown));

        Assert.StartsWith("bad.jsonl:", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnowledgeBase_EmbeddedPatternFiles_AllLoadAndTheDataHashIsStable()
    {
        var kb = KnowledgeBase.Default;

        Assert.Matches("^[0-9a-f]{12}$", kb.DataHash);
        Assert.Equal(kb.DataHash, KnowledgeBase.Load().DataHash);
        Assert.All(kb.PatternFiles, p => Assert.True(p.Value.Count > 0, p.Key));
    }
}
