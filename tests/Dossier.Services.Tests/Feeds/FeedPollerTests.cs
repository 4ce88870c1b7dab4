using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace Dossier.Services.Tests.Feeds;

/// <summary>
/// The background poller against a local Kestrel server serving real feed XML (TestData) whose items point at pages of
/// the readability suite and a seed article: every item ingested once, 304s and seen items ingest nothing, new items
/// are found, a broken feed backs off with its error, and a restart resumes without ingesting anything again.
/// </summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private LocalWebServer _site = null!;
    private readonly List<ServicesFixture> _systems = [];

    public async Task InitializeAsync()
    {
        _site = await LocalWebServer.StartAsync();
        _site.ServeSeedAsHtml("002_20664682f8330ef5", "The coalition in Marrakesh");
        _site.ServeSeedAsHtml("004_7c464464c823f781", "An 83-member coalition");
        _site.ServeReadabilityPage("bbc-1");
        _site.ServeReadabilityPage("tumblr");
        _site.ServeReadabilityPage("medium-2");
    }

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            system.Dispose();
        }

        await _site.DisposeAsync();
    }

    private ServicesFixture Start(string? dataDir = null)
    {
        var system = ServicesFixture.Create(dataDir: dataDir, settings: new Dictionary<string, string>
        {
            ["Dossier:Ingestion:Feeds:AllowPrivateNetworks"] = "true",
            ["Dossier:Ingestion:Feeds:MinIntervalSeconds"] = "1",
            ["Dossier:Ingestion:Feeds:PollerTick"] = "00:00:00.100",
            ["Dossier:Ingestion:Feeds:HostInterval"] = "00:00:00.020",
        });
        _systems.Add(system);
        return system;
    }

    private static FeedService.FeedServiceClient Feeds(ServicesFixture system) => new(ServicesFixture.Channel(system.Ingestion));

    private static async Task<Feed> FeedAsync(ServicesFixture system, string id, Func<Feed, bool> done)
    {
        var feed = await Eventually.GetAsync(async () => (await Feeds(system).ListFeedsAsync(new ListFeedsRequest())).Feeds.Single(f => f.Id == id), done, Patience);
        Assert.True(done(feed), $"feed {id}: {feed}");
        return feed;
    }

    private static async Task<IReadOnlyList<Document>> DocumentsAsync(ServicesFixture system) =>
        (await system.IngestionClient().ListDocumentsAsync(new ListIngestedRequest { PageSize = 500, WithoutText = true })).Documents;

    private async Task WaitForPollsAsync(string path, int polls)
    {
        var count = await Eventually.GetAsync(() => Task.FromResult(_site.Count(path)), n => n >= polls, Patience);
        Assert.True(count >= polls, $"{path} fetched {count} times, expected {polls}");
    }

    [Fact]
    public async Task Poller_RssFeed_IngestsEveryItemOnceThenOnlyTheNewOne()
    {
        var system = Start();
        _site.Serve("/feeds/rss.xml", TestSite.Feed(_site, "rss.xml"), "application/rss+xml; charset=utf-8");

        var added = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/rss.xml"), IntervalSeconds = 1 });
        var first = await FeedAsync(system, added.Id, f => f.ItemsIngested == 3);
        var polls = _site.Count("/feeds/rss.xml");
        await WaitForPollsAsync("/feeds/rss.xml", polls + 2);
        var unchanged = await FeedAsync(system, added.Id, _ => true);
        var notModified = _site.Requests.Count(r => r.Path == "/feeds/rss.xml" && r.Status == StatusCodes.Status304NotModified);
        _site.ServeReadabilityPage("liberation-1");
        _site.Serve("/feeds/rss.xml", TestSite.Feed(_site, "rss.xml", $"""
            <item><title>Séisme au Népal</title><link>{_site.Url("/pages/liberation-1.html")}</link><pubDate>Thu, 30 Apr 2015 07:19:58 +0200</pubDate></item>
            """), "application/rss+xml; charset=utf-8");
        var grown = await FeedAsync(system, added.Id, f => f.ItemsIngested == 4);
        var documents = await Eventually.GetAsync(() => DocumentsAsync(system), d => d.Count == 4 && d.All(x => x.Status == DocumentStatus.Indexed), Patience);

        Assert.Equal(("Test Wire: World", 3, ""), (first.Title, first.ItemsFound, first.LastError));
        Assert.Equal(3, unchanged.ItemsIngested);
        Assert.True(notModified >= 2, $"{notModified} answers 304");
        Assert.Equal(4, grown.ItemsFound);
        Assert.All(documents, d => Assert.Equal(DocumentStatus.Indexed, d.Status));
        foreach (var path in new[] { "/seed/002_20664682f8330ef5.html", "/pages/bbc-1.html", "/pages/tumblr.html", "/pages/liberation-1.html" })
        {
            Assert.Equal(1, _site.Count(path));
        }

        var seed = documents.Single(d => d.Url == _site.Url("/seed/002_20664682f8330ef5.html"));
        var bbc = documents.Single(d => d.Url == _site.Url("/pages/bbc-1.html"));
        var nepal = documents.Single(d => d.Url == _site.Url("/pages/liberation-1.html"));
        Assert.Equal(("Coalition ministers meet in Morocco", "2022-05-14", "text/html"), (seed.Title, seed.Published, seed.ContentType));
        Assert.Equal(("Obama on gun laws", "2015-07-24"), (bbc.Title, bbc.Published));
        Assert.Equal(("Séisme au Népal", "2015-04-30"), (nepal.Title, nepal.Published));
        var facts = await system.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = seed.Id });
        Assert.Contains(facts.Facts.Countries, c => c.Code == "MA");
    }

    [Fact]
    public async Task Poller_AtomFeed_IngestsItsEntriesWithTheirDates()
    {
        var system = Start();
        _site.Serve("/feeds/atom.xml", TestSite.Feed(_site, "atom.xml"), "application/atom+xml");

        var added = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/atom.xml"), IntervalSeconds = 60 });
        var feed = await FeedAsync(system, added.Id, f => f.ItemsIngested == 2);
        var documents = await DocumentsAsync(system);

        Assert.Equal("Test Journal", feed.Title);
        Assert.Equal("2022-05-12", documents.Single(d => d.Url.EndsWith("004_7c464464c823f781.html", StringComparison.Ordinal)).Published);
        Assert.Equal(("On Behalf of Literally", "2015-02-24"), documents.Where(d => d.Url.EndsWith("medium-2.html", StringComparison.Ordinal)).Select(d => (d.Title, d.Published)).Single());
    }

    [Fact]
    public async Task Poller_BrokenFeed_BacksOffWithItsErrorAndRecoversWhenFixed()
    {
        var system = Start();
        _site.Serve("/feeds/broken.xml", "<rss version=\"2.0\"><channel><title>Half a feed", "application/rss+xml");

        var added = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/broken.xml"), IntervalSeconds = 1 });
        var failing = await FeedAsync(system, added.Id, f => f.Failures >= 2);
        _site.Serve("/feeds/broken.xml", TestSite.Feed(_site, "atom.xml"), "application/atom+xml");
        var recovered = await FeedAsync(system, added.Id, f => f.ItemsIngested == 2);

        Assert.Contains("cannot be read", failing.LastError, StringComparison.Ordinal);
        var wait = failing.NextPollAt.ToDateTimeOffset() - failing.LastPollAt.ToDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(Math.Pow(2, failing.Failures)), wait);
        Assert.Equal((0, ""), (recovered.Failures, recovered.LastError));
    }

    [Fact]
    public async Task Poller_FeedAnswering500_RecordsTheStatusAndKeepsPollingOthers()
    {
        var system = Start();
        _site.Handle("/feeds/down.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        _site.Serve("/feeds/atom.xml", TestSite.Feed(_site, "atom.xml"), "application/atom+xml");

        var down = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/down.xml"), IntervalSeconds = 1 });
        var up = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/atom.xml"), IntervalSeconds = 1 });
        var failing = await FeedAsync(system, down.Id, f => f.Failures >= 1);
        var working = await FeedAsync(system, up.Id, f => f.ItemsIngested == 2);

        Assert.Contains("HTTP 503", failing.LastError, StringComparison.Ordinal);
        Assert.Equal(0, working.Failures);
    }

    [Fact]
    public async Task Poller_ItemPageMissing_RecordsItsErrorAndIngestsItOnceItAppears()
    {
        var system = Start();
        _site.Serve("/feeds/atom.xml", TestSite.Feed(_site, "atom.xml"), "application/atom+xml");
        _site.Handle("/pages/medium-2.html", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        var added = await Feeds(system).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/atom.xml"), IntervalSeconds = 1 });
        var partial = await FeedAsync(system, added.Id, f => f.ItemsIngested == 1 && f.LastError.Length > 0);
        _site.ServeReadabilityPage("medium-2");
        var complete = await FeedAsync(system, added.Id, f => f.ItemsIngested == 2);

        Assert.Contains("HTTP 404", partial.LastError, StringComparison.Ordinal);
        Assert.Equal((0, 2), (partial.Failures, partial.ItemsFound));
        Assert.Equal("", complete.LastError);
    }

    [Fact]
    public async Task Restart_OnTheSameData_ResumesPollingWithoutIngestingAgain()
    {
        // No validators: every poll fetches the whole feed, so only the seen items keep it from ingesting again.
        var rss = TestSite.Feed(_site, "rss.xml");
        _site.Handle("/feeds/plain.xml", context =>
        {
            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync(rss);
        });
        var first = Start();
        var added = await Feeds(first).AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/plain.xml"), IntervalSeconds = 1 });
        await FeedAsync(first, added.Id, f => f.ItemsIngested == 3);
        await Eventually.GetAsync(() => DocumentsAsync(first), d => d.All(x => x.Status == DocumentStatus.Indexed), Patience);
        first.Stop();
        var pagesBefore = _site.Requests.Count(r => r.Path != "/feeds/plain.xml");
        var pollsBefore = _site.Count("/feeds/plain.xml");

        var second = Start(first.DataDir);
        var resumed = await Feeds(second).ListFeedsAsync(new ListFeedsRequest()); // starts the host
        await WaitForPollsAsync("/feeds/plain.xml", pollsBefore + 2);
        var feed = await FeedAsync(second, added.Id, _ => true);
        var documents = await DocumentsAsync(second);

        Assert.Equal(added.Id, Assert.Single(resumed.Feeds).Id);
        Assert.Equal((3, 3, ""), (feed.ItemsFound, feed.ItemsIngested, feed.LastError));
        Assert.Equal(3, documents.Count);
        Assert.Equal(pagesBefore, _site.Requests.Count(r => r.Path != "/feeds/plain.xml"));
    }
}
