namespace Dossier.Store.Tests;

/// <summary>
/// Feed subscriptions and seen items on every engine: idempotent subscription, leases on polls, the poll's record, and
/// items ingested by exactly one poller even when two replicas poll at once.
/// </summary>
public abstract class FeedStoreSuite : IDisposable
{
    private readonly Lazy<IFeedStore> _lazy;

    protected FeedStoreSuite() => _lazy = new Lazy<IFeedStore>(CreateStore);

    protected IFeedStore Store => _lazy.Value;

    protected DateTimeOffset T0 { get; } = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    protected abstract IFeedStore CreateStore();

    /// <summary>Another handle on the same store (another replica's, or the same process after a restart).</summary>
    protected abstract IFeedStore Reopen();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [SkippableFact]
    public void Add_NewFeed_IsDueAtOnce()
    {
        var (feed, existed) = Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);

        Assert.False(existed);
        Assert.Equal(("feed-1", "https://news.example/rss.xml", 900, T0), (feed.Id, feed.Url, feed.IntervalSeconds, feed.NextPollAt));
        Assert.Null(feed.LastPollAt);
        Assert.Equal((0, 0, 0), (feed.ItemsFound, feed.ItemsIngested, feed.Failures));
    }

    [SkippableFact]
    public void Add_SameUrlAgain_KeepsOneSubscriptionWithTheNewInterval()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);

        var (again, existed) = Store.Add("feed-1", "https://news.example/rss.xml", 300, T0.AddMinutes(1));

        Assert.True(existed);
        Assert.Equal((300, T0), (again.IntervalSeconds, again.CreatedAt));
        Assert.Single(Store.List());
    }

    [SkippableFact]
    public void ClaimDue_TwoPollers_NeverGetTheSameFeed()
    {
        for (var i = 0; i < 6; i++)
        {
            Store.Add($"feed-{i}", $"https://news{i}.example/rss.xml", 900, T0);
        }

        var other = Reopen();
        var a = Store.ClaimDue("a", 4, T0, T0.AddMinutes(10));
        var b = other.ClaimDue("b", 4, T0, T0.AddMinutes(10));
        var none = Store.ClaimDue("c", 4, T0.AddMinutes(1), T0.AddMinutes(11));

        Assert.Equal(4, a.Count);
        Assert.Equal(2, b.Count);
        Assert.Empty(a.Select(f => f.Id).Intersect(b.Select(f => f.Id)));
        Assert.Empty(none);
        Assert.Null(Store.Claim("feed-0", "c", T0.AddMinutes(1), T0.AddMinutes(11)));
        Assert.NotNull(Store.Claim("feed-0", "c", T0.AddMinutes(11), T0.AddMinutes(21)));
    }

    [SkippableFact]
    public void RecordPoll_SuccessThenFailure_KeepsTheValidatorsOfTheSuccess()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        Store.Claim("feed-1", "a", T0, T0.AddMinutes(10));
        Store.RecordPoll("feed-1", "a", new FeedPollRecord(T0, T0.AddSeconds(900), true, null, 0, "News", "\"v1\"", "Sat, 14 May 2022 09:30:00 GMT"));
        var afterSuccess = Store.Get("feed-1")!;

        Store.Claim("feed-1", "a", T0.AddSeconds(900), T0.AddMinutes(30));
        Store.RecordPoll("feed-1", "a", new FeedPollRecord(T0.AddSeconds(900), T0.AddSeconds(2700), false, "HTTP 500", 1));
        var afterFailure = Store.Get("feed-1")!;

        Assert.Equal(("News", "\"v1\"", T0, (string?)null), (afterSuccess.Title, afterSuccess.ETag, afterSuccess.LastSuccessAt, afterSuccess.LastError));
        Assert.Equal(("News", "\"v1\"", "Sat, 14 May 2022 09:30:00 GMT"), (afterFailure.Title, afterFailure.ETag, afterFailure.LastModified));
        Assert.Equal(("HTTP 500", 1, T0, T0.AddSeconds(2700)), (afterFailure.LastError, afterFailure.Failures, afterFailure.LastSuccessAt, afterFailure.NextPollAt));
        Assert.NotEmpty(Store.ClaimDue("b", 1, T0.AddSeconds(2700), T0.AddHours(1)));
    }

    [SkippableFact]
    public void RecordPoll_ByAnOwnerWithoutTheLease_ChangesNothing()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        Store.Claim("feed-1", "a", T0, T0.AddMinutes(10));

        Store.RecordPoll("feed-1", "b", new FeedPollRecord(T0, T0.AddSeconds(900), false, "late", 1));

        Assert.Null(Store.Get("feed-1")!.LastPollAt);
    }

    [SkippableFact]
    public void ClaimItem_TwoReplicasAtOnce_OnlyOneIngestsEachItem()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        var stores = new[] { Store, Reopen() };

        var claims = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (Item: i % 10, Won: stores[i % 2].ClaimItem("feed-1", $"https://news.example/{i % 10}", $"https://news.example/{i % 10}", T0, T0.AddMinutes(10), 3)))
            .ToList();

        Assert.All(claims.GroupBy(c => c.Item), g => Assert.Single(g, c => c.Won));
        Assert.Equal(10, Store.Get("feed-1")!.ItemsFound);
    }

    [SkippableFact]
    public void ClaimItem_AfterFailedAttempts_IsTakenOverUntilTheLastAttempt()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        const string Url = "https://news.example/a";
        var results = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            var at = T0.AddMinutes(i);
            results.Add(Store.ClaimItem("feed-1", Url, Url, at, at.AddMinutes(10), maxAttempts: 3));
            Store.ItemFailed("feed-1", Url, "HTTP 503", at);
        }

        Assert.Equal([true, true, true, false], results);
        Assert.Equal((1, 0), (Store.Get("feed-1")!.ItemsFound, Store.Get("feed-1")!.ItemsIngested));
    }

    [SkippableFact]
    public void ClaimItem_IngestedOrBeingTried_IsNotTakenAgain()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        Store.ClaimItem("feed-1", "k1", "https://news.example/1", T0, T0.AddMinutes(10), 3);
        Store.ItemIngested("feed-1", "k1", "doc-1");
        Store.ClaimItem("feed-1", "k2", "https://news.example/2", T0, T0.AddMinutes(10), 3);

        Assert.False(Reopen().ClaimItem("feed-1", "k1", "https://news.example/1", T0.AddHours(1), T0.AddHours(2), 3));
        Assert.False(Reopen().ClaimItem("feed-1", "k2", "https://news.example/2", T0.AddMinutes(5), T0.AddMinutes(15), 3));
        Assert.True(Reopen().ClaimItem("feed-1", "k2", "https://news.example/2", T0.AddMinutes(11), T0.AddMinutes(21), 3));
        Assert.Equal((2, 1), (Store.Get("feed-1")!.ItemsFound, Store.Get("feed-1")!.ItemsIngested));
    }

    [SkippableFact]
    public void Remove_Feed_RemovesItAndItsItems()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);
        Store.ClaimItem("feed-1", "k1", "https://news.example/1", T0, T0.AddMinutes(10), 3);

        var removed = Store.Remove("feed-1");
        Store.Add("feed-1", "https://news.example/rss.xml", 900, T0);

        Assert.True(removed);
        Assert.False(Store.Remove("feed-2"));
        Assert.True(Store.ClaimItem("feed-1", "k1", "https://news.example/1", T0, T0.AddMinutes(10), 3));
    }

    [SkippableFact]
    public void Reopen_AfterAPoll_KeepsTheSubscriptionItsStateAndSeenItems()
    {
        Store.Add("feed-1", "https://news.example/rss.xml", 600, T0);
        Store.Claim("feed-1", "a", T0, T0.AddMinutes(10));
        Store.ClaimItem("feed-1", "k1", "https://news.example/1", T0, T0.AddMinutes(10), 3);
        Store.ItemIngested("feed-1", "k1", "doc-1");
        Store.RecordPoll("feed-1", "a", new FeedPollRecord(T0, T0.AddSeconds(600), true, null, 0, "News", "\"v1\"", null));

        var reopened = Reopen();
        var feed = reopened.Get("feed-1")!;

        Assert.Equal(("News", "\"v1\"", T0, T0.AddSeconds(600), 1), (feed.Title, feed.ETag, feed.LastPollAt, feed.NextPollAt, feed.ItemsIngested));
        Assert.False(reopened.ClaimItem("feed-1", "k1", "https://news.example/1", T0.AddHours(1), T0.AddHours(2), 3));
    }
}

