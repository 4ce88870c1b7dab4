using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

public class RequiredFormsTests
{
    private static readonly WordSets Sets = new(new Dictionary<string, IEnumerable<string>>
    {
        ["boat_verbs"] = ["rowed", "sailed across"],
    });

    private static RequiredForms Load(string jsonl) => new(PatternLoader.Parse(jsonl, "test.jsonl", Sets, DocumentLayers.IsKnown).ToList());

    private static bool Viable(RequiredForms forms, int pattern, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var present = new ulong[Math.Max(1, forms.Words)];
        forms.Count(new MatchInput(tokens, text).NormIds, 0, tokens.Count, present);
        return forms.Viable(pattern, present);
    }

    [Fact]
    public void Viable_RangeWithoutARequiredWord_IsFalse()
    {
        var forms = Load("""{"id": "p", "label": "x", "pattern": [{"shape": "title"}, {"set": "boat_verbs"}, "to", {"shape": "title"}]}""");

        Assert.False(Viable(forms, 0, "Marta rowed home, then walked."));
        Assert.False(Viable(forms, 0, "Marta walked to Lisbon."));
        Assert.True(Viable(forms, 0, "Marta rowed to Lisbon."));
    }

    [Fact]
    public void Viable_MultiWordSetForm_CountsItsFirstWord()
    {
        var forms = Load("""{"id": "p", "label": "x", "pattern": [{"set": "boat_verbs"}, "to"]}""");

        Assert.True(Viable(forms, 0, "They sailed across to Dover."));
        Assert.False(Viable(forms, 0, "They swam across to Dover."));
    }

    [Fact]
    public void Of_OptionalRepeatedAndShapeSpecs_RequireNothing()
    {
        var forms = Load("""
            {"id": "a", "label": "x", "pattern": [{"lower": "the", "op": "?"}, {"shape": "title", "op": "+"}]}
            {"id": "b", "label": "x", "pattern": [{"lower": ["many", "few"], "op": "*"}, {"shape": "digit"}]}
            {"id": "c", "label": "x", "pattern": [{"layer": "person"}, {"not_in": "said"}]}
            """);

        Assert.Empty(forms.Of(0));
        Assert.Empty(forms.Of(1));
        Assert.Empty(forms.Of(2));
        Assert.True(Viable(forms, 0, "Nothing here."));
    }

    [Fact]
    public void Of_LayerSpecWithASet_RequiresTheSetsForms()
    {
        var forms = Load("""{"id": "p", "label": "x", "pattern": [{"layer": "person", "set": "boat_verbs"}, {"lower": "home", "op": "?"}]}""");

        Assert.Single(forms.Of(0));
        Assert.False(Viable(forms, 0, "Home is where Marta is."));
    }

    [Fact]
    public void Matches_SubrangesWithAndWithoutTheRequiredWords_FindOnlyTheMatchInside()
    {
        var set = new PatternSet(PatternLoader.Parse("""{"id": "p", "label": "x", "pattern": [{"shape": "title"}, {"any": true, "op": "*", "max": 3}, {"set": "boat_verbs"}, "to", {"shape": "title"}]}""", "test.jsonl", Sets, DocumentLayers.IsKnown));
        const string text = "Ana walked to Braga. Then Ana rowed to Porto quickly.";
        var tokens = Tokenizer.Tokenize(text);
        var input = new MatchInput(tokens, text);
        var second = tokens.FindIndex(t => t.Norm == "then");

        var first = set.Matches(input, 0, second);
        var rest = set.Matches(input, second, tokens.Count);

        Assert.Empty(first);
        var m = Assert.Single(rest);
        Assert.Equal("Then Ana rowed to Porto", text[tokens[m.Start].Start..tokens[m.End - 1].End]);
    }
}
