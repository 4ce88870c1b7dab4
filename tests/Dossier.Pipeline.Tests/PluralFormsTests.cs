using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

/// <summary>The plural forms of a word set's entries, precomputed so that no singular is built per word.</summary>
public class PluralFormsTests
{
    private static readonly WordSet Heads = WordSet.Of("heads", ["ranger", "deputy", "boss", "tie", "bus"]);

    [Theory]
    [InlineData("rangers", true)]
    [InlineData("deputies", true)]
    [InlineData("deputys", true)]
    [InlineData("ranger", false)]
    [InlineData("bosss", false)]
    [InlineData("ties", true)]
    [InlineData("buss", false)]
    [InlineData("deputie", false)]
    public void IsPluralOf_Form_AgreesWithSingular(string form, bool expected)
    {
        Assert.Equal(expected, PluralForms.IsPluralOf(Heads, form));
        Assert.Equal(PluralForms.Singular(form) is { } s && Heads.Words.Contains(s), PluralForms.IsPluralOf(Heads, form));
    }
}
