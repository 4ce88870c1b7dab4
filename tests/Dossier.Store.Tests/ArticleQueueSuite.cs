using Dossier.Domain;

namespace Dossier.Store.Tests;

/// <summary>
/// The article store as ingestion's durable work queue, on every engine: claims with leases, attempts, back-off,
/// parking, retry, resume after a crash, idempotent adds under concurrency.
/// </summary>
public abstract class ArticleQueueSuite : IDisposable
{
    private readonly Lazy<IArticleStore> _lazy;

    protected ArticleQueueSuite() => _lazy = new Lazy<IArticleStore>(CreateStore);

    protected IArticleStore Store => _lazy.Value;

    /// <summary>The test's clock: a little after the articles it adds were stored (so they are due from T0 on).</summary>
    protected DateTimeOffset T0 { get; } = DateTimeOffset.UtcNow.AddSeconds(5);

    protected abstract IArticleStore CreateStore();

    /// <summary>Another handle on the same store (another replica's, or the same process after a restart).</summary>
    protected abstract IArticleStore Reopen();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static StoredArticle Article(string id, string text) =>
        new() { Id = id, ContentHash = ArticleRules.ContentHash(text), Text = text, Title = "t " + id, TraceId = "trace-" + id };

    private void AddMany(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Store.Add(Article($"a{i:D3}", $"Article number {i} about the coalition."));
        }
    }

    [SkippableFact]
    public void Add_NewArticle_IsAcceptedAndDueNow()
    {
        var added = Store.Add(Article("d1", "The coalition met in Rome."));

        var stored = Store.Get("d1");
        Assert.False(added.Duplicate);
        Assert.NotNull(stored);
        Assert.Equal((ArticleStatus.Accepted, 0), (stored.Status, stored.Attempts));
        Assert.True(stored.NextAttemptAt <= DateTimeOffset.UtcNow);
        Assert.Equal(new ArticleCounts(1, 0, 0, 0), Store.Counts());
    }

    [SkippableFact]
    public void Update_MetadataFoundByExtraction_FillsOnlyWhatTheCallerLeftEmpty()
    {
        Store.Add(Article("m1", "A page about the coalition.") with { Title = "Caller's title", Source = "", Url = "" });
        Store.Add(Article("m2", "Another page about the coalition.") with { Title = "", Source = "Caller's source", Published = "2021-01-01" });

        Store.Update("m1", ArticleStatus.Extracted, published: "2022-06-06", title: "Page title", source: "Page site", url: "https://site.example/a");
        Store.Update("m2", ArticleStatus.Extracted, published: "2022-06-06", title: "Page title", source: "Page site", url: null);

        var m1 = Store.Get("m1")!;
        var m2 = Store.Get("m2")!;
        Assert.Equal(("Caller's title", "Page site", "https://site.example/a", "2022-06-06"), (m1.Title, m1.Source, m1.Url, m1.Published));
        Assert.Equal(("Page title", "Caller's source", "", "2021-01-01"), (m2.Title, m2.Source, m2.Url, m2.Published));
    }

    [SkippableFact]
    public void Add_SameContentConcurrently_StoresOneArticle()
    {
        var text = "Ministers of the coalition met in Marrakesh.";

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => Store.Add(Article($"c{i}", text))).ToList();

        Assert.Single(results, r => !r.Duplicate);
        Assert.Single(results.Select(r => r.Article.Id).Distinct());
        Assert.Equal(1, Store.Counts().Total);
    }

    [SkippableFact]
    public void Add_SameIdOtherContent_ThrowsConflict()
    {
        Store.Add(Article("d1", "First text."));

        Assert.Throws<ArticleConflictException>(() => Store.Add(Article("d1", "Second text.")));
    }

    [SkippableFact]
    public void Claim_DueArticles_LeasesThemInIngestOrderAndCountsAnAttempt()
    {
        AddMany(5);

        var claimed = Store.Claim("w1", 3, T0.AddSeconds(1), T0.AddMinutes(2));

        Assert.Equal(["a000", "a001", "a002"], claimed.Select(a => a.Id));
        Assert.All(claimed, a => Assert.Equal(1, a.Attempts));
        Assert.Equal(["a003", "a004"], Store.Claim("w2", 10, T0.AddSeconds(1), T0.AddMinutes(2)).Select(a => a.Id));
        Assert.Empty(Store.Claim("w3", 10, T0.AddSeconds(1), T0.AddMinutes(2)));
    }

    [SkippableFact]
    public void Claim_ManyReplicasAtOnce_EachArticleGoesToOneOfThem()
    {
        AddMany(200);
        var replicas = Enumerable.Range(0, 4).Select(_ => Reopen()).ToArray();

        var claims = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).SelectMany(r =>
        {
            var mine = new List<string>();
            while (replicas[r].Claim($"w{r}", 7, T0.AddSeconds(1), T0.AddMinutes(2)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(a => a.Id));
            }

            return mine;
        }).ToList();

        Assert.Equal(200, claims.Count);
        Assert.Equal(200, claims.Distinct().Count());
    }

    [SkippableFact]
    public void Claim_LeaseRunOut_ArticleIsClaimableAgain()
    {
        AddMany(1);
        Store.Claim("dead-worker", 1, T0.AddSeconds(1), T0.AddSeconds(30));

        var early = Store.Claim("w2", 1, T0.AddSeconds(10), T0.AddMinutes(2));
        var late = Store.Claim("w2", 1, T0.AddSeconds(31), T0.AddMinutes(2));

        Assert.Empty(early);
        var again = Assert.Single(late);
        Assert.Equal(2, again.Attempts);
    }

    [SkippableFact]
    public void ReleaseAllLeases_AfterACrash_ArticlesAreClaimableAtOnce()
    {
        AddMany(2);
        Store.Claim("crashed", 2, T0.AddSeconds(1), T0.AddMinutes(10));

        var released = Reopen().ReleaseAllLeases();

        Assert.Equal(2, released);
        Assert.Equal(2, Store.Claim("restarted", 5, T0.AddSeconds(2), T0.AddMinutes(2)).Count);
    }

    [SkippableFact]
    public void Reschedule_FailedAttempt_KeepsErrorAndWaitsOutTheBackoff()
    {
        AddMany(1);
        Store.Claim("w", 1, T0.AddSeconds(1), T0.AddMinutes(2));

        Store.Reschedule("a000", "w", "Unavailable: extraction down", T0.AddSeconds(60));

        var stored = Store.Get("a000")!;
        Assert.Equal((ArticleStatus.Accepted, 1, "Unavailable: extraction down"), (stored.Status, stored.Attempts, stored.Error));
        Assert.Empty(Store.Claim("w", 1, T0.AddSeconds(30), T0.AddMinutes(2)));
        Assert.Single(Store.Claim("w", 1, T0.AddSeconds(61), T0.AddMinutes(2)));
    }

    [SkippableFact]
    public void Finish_ByAnotherOwner_IsIgnored()
    {
        AddMany(1);
        Store.Claim("w1", 1, T0.AddSeconds(1), T0.AddMinutes(2));

        Store.Finish("a000", "someone-else", ArticleStatus.Indexed);

        Assert.Equal(ArticleStatus.Accepted, Store.Get("a000")!.Status);
    }

    [SkippableFact]
    public void Finish_Failed_ParksTheArticleUntilRetried()
    {
        AddMany(2);
        foreach (var a in Store.Claim("w", 2, T0.AddSeconds(1), T0.AddMinutes(2)))
        {
            Store.Finish(a.Id, "w", ArticleStatus.Failed, "Internal: gave up after 8 attempts");
        }

        var parked = Store.List(ArticleStatus.Failed, 10);
        Assert.Equal(2, parked.Count);
        Assert.Empty(Store.Claim("w", 5, T0.AddHours(1), T0.AddHours(2)));

        var retried = Store.Retry(["a001", "nope"], T0.AddSeconds(5));

        Assert.Equal(1, retried);
        var back = Store.Get("a001")!;
        Assert.Equal((ArticleStatus.Accepted, 0, (string?)null), (back.Status, back.Attempts, back.Error));
        Assert.Equal(["a001"], Store.Claim("w", 5, T0.AddSeconds(6), T0.AddMinutes(2)).Select(a => a.Id));
        Assert.Equal(1, Store.Retry([], T0.AddSeconds(7)));
    }

    [SkippableFact]
    public void Release_AtShutdown_GivesTheAttemptBack()
    {
        AddMany(1);
        Store.Claim("w", 1, T0.AddSeconds(1), T0.AddMinutes(2));

        Store.Release("a000", "w");

        var again = Assert.Single(Store.Claim("w", 1, T0.AddSeconds(2), T0.AddMinutes(2)));
        Assert.Equal(1, again.Attempts);
    }

    [SkippableFact]
    public void List_PagesAfterAnId_InIngestOrder()
    {
        AddMany(5);

        var first = Store.List(null, 2);
        var second = Store.List(null, 2, first[^1].Id);

        Assert.Equal(["a000", "a001"], first.Select(a => a.Id));
        Assert.Equal(["a002", "a003"], second.Select(a => a.Id));
    }

    [SkippableFact]
    public void Delete_StoredArticle_IsGoneAndItsContentMayComeBack()
    {
        Store.Add(Article("d1", "Text to delete."));

        Assert.True(Store.Delete("d1"));
        Assert.False(Store.Delete("d1"));
        Assert.Null(Store.Get("d1"));
        Assert.False(Store.Add(Article("d2", "Text to delete.")).Duplicate);
    }

    [SkippableFact]
    public void MarkForReextraction_SettledArticles_QueuesEachOnceAndLeavesWaitingOnesAlone()
    {
        AddMany(3);
        var claimed = Store.Claim("w", 3, T0.AddSeconds(1), T0.AddMinutes(2));
        Store.Finish("a000", "w", ArticleStatus.Indexed, extractorVersion: "v1");
        Store.Finish("a001", "w", ArticleStatus.Failed, "InvalidArgument: refused");

        var first = Store.MarkForReextraction([], T0.AddSeconds(2));
        var second = Store.MarkForReextraction([], T0.AddSeconds(3));
        var leased = Store.MarkForReextraction(["a002"], T0.AddSeconds(3));

        Assert.Equal(3, claimed.Count);
        Assert.Equal((2, 0, 0), (first, second, leased));
        Assert.Equal(new ArticleCounts(3, 0, 0, 0, ReextractPending: 2), Store.Counts());
        Assert.Equal(1, Store.Counts().NewPending);
        var marked = Store.Get("a000")!;
        Assert.Equal((ArticleStatus.Accepted, 0, ReextractState.Pending, "v1", null), (marked.Status, marked.Attempts, marked.Reextract, marked.ExtractorVersion, marked.Error));
        Assert.Equal(ReextractState.None, Store.Get("a002")!.Reextract);
        Assert.Equal(["a000", "a001"], Reopen().PendingReextractions());
        Assert.Equal(["a000", "a001"], Store.Claim("w2", 5, T0.AddSeconds(4), T0.AddMinutes(3)).Select(a => a.Id));
    }

    [SkippableFact]
    public void Finish_Reextraction_RecordsDoneOrFailedAndRetryQueuesTheFailedOneAgain()
    {
        AddMany(2);
        foreach (var a in Store.Claim("w", 2, T0.AddSeconds(1), T0.AddMinutes(2)))
        {
            Store.Finish(a.Id, "w", ArticleStatus.Indexed, extractorVersion: "v1");
        }

        Store.MarkForReextraction(["a000", "a001"], T0.AddSeconds(2));
        var again = Store.Claim("w", 2, T0.AddSeconds(3), T0.AddMinutes(2));
        Store.Finish("a000", "w", ArticleStatus.Indexed, extractorVersion: "v2");
        Store.Finish("a001", "w", ArticleStatus.Failed, "Internal: gave up after 8 attempts");
        var finished = Store.Counts();
        var retried = Store.Retry(["a001"], T0.AddSeconds(4));

        Assert.All(again, a => Assert.Equal((ReextractState.Pending, 1), (a.Reextract, a.Attempts)));
        Assert.Equal(new ArticleCounts(0, 0, 1, 1, ReextractDone: 1, ReextractFailed: 1), finished);
        var done = Store.Get("a000")!;
        Assert.Equal((ArticleStatus.Indexed, ReextractState.Done, "v2"), (done.Status, done.Reextract, done.ExtractorVersion));
        Assert.Equal(1, retried);
        Assert.Equal((ArticleStatus.Accepted, ReextractState.Pending), (Store.Get("a001")!.Status, Store.Get("a001")!.Reextract));
        Assert.Equal(new ArticleCounts(1, 0, 1, 0, ReextractPending: 1, ReextractDone: 1), Store.Counts());
    }

    [SkippableFact]
    public void States_SomeIds_AreInIngestOrderWithoutUnknownOnesOrText()
    {
        AddMany(3);
        Store.Claim("w", 1, T0.AddSeconds(1), T0.AddMinutes(2));
        Store.Finish("a000", "w", ArticleStatus.Indexed, extractorVersion: "v1");

        var states = Store.States(["a002", "nope", "a000"]);

        Assert.Equal(
            [new ArticleState("a000", ArticleStatus.Indexed, 0, null, "v1", ReextractState.None), new ArticleState("a002", ArticleStatus.Accepted, 0, null, null, ReextractState.None)],
            states);
    }
}

