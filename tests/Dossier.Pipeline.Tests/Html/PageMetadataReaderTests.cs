using AngleSharp.Html.Parser;
using Dossier.Domain;
using Dossier.Pipeline.Html;

namespace Dossier.Pipeline.Tests.Html;

public class PageMetadataReaderTests
{
    private static readonly Uri PageUrl = new("https://news.example.org/world/2021/03/talks.html");

    private static PageMetadata Read(string head, string body = "<p>Text.</p>", MainContentResult? reader = null)
    {
        using var dom = new HtmlParser().ParseDocument($"<html><head>{head}</head><body>{body}</body></html>");
        return PageMetadataReader.Read(dom, PageUrl).Resolve(reader);
    }

    private const string JsonLdArticle = """
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Envoys meet in Amman","datePublished":"2021-03-04T09:15:00+02:00",
         "author":[{"@type":"Person","name":"Rana Haddad"},{"@type":"Person","name":"Tom Kerr"}],"publisher":{"@type":"Organization","name":"Levant Daily"}}
        </script>
        """;

    [Fact]
    public void Read_JsonLdAndMetaTags_JsonLdDateWins()
    {
        var m = Read(JsonLdArticle + """<meta property="article:published_time" content="2021-03-05T10:00:00Z">""");

        Assert.Equal("2021-03-04", m.Published);
    }

    [Fact]
    public void Read_JsonLdArticle_GivesHeadlineAuthorsAndPublisher()
    {
        var m = Read(JsonLdArticle);

        Assert.Equal("Envoys meet in Amman", m.Title);
        Assert.Equal("Rana Haddad, Tom Kerr", m.Byline);
        Assert.Equal("Levant Daily", m.SiteName);
    }

    [Fact]
    public void Read_JsonLdInAGraphAndCData_FindsTheArticleObject()
    {
        var m = Read("""
            <script type="application/ld+json">//<![CDATA[
            {"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"The Harbour Post"},
             {"@type":["BlogPosting"],"headline":"Port reopens","dateCreated":"2019-11-02"}]}
            //]]></script>
            """);

        Assert.Equal("Port reopens", m.Title);
        Assert.Equal("2019-11-02", m.Published);
    }

    [Fact]
    public void Read_OnlyAnOrganizationInJsonLd_TakesNothingFromIt()
    {
        var m = Read("""<script type="application/ld+json">{"@type":"Organization","name":"Gazette of Tromsø"}</script><title>Ice road closed</title>""");

        Assert.Equal("Ice road closed", m.Title);
        Assert.Null(m.SiteName);
    }

    [Fact]
    public void Read_InvalidJsonLd_IsSkipped()
    {
        var m = Read("""<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script><meta property="og:title" content="Ferry service resumes">""");

        Assert.Equal("Ferry service resumes", m.Title);
    }

    [Fact]
    public void Read_JsonLdNameIsTheSiteAndHeadlineMatchesTheTitle_TakesTheHeadline()
    {
        var m = Read("""
            <title>Storm cuts power to coastal towns - Baltic Wire</title>
            <script type="application/ld+json">{"@type":"NewsArticle","name":"Baltic Wire","headline":"Storm cuts power to coastal towns"}</script>
            """);

        Assert.Equal("Storm cuts power to coastal towns", m.Title);
    }

    [Fact]
    public void Read_JsonLdHeadlineIsADescription_TakesTheName()
    {
        var m = Read("""
            <title>Lake Victoria - Encyclopaedia</title>
            <script type="application/ld+json">{"@type":"Article","name":"Lake Victoria","headline":"largest lake in Africa"}</script>
            """);

        Assert.Equal("Lake Victoria", m.Title);
    }

    [Theory]
    [InlineData("""<meta property="article:published_time" content="2020-07-10T14:15:42+00:00">""", "2020-07-10")]
    [InlineData("""<meta name="parsely-pub-date" content="2018-06-12T23:00:00.000Z">""", "2018-06-12")]
    [InlineData("""<meta name="sailthru.date" content="Tue, 09 Feb 2016 08:30:00 -0500">""", "2016-02-09")]
    [InlineData("""<meta name="DC.date.issued" content="2012/05/30">""", "2012-05-30")]
    [InlineData("""<meta itemprop="datePublished" content="2017-11-03 03:01:00.000000">""", "2017-11-03")]
    [InlineData("""<meta property="og:article:published_time" content="1640995200">""", "2022-01-01")]
    public void Read_DateInAMetaTag_IsTheDay(string meta, string expected)
    {
        Assert.Equal(expected, Read(meta).Published);
    }