/// <summary>The feed store suite on embedded SQLite (the file ingestion keeps its articles in).</summary>
public sealed class SqliteFeedStoreTests : FeedStoreSuite
{
    private readonly TempFolder _folder = new();

    protected override IFeedStore CreateStore() => SqliteFeedStore.Open(_folder.File("ingestion.db"));

    protected override IFeedStore Reopen() => SqliteFeedStore.Open(_folder.File("ingestion.db"));

    [Fact]
    public void Open_ArticlesAndFeedsAtOnceOnANewFile_MigratesOnce()
    {
        var path = _folder.File("both.db");

        var opened = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => i % 2 == 0 ? (object)SqliteArticleStore.Open(path) : SqliteFeedStore.Open(path)).ToList();

        Assert.Equal(8, opened.Count);
        Assert.Equal(SqliteDatabase.Scripts(SqliteArticleStore.Schema).Max(s => s.Version), new SqliteDatabase(path, SqliteArticleStore.Schema).SchemaVersion);
    }

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        base.Dispose();
    }
}

/// <summary>The feed store suite on PostgreSQL (claims use FOR UPDATE SKIP LOCKED), each test in an empty schema.</summary>
[Collection(PostgresTestServer.Collection)]
public sealed class PostgresFeedStoreTests(PostgresTestServer server) : FeedStoreSuite
{
    private readonly List<IDisposable> _owned = [];
    private string? _connectionString;

    protected override IFeedStore CreateStore()
    {
        var schema = server.CreateSchema();
        _owned.Add(schema);
        _connectionString = schema.ConnectionString;
        return Own(PostgresFeedStore.Open(_connectionString));
    }

    protected override IFeedStore Reopen() => Own(PostgresFeedStore.Open(_connectionString ?? throw new InvalidOperationException("no store yet")));

    [SkippableFact]
    public void Open_AfterTheArticleStore_SharesItsMigrations()
    {
        var schema = server.CreateSchema();
        _owned.Add(schema);

        Own(PostgresArticleStore.Open(schema.ConnectionString));
        var feeds = Own(PostgresFeedStore.Open(schema.ConnectionString));

        Assert.False(feeds.Add("feed-1", "https://news.example/rss.xml", 900, T0).Existed);
    }

    private T Own<T>(T store)
        where T : IDisposable
    {
        _owned.Add(store);
        return store;
    }

    public override void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        base.Dispose();
    }
}
