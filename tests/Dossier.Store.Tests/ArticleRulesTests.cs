using Dossier.Domain;

namespace Dossier.Store.Tests;

public class ArticleRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("text with \0 NUL")]
    [InlineData("broken \uFFFD bytes")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("lone \uDC00 low surrogate")]
    public void Check_BadText_GivesAReason(string text)
    {
        Assert.NotNull(ArticleRules.Check(text));
    }

    [Theory]
    [InlineData("The coalition met in Rome.")]
    [InlineData("Emoji 👍🏽 and ZWJ 👨‍👩‍👧 are fine")]
    [InlineData("مرحبا with mixed scripts")]
    public void Check_GoodText_GivesNull(string text)
    {
        Assert.Null(ArticleRules.Check(text));
    }

    [Fact]
    public void Check_TextOverLimit_GivesAReason()
    {
        Assert.Contains("limit", ArticleRules.Check(new string('a', ArticleRules.MaxTextLength + 1)));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("spaces here")]
    [InlineData("ÿ")]
    public void CheckId_BadId_GivesAReason(string id)
    {
        Assert.NotNull(ArticleRules.CheckId(id));
    }

    [Theory]
    [InlineData("2022-02-31")]
    [InlineData("14/05/2022")]
    [InlineData("2022-5-14")]
    public void CheckPublished_NotAnIsoDate_GivesAReason(string published)
    {
        Assert.NotNull(ArticleRules.CheckPublished(published));
    }

    [Fact]
    public void ContentHash_WhitespaceAndNormalizationDiffer_SameHash()
    {
        Assert.Equal(ArticleRules.ContentHash("Sophie Wilm\u00e8s spoke."), ArticleRules.ContentHash("  Sophie  Wilme\u0300s\nspoke. "));
        Assert.NotEqual(ArticleRules.ContentHash("a b"), ArticleRules.ContentHash("ab"));
    }
}