    [Fact]
    public void Read_TimeWithALateOffset_KeepsThePagesOwnDay()
    {
        // 23:30 in New York is the next day in UTC: the page's day is the one it wrote.
        var m = Read("""<meta property="article:published_time" content="2021-03-03T23:30:00-05:00">""");

        Assert.Equal("2021-03-03", m.Published);
    }

    [Fact]
    public void Read_TimeElementInTheArticle_IsTheDateWhenNoMetaTagGivesOne()
    {
        var m = Read("", """<nav><time datetime="2024-01-01">New Year</time></nav><article><header><time datetime="2023-09-14T08:00">14 Sept</time></header><p>Body.</p></article>""");

        Assert.Equal("2023-09-14", m.Published);
    }

    [Fact]
    public void Read_DateLineUnderTheHeadline_IsTheLastResort()
    {
        var m = Read("", """<h1>Bridge opens</h1><div class="post-meta"><span class="entry-date">Posted on 3rd March 2021 at 10:42</span></div><p>Body.</p>""");

        Assert.Equal("2021-03-03", m.Published);
    }

    [Fact]
    public void Read_DateOnlyInAFooterListItem_IsNotThePagesDate()
    {
        var m = Read("", """<p>Body.</p><footer><ul><li class="date">January 5, 2010</li></ul></footer>""");

        Assert.Null(m.Published);
    }

    [Fact]
    public void Read_MetaBylines_DublinCorePropertyBeforeAuthorName()
    {
        var m = Read("""<meta name="author" content="Desk Editor"><meta property="dc:creator" content="Ines Moreau">""");

        Assert.Equal("Ines Moreau", m.Byline);
    }

    [Fact]
    public void Read_AuthorIsAProfileAddress_IsNoByline()
    {
        var m = Read("""<meta property="article:author" content="https://social.example/reporter">""");

        Assert.Null(m.Byline);
    }

    [Fact]
    public void Read_BylineTheReaderFound_ComesAfterTheMetaTagsButBeforeArticleAuthor()
    {
        var reader = new MainContentResult(null, null, "By Kofi Mensah", null);

        var stated = Read("""<meta name="author" content="Ama Owusu"><meta name="article:author" content="Staff">""", reader: reader);
        var unstated = Read("""<meta name="article:author" content="Staff">""", reader: reader);

        Assert.Equal("Ama Owusu", stated.Byline);
        Assert.Equal("By Kofi Mensah", unstated.Byline);
    }

    [Fact]
    public void Read_NoTitleMetadata_TakesTheReadersTitleThenTheDocumentTitle()
    {
        var withReader = Read("<title>Flood warning | River News</title>", reader: new MainContentResult(null, "Flood warning", null, null));
        var withoutReader = Read("<title>Flood warning | River News</title>");

        Assert.Equal("Flood warning", withReader.Title);
        Assert.Equal("Flood warning | River News", withoutReader.Title);
    }

    [Fact]
    public void Read_RelativeCanonicalLink_IsMadeAbsolute()
    {
        var m = Read("""<link rel="canonical" href="/world/2021/03/talks-in-amman">""");

        Assert.Equal("https://news.example.org/world/2021/03/talks-in-amman", m.CanonicalUrl);
    }

    [Fact]
    public void Read_CanonicalThatIsNotHttp_FallsBackToOgUrl()
    {
        var m = Read("""<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://news.example.org/a/1">""");

        Assert.Equal("https://news.example.org/a/1", m.CanonicalUrl);
    }

    [Fact]
    public void Read_SiteName_FromOpenGraph()
    {
        Assert.Equal("Kigali Today", Read("""<meta property="og:site_name" content="  Kigali   Today ">""").SiteName);
    }

    [Fact]
    public void Read_SpaceSeparatedProperties_EachIsAKey()
    {
        var m = Read("""<meta property="og:title twitter:title" content="Grain deal extended">""");

        Assert.Equal("Grain deal extended", m.Title);
    }

    [Fact]
    public void Read_PageWithoutMetadata_GivesNothingButItsTitle()
    {
        var m = Read("<title>Notes</title>");

        Assert.Equal(new PageMetadata(Title: "Notes"), m);
    }
}
