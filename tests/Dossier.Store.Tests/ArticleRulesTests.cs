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

    [Fact]
    public void Check_PlainTextOverTheTextLimitWithContentType_GivesAReason()
    {
        Assert.Contains("limit", ArticleRules.Check(new string('a', ArticleRules.MaxTextLength + 1), ContentTypes.PlainText));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("TEXT/HTML")]
    public void Check_HtmlOverTheTextLimitUnderTheByteLimit_GivesNull(string contentType)
    {
        var html = "<p>" + new string('a', ArticleRules.MaxTextLength + 300_000) + "</p>";

        Assert.Null(ArticleRules.Check(html, contentType));
    }

    [Fact]
    public void Check_HtmlOverTheByteLimit_GivesAReason()
    {
        var html = "<p>" + new string('a', ArticleRules.MaxHtmlBytes) + "</p>";

        Assert.Contains("bytes", ArticleRules.Check(html, ContentTypes.Html));
    }

    [Fact]
    public void Check_HtmlUnderTheByteLimitInCharactersButOverItInUtf8_GivesAReason()
    {
        // 2.7 million euro signs are 8.1 MB of UTF-8.
        var html = "<p>" + new string('\u20AC', 2_700_000) + "</p>";

        Assert.Contains("bytes", ArticleRules.Check(html, ContentTypes.Html));
    }

    [Theory]
    [InlineData("<p>NUL \0 inside</p>")]
    [InlineData("<p>lone \uD800 surrogate</p>")]
    [InlineData("  ")]
    public void Check_HtmlWithBadCharacters_GivesAReason(string html)
    {
        Assert.NotNull(ArticleRules.Check(html, ContentTypes.Html));
    }

    [Fact]
    public void Check_HtmlNestedTooDeep_GivesAReason()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", ArticleRules.MaxHtmlDepth + 1)) + "x";

        Assert.Contains("deep", ArticleRules.Check(html, ContentTypes.Html));
    }

    [Fact]
    public void CheckExtracted_TextOfRecordOverTheLimit_GivesAReason()
    {
        Assert.Null(ArticleRules.CheckExtracted(new string('a', ArticleRules.MaxTextLength)));
        Assert.Contains("limit", ArticleRules.CheckExtracted(new string('a', ArticleRules.MaxTextLength + 1)));
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
