using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Npgsql;

namespace Dossier.Services.Tests.Feeds;

/// <summary>
/// Two ingestion replicas sharing one PostgreSQL database (the server in <c>DOSSIER_TEST_POSTGRES</c>, as test.sh starts
/// it; skipped without one unless <c>DOSSIER_REQUIRE_POSTGRES=1</c>) and one feed: each item's page is fetched and
/// ingested once, however the two pollers and manual polls interleave.
/// </summary>
public sealed class FeedReplicaTests : IAsyncLifetime
{
    private LocalWebServer _site = null!;
    private readonly List<ServicesFixture> _systems = [];
    private string? _server;
    private string? _database;

    public async Task InitializeAsync() => _site = await LocalWebServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            system.Dispose();
        }

        await _site.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(_server!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    private string Database()
    {
        _server = Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(_server))
        {
            Assert.False(Environment.GetEnvironmentVariable("DOSSIER_REQUIRE_POSTGRES") == "1", "DOSSIER_TEST_POSTGRES is required but not set");
            throw new SkipException("PostgreSQL tests skipped: set DOSSIER_TEST_POSTGRES (eval \"$(scripts/postgres.sh start)\")");
        }

        _database = "dossier_feeds_" + Guid.NewGuid().ToString("N");
        Execute(_server, $"CREATE DATABASE {_database}");
        return new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    [SkippableFact]
    public async Task TwoReplicasOnPostgres_PollingOneFeed_FetchAndIngestEachItemOnce()
    {
        var database = Database();
        _site.ServeSeedAsHtml("002_20664682f8330ef5", "The coalition in Marrakesh");
        _site.ServeReadabilityPage("bbc-1");
        _site.ServeReadabilityPage("tumblr");
        var rss = TestSite.Feed(_site, "rss.xml");
        _site.Handle("/feeds/rss.xml", context =>
        {
            context.Response.ContentType = "application/rss+xml";
            return Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, rss);
        });
        var replicas = Enumerable.Range(0, 2).Select(_ => ServicesFixture.Create(settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:dossier"] = database,
            ["Dossier:Ingestion:Feeds:AllowPrivateNetworks"] = "true",
            ["Dossier:Ingestion:Feeds:MinIntervalSeconds"] = "1",
            ["Dossier:Ingestion:Feeds:PollerTick"] = "00:00:00.050",
            ["Dossier:Ingestion:Feeds:HostInterval"] = "00:00:00",
        })).ToList();
        _systems.AddRange(replicas);
        var clients = replicas.Select(r => new FeedService.FeedServiceClient(ServicesFixture.Channel(r.Ingestion))).ToList();

        var added = await clients[0].AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feeds/rss.xml"), IntervalSeconds = 1 });
        var manual = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await clients[i % 2].PollFeedAsync(new PollFeedRequest { Id = added.Id })).NewItems;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Aborted)
            {
                return 0;
            }
        }));
        await Eventually.GetAsync(() => Task.FromResult(_site.Count("/feeds/rss.xml")), n => n >= 8, TimeSpan.FromSeconds(60));
        var feed = (await clients[1].ListFeedsAsync(new ListFeedsRequest())).Feeds.Single();
        var documents = (await replicas[1].IngestionClient().ListDocumentsAsync(new ListIngestedRequest { WithoutText = true })).Documents;

        Assert.True(manual.Sum() <= 3, $"manual polls found {manual.Sum()} new items");
        Assert.Equal((3, 3), (feed.ItemsFound, feed.ItemsIngested));
        Assert.Equal(3, documents.Count);
        foreach (var path in new[] { "/seed/002_20664682f8330ef5.html", "/pages/bbc-1.html", "/pages/tumblr.html" })
        {
            Assert.Equal(1, _site.Count(path));
        }
    }
}
