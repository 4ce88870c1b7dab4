using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

/// <summary>The tokenizer reuses the strings of recurring normalized forms; the forms themselves are unchanged.</summary>
public class TokenizerPoolTests
{
    [Fact]
    public void Tokenize_RecurringWordInOtherCases_SharesOneLowerCaseString()
    {
        var tokens = Tokenizer.Tokenize("Rangers met. The rangers, RANGERS; rangers!");
        var forms = tokens.Where(t => t.Norm == "rangers").Select(t => t.Norm).ToList();

        Assert.Equal(4, forms.Count);
        Assert.All(forms, f => Assert.Same(forms[0], f));
        Assert.Equal([".", ",", ";", "!"], tokens.Where(t => t.Kind == TokenKind.Punct).Select(t => t.Norm));
    }

    [Fact]
    public void Tokenize_ManyDistinctWords_KeepsEachForm()
    {
        var words = Enumerable.Range(0, 10000).Select(k => "Word" + k).ToList();
        var tokens = Tokenizer.Tokenize(string.Join(' ', words));

        Assert.Equal(words.Select(w => w.ToLowerInvariant()), tokens.Select(t => t.Norm));
    }
}
