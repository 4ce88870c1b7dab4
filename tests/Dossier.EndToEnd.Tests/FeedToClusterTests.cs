using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dossier.Contracts;
using Dossier.Contracts.V1;
using Dossier.Services.Tests.Feeds;
using Dossier.Tests.Shared;

namespace Dossier.EndToEnd.Tests;

/// <summary>
/// Issue 12 through the running system: a local feed is subscribed over ingestion's REST API and polled, its pages are
/// fetched and indexed with their dates, and a reprint of the first article (other headline, a byline, site
/// boilerplate, a paragraph dropped) joins its cluster.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FeedToClusterTests(SystemFixture system) : IAsyncLifetime
{
    private static readonly TimeSpan IndexTimeout = TimeSpan.FromMinutes(2);

    private static readonly string[] Story =
    [
        "Defence ministers of the Global Coalition to Defeat ISIS met in Tallinn on Tuesday and agreed to extend the "
            + "training mission for border guards along the Euphrates valley for another two years.",
        "The ministers also approved a fund of forty million euros for the removal of explosive remnants in towns "
            + "that were held by the group, and asked the coalition's working group on stabilization to report on the "
            + "first clearance projects before the end of the year.",
        "Estonia's minister, who chaired the session, told reporters that the coalition would keep supporting the "
            + "detention facilities in the north-east until the countries of origin repatriate their nationals.",
        "Delegations from Kenya and Peru attended as observers for the first time, and several ministers said they "
            + "hoped both would join the coalition at its next ministerial meeting in the spring.",
        "The meeting closed with a statement on the financing networks of the group, which ministers said still move "
            + "money through hawala brokers and small exchange houses in the region.",
    ];

    private LocalWebServer _site = null!;

    public async Task InitializeAsync() => _site = await LocalWebServer.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Feed_ArticleAndItsReprint_IndexedWithTheirDatesAndClustered()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        _site.Serve($"/news/{tag}/article.html", ArticlePage(), "text/html; charset=utf-8");
        _site.Serve($"/news/{tag}/reprint.html", ReprintPage(), "text/html; charset=utf-8");
        var articleUrl = _site.Url($"/news/{tag}/article.html");
        var reprintUrl = _site.Url($"/news/{tag}/reprint.html");
        var feedPath = $"/news/{tag}/rss.xml";

        // First the article alone, so that it is the first seen of its story; the reprint comes with a later poll.
        _site.Serve(feedPath, Rss(Item("Coalition extends border training mission", articleUrl, "Tue, 04 Jun 2024 09:15:00 GMT")), "application/rss+xml");
        using var ingestion = system.Http("ingestion");
        ingestion.DefaultRequestHeaders.Add(ApiKeyHandler.Header, DossierApp.ApiKey);
        using var added = await ingestion.PostAsJsonAsync(new Uri("/v1/feeds", UriKind.Relative), new { url = _site.Url(feedPath), intervalSeconds = 3600 });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var feedId = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(feedId));

        Assert.Equal(HttpStatusCode.OK, await PollAsync(ingestion, feedId!));
        var article = await IndexedAsync(articleUrl);

        _site.Serve(feedPath, Rss(
            Item("Coalition extends border training mission", articleUrl, "Tue, 04 Jun 2024 09:15:00 GMT"),
            Item("Tallinn talks: two more years for border guard training", reprintUrl, published: null)), "application/rss+xml");
        Assert.Equal(HttpStatusCode.OK, await PollAsync(ingestion, feedId!));
        var reprint = await IndexedAsync(reprintUrl);

        var query = new QueryService.QueryServiceClient(system.Channel("query"));
        var first = await query.GetDocumentAsync(new GetDocumentFactsRequest { Id = article.Id });
        var second = await query.GetDocumentAsync(new GetDocumentFactsRequest { Id = reprint.Id });

        // The item's date for the article; the page's own date for the reprint, whose item has none.
        Assert.Equal("2024-06-04", first.Summary.Published);
        Assert.Equal("2024-06-05", second.Summary.Published);
        Assert.Equal(("", 2), (first.Summary.DuplicateOf, first.Summary.ClusterSize));
        Assert.Equal((article.Id, 2), (second.Summary.DuplicateOf, second.Summary.ClusterSize));
        Assert.Equal([reprint.Id], first.Cluster.Select(c => c.Id));
        Assert.InRange(_site.Count(feedPath), 2, int.MaxValue);
        Assert.Equal(1, _site.Count($"/news/{tag}/article.html"));
    }

    /// <summary>Polls the feed, again while the background poller holds it (ABORTED, 409).</summary>
    private static async Task<HttpStatusCode> PollAsync(HttpClient ingestion, string feedId)
    {
        return await Eventually.GetAsync(
            async () =>
            {
                using var response = await ingestion.PostAsync(new Uri($"/v1/feeds/{feedId}:poll", UriKind.Relative), null);
                return response.StatusCode;
            },
            status => status != HttpStatusCode.Conflict);
    }

    /// <summary>The indexed article whose URL is <paramref name="url"/>, once the query service has it.</summary>
    private async Task<DocumentSummary> IndexedAsync(string url)
    {
        var query = new QueryService.QueryServiceClient(system.Channel("query"));
        var documents = await Eventually.GetAsync(
            () => query.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 200 }).ResponseAsync,
            r => r.Documents.Any(d => d.Url == url),
            IndexTimeout);
        return Assert.Single(documents.Documents, d => d.Url == url);
    }

    private static string Rss(params string[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Baltic Security Wire</title>
            <link>https://example.org/</link>
            <description>Local test feed.</description>
            {string.Concat(items)}
          </channel>
        </rss>
        """;

    private static string Item(string title, string url, string? published) => $"""
        <item>
          <title>{WebUtility.HtmlEncode(title)}</title>
          <link>{WebUtility.HtmlEncode(url)}</link>
          <guid isPermaLink="true">{WebUtility.HtmlEncode(url)}</guid>
          {(published is null ? "" : $"<pubDate>{published}</pubDate>")}
        </item>
        """;

    private static string Paragraphs(IEnumerable<string> paragraphs) =>
        string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));

    private static string ArticlePage() => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Coalition extends border training mission</title></head>
        <body><article><h1>Coalition extends border training mission</h1>
        {Paragraphs(Story)}
        </article></body></html>
        """;

    /// <summary>The story as another site runs it: its own headline, a byline, navigation and footer, the fourth paragraph dropped.</summary>
    private static string ReprintPage() => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Tallinn talks: two more years for border guard training | Northern Ledger</title>
        <meta property="og:site_name" content="Northern Ledger">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tallinn talks: two more years for border guard training","datePublished":"2024-06-05T06:40:00+02:00"}</script>
        </head>
        <body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
        <main><article>
        <h1>Tallinn talks: two more years for border guard training</h1>
        <p class="byline">By Maarja Kask, Northern Ledger correspondent</p>
        {{Paragraphs(Story.Where((_, i) => i != 3))}}
        </article></main>
        <footer><p>Subscribe to the Northern Ledger newsletter for the day's top stories.</p><p>© 2024 Northern Ledger Media. All rights reserved.</p></footer>
        </body></html>
        """;
}
