using Dossier.Evaluation.Html;

namespace Dossier.Pipeline.Tests.Html;

public class BagOfWordsTests
{
    [Fact]
    public void F1_SameWordsInAnotherOrderAndCase_IsOne()
    {
        Assert.Equal(1.0, BagOfWords.F1("Envoys met in Accra.\nTalks went on.", "talks went on, envoys MET in accra"));
    }

    [Fact]
    public void F1_HalfTheWordsMissing_CountsTheirMultiplicity()
    {
        // predicted: a a b (3 words); expected: a b c d (4 words); overlap a, b = 2: P 2/3, R 2/4, F1 4/7.
        Assert.Equal(4.0 / 7, BagOfWords.F1("a a b", "a b c d"), 9);
    }

    [Fact]
    public void F1_NoWordsOnEitherSide_IsOneAndOnOneSideZero()
    {
        Assert.Equal(1.0, BagOfWords.F1(" ... ", ""));
        Assert.Equal(0.0, BagOfWords.F1("words", " - "));
    }

    [Fact]
    public void Count_AccentedAndCombiningLetters_StayInTheirWord()
    {
        var counts = BagOfWords.Count("Tromsø Co\u0302te café_bar");

        Assert.Equal(["tromsø", "co\u0302te", "café_bar"], counts.Keys);
    }
}
