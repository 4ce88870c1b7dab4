using System.Diagnostics;
using System.Text;
using Dossier.Pipeline.Html;

namespace Dossier.Pipeline.Tests.Html;

public class HtmlReaderTests
{
    private const string Paragraph1 =
        "The foreign ministers of Norway, Kenya and Chile met in Oslo on Tuesday to agree on new funding for the stabilization of areas freed from the militants, officials said.";

    private const string Paragraph2 =
        "Under the plan, each of the partners will contribute to a shared fund run by the development agency, which will rebuild schools, clinics and water networks over three years.";

    private const string Paragraph3 =
        "\u201cWe are here for the long term,\u201d said Ingrid Solberg, the Norwegian state secretary, adding that the first projects would start before the rainy season.";

    private static string NewsPage(string extraHead = "") => $"""
        <!DOCTYPE html>
        <html><head><title>Ministers agree on stabilization fund | Nordic Courier</title>{extraHead}</head>
        <body>
          <header class="site-header"><a href="/">Nordic Courier</a><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
          <div class="share-bar"><a href="#">Share on social media</a></div>
          <main><article class="story">
            <h1>Ministers agree on stabilization fund</h1>
            <div class="story-body">
              <p>{Paragraph1}</p>
              <p>{Paragraph2}</p>
              <p>{Paragraph3}</p>
            </div>
          </article></main>
          <aside class="sidebar related"><h3>Related stories</h3><ul><li><a href="/a">Football results from the weekend</a></li><li><a href="/b">Weather warnings</a></li></ul></aside>
          <div id="comments" class="comments"><p>Reader comment: what about the budget at home?</p></div>
          <footer class="site-footer"><p>Copyright Nordic Courier. All rights reserved.</p></footer>
        </body></html>
        """;

    [Fact]
    public void Read_NewsPage_KeepsTheArticleAndDropsTheSiteAroundIt()
    {
        var reading = HtmlReader.Read(NewsPage(), "https://courier.example/world/fund");

        Assert.Contains(Paragraph1, reading.Text, StringComparison.Ordinal);
        Assert.Contains(Paragraph2, reading.Text, StringComparison.Ordinal);
        Assert.Contains(Paragraph3, reading.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Football results", reading.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reader comment", reading.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", reading.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on social media", reading.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsPage_TitleIsTheFirstLineAndEachParagraphItsOwnLine()
    {
        var reading = HtmlReader.Read(NewsPage(), "https://courier.example/world/fund");

        var lines = reading.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(reading.Metadata.Title, lines[0]);
        Assert.Contains(Paragraph1, lines);
        Assert.Contains(Paragraph3, lines);
        Assert.DoesNotContain("<", reading.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsPageWithMetadata_GivesTheMetadata()
    {
        var reading = HtmlReader.Read(NewsPage("""
            <meta property="og:site_name" content="Nordic Courier"><meta name="author" content="Lars Eide">
            <link rel="canonical" href="/world/stabilization-fund"><meta property="article:published_time" content="2022-10-18T07:30:00+02:00">
            """), "https://courier.example/world/fund?utm=feed");

        Assert.Equal("Nordic Courier", reading.Metadata.SiteName);
        Assert.Equal("Lars Eide", reading.Metadata.Byline);
        Assert.Equal("https://courier.example/world/stabilization-fund", reading.Metadata.CanonicalUrl);
        Assert.Equal("2022-10-18", reading.Metadata.Published);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not an address")]
    [InlineData("ftp://files.example/page")]
    public void Read_NoHttpAddress_RelativeCanonicalIsDroppedAndAbsoluteKept(string? url)
    {
        var relative = HtmlReader.Read(NewsPage("""<link rel="canonical" href="/world/fund">"""), url);
        var absolute = HtmlReader.Read(NewsPage("""<link rel="canonical" href="https://courier.example/world/fund">"""), url);

        Assert.Null(relative.Metadata.CanonicalUrl);
        Assert.Equal("https://courier.example/world/fund", absolute.Metadata.CanonicalUrl);
    }

    [Fact]
    public void Read_Fragment_GivesItsText()
    {
        var reading = HtmlReader.Read("<p>The <b>coalition</b> met in Lima.</p>");

        Assert.Equal("The coalition met in Lima.", reading.Text);
    }

    [Fact]
    public void Read_PageWithNoBody_GivesNoText()
    {
        var reading = HtmlReader.Read("<!-- nothing here -->");

        Assert.Equal("", reading.Text);
    }

    [Fact]
    public void Read_PageOverTheReadersLimit_IsReadWholeAndQuickly()
    {
        // 6,000 links in one paragraph: over the reader's limit, so every visible word is kept, in linear time.
        var html = new StringBuilder("<p>");
        for (var i = 0; i < 6_000; i++)
        {
            html.Append("<a href=\"/p").Append(i).Append("\">item").Append(i).Append("</a> ");
        }

        html.Append("</p>");
        var watch = Stopwatch.StartNew();

        var reading = HtmlReader.Read(html.ToString());

        Assert.Contains("item0 ", reading.Text, StringComparison.Ordinal);
        Assert.EndsWith("item5999", reading.Text, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => HtmlReader.Read(NewsPage(), cancellationToken: cancelled.Token));
    }
}