/// <summary>The queue suite on embedded SQLite.</summary>
public sealed class SqliteArticleQueueTests : ArticleQueueSuite
{
    private readonly TempFolder _folder = new();

    protected override IArticleStore CreateStore() => SqliteArticleStore.Open(_folder.File("ingestion.db"));

    protected override IArticleStore Reopen() => SqliteArticleStore.Open(_folder.File("ingestion.db"));

    [Fact]
    public void Open_DatabaseOfTheFirstSchema_IsUpgradedWithItsArticles()
    {
        var path = _folder.File("old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteDatabase.Scripts(SqliteArticleStore.Schema)[0].Sql + """

                INSERT INTO documents (id, content_hash, text, status, ingested_at, updated_at)
                VALUES ('old-1', 'h1', 'An article from before the queue.', 3, '2026-11-29T10:00:00.0000000+00:00', '2026-11-29T10:00:00.0000000+00:00');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        var store = SqliteArticleStore.Open(path);

        var old = store.Get("old-1");
        Assert.NotNull(old);
        Assert.Equal((ArticleStatus.Indexed, 0), (old.Status, old.Attempts));
        Assert.Equal(new ArticleCounts(0, 0, 1, 0), store.Counts());
    }

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        base.Dispose();
    }
}

/// <summary>The queue suite on PostgreSQL (claims use FOR UPDATE SKIP LOCKED), each test in an empty schema.</summary>
[Collection(PostgresTestServer.Collection)]
public sealed class PostgresArticleQueueTests(PostgresTestServer server) : ArticleQueueSuite
{
    private readonly List<IDisposable> _owned = [];
    private string? _connectionString;

    protected override IArticleStore CreateStore()
    {
        var schema = server.CreateSchema();
        _owned.Add(schema);
        _connectionString = schema.ConnectionString;
        return Own(PostgresArticleStore.Open(_connectionString));
    }

    protected override IArticleStore Reopen() => Own(PostgresArticleStore.Open(_connectionString ?? throw new InvalidOperationException("no store yet")));

    private PostgresArticleStore Own(PostgresArticleStore store)
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
