using Dossier.Domain;

namespace Dossier.Pipeline.Tests.Html;

public class MetadataPrecedenceTests
{
    private const string Body =
        "<p>BAGHDAD, 5 June 2022 \u2014 Ministers of the Global Coalition to Defeat ISIS met in Baghdad, Iraq, on Sunday to review the stabilization of liberated areas.</p>"
        + "<p>The meeting was hosted by the Iraqi foreign ministry and attended by envoys from Jordan, Norway and Japan, according to a statement.</p>";

    private static string Page(string head) => $"<html><head><title>Coalition ministers meet in Baghdad</title>{head}</head><body><article>{Body}</article></body></html>";

    private const string PageDate = """<meta property="article:published_time" content="2022-06-06T08:00:00+03:00">""";

    private static ExtractionResult Extract(string html, string? published = null, string? title = null, string? source = null, string? url = null) =>
        TestSupport.Pipeline.Extract(new ExtractionRequest("m", html, published, ContentTypes.Html, title, source, url));

    [Fact]
    public void First_ValuesInOrder_FirstNonBlankTrimmed()
    {
        Assert.Equal("Page", MetadataPrecedence.First(null, "  ", " Page ", "Text"));
        Assert.Null(MetadataPrecedence.First(null, "", " "));
    }

    [Fact]
    public void FilledFrom_CallerGaveSome_CallerKeepsThemAndThePageFillsTheRest()
    {
        var request = new ExtractionRequest("r", "<p>x</p>", Published: "2020-01-02", ContentType: ContentTypes.Html, Title: "Caller title");
        var page = new PageMetadata("Page title", "A. Writer", "The Site", "https://site.example/a", "2020-01-05");

        var filled = request.FilledFrom(page);

        Assert.Equal("2020-01-02", filled.Published);
        Assert.Equal("Caller title", filled.Title);
        Assert.Equal("The Site", filled.Source);
        Assert.Equal("https://site.example/a", filled.Url);
    }

    [Fact]
    public void Extract_PageDateAndNoCallerDate_PublishedIsThePagesDate()
    {
        var result = Extract(Page(PageDate));

        Assert.Equal("2022-06-06", result.Facts.Published);
        Assert.Equal("2022-06-06", result.Page?.Published);
    }

    [Fact]
    public void Extract_CallerDateAndPageDate_CallerWins()
    {
        var result = Extract(Page(PageDate), published: "2022-06-10");

        Assert.Equal("2022-06-10", result.Facts.Published);
        Assert.Equal("2022-06-06", result.Page?.Published);
    }

    [Fact]
    public void Extract_NoCallerNorPageDate_TheTextsDatelineIsUsed()
    {
        var result = Extract(Page(""));

        Assert.Null(result.Page?.Published);
        Assert.Equal("2022-06-05", result.Facts.Published);
    }

    [Fact]
    public void Extract_HtmlPage_ResultCarriesThePagesMetadata()
    {
        var result = Extract(Page("""<meta property="og:site_name" content="Tigris Times"><link rel="canonical" href="/2022/06/ministers">"""),
            url: "https://tigris.example/feed/item?id=7");

        Assert.NotNull(result.Page);
        Assert.Equal("Coalition ministers meet in Baghdad", result.Page.Title);
        Assert.Equal("Tigris Times", result.Page.SiteName);
        Assert.Equal("https://tigris.example/2022/06/ministers", result.Page.CanonicalUrl);
        Assert.StartsWith("Coalition ministers meet in Baghdad\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PlainText_HasNoPageMetadata()
    {
        var result = TestSupport.Pipeline.Extract(new ExtractionRequest("p", "Ministers met in Rome, Italy."));

        Assert.Null(result.Page);
    }

    [Fact]
    public void Extract_HtmlWhoseTextIsOverTheLimit_IsRefused()
    {
        // Under the page limit in bytes, but its text alone is over the text limit.
        var html = "<p>" + string.Concat(Enumerable.Repeat("Ministers met in Rome. ", (ArticleRules.MaxTextLength / 23) + 10)) + "</p>";
        Assert.Null(ArticleRules.Check(html, ContentTypes.Html));

        var e = Assert.Throws<ArticleRefusedException>(() => Extract(html));

        Assert.Contains("limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HtmlLongerThanTheTextLimitWithTextUnderIt_IsRead()
    {
        // 1.2 MB of markup around a short article: the limit is on the text, not the page.
        var markup = string.Concat(Enumerable.Repeat("<div class=\"ad-slot\" data-tracking=\"" + new string('x', 200) + "\"></div>", 5_000));
        var html = Page("").Replace("<article>", markup + "<article>", StringComparison.Ordinal);
        Assert.True(html.Length > ArticleRules.MaxTextLength);

        var result = Extract(html);

        Assert.Contains("met in Baghdad, Iraq", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Facts.Countries, c => c.Code == "IQ");
    }
}
