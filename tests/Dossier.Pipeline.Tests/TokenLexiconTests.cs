using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

public class TokenLexiconTests
{
    [Fact]
    public void Fill_TokensOfSetsAndPatterns_GivesTheSameIdsAsTheSeparateTables()
    {
        var sets = new WordSets(new Dictionary<string, IEnumerable<string>>
        {
            ["rivers"] = ["tagus", "douro"],
            ["verbs"] = ["rowed", "douro"],
        });
        var patternWord = Vocabulary.Intern("lexicontestoar");
        const string text = "Marta rowed up the Douro with one lexicontestoar and no map.";
        var tokens = Tokenizer.Tokenize(text);
        var ids = new int[tokens.Count];
        var masks = new int[tokens.Count];

        var vocabulary = sets.Lexicon.Fill(tokens, ids, masks);

        Assert.True(vocabulary >= patternWord);
        Assert.Equal(new MatchInput(tokens, text).NormIds, ids);
        Assert.Equal(tokens.Select(t => sets.MaskIdOf(t.Norm)).ToArray(), masks);
        Assert.Contains(patternWord, ids);
        var douro = tokens.FindIndex(t => t.Norm == "douro");
        Assert.True(sets.Mask(masks[douro]).Has(sets["rivers"].Index) && sets.Mask(masks[douro]).Has(sets["verbs"].Index));
        Assert.Equal(0, masks[tokens.FindIndex(t => t.Norm == "map")]);
    }
}
