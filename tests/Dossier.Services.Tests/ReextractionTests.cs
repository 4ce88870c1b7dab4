using System.Collections.Concurrent;
using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Grpc.Core;
using Npgsql;

namespace Dossier.Services.Tests;

/// <summary>
/// Re-extraction through the durable queue (issue 14): marks kept in the article store, worked by the ingestion workers
/// under their leases, followed through the queue, and surviving a restart of ingestion, on SQLite and on PostgreSQL
/// (the server in <c>DOSSIER_TEST_POSTGRES</c>; skipped without one unless <c>DOSSIER_REQUIRE_POSTGRES=1</c>).
/// </summary>
public sealed class ReextractionTests : IDisposable
{
    private const string NewVersion = "test-extractor-v2";

    private readonly List<ServicesFixture> _systems = [];
    private string? _server;
    private string? _database;

    private static string Text(string id) =>
        $"Rome, 28 June 2021 — Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy (article {id}, {Guid.NewGuid():N}).";

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Reextract_IngestionStoppedBeforeTheWorkIsDone_EveryArticleIsReextractedOnceWithTheNewExtractorAfterTheRestart(string engine)
    {
        var settings = Settings(engine);
        string[] ids = ["re-1", "re-2", "re-3", "re-4", "re-5"];
        var first = Start(settings: settings);
        foreach (var id in ids)
        {
            await first.IngestionClient().IngestAsync(new IngestRequest { Text = Text(id), Id = id, Wait = true });
        }

        var before = await first.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "re-1" });
        first.Stop();

        // The new extractor lets two articles through, then holds the others until ingestion stops under them.
        var extracted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var twoOnly = new SemaphoreSlim(2);
        var second = Start(first.DataDir, settings, inner => new CountingExtractor(inner, extracted, twoOnly));
        var progress = new List<ReextractProgress>();
        using (var call = second.IngestionClient().Reextract(new ReextractRequest { Ids = { ids } }))
        {
            while (progress.Count < 2 && await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                progress.Add(call.ResponseStream.Current);
            }
        }

        var midway = await second.IngestionClient().GetQueueStatusAsync(new GetQueueStatusRequest());
        var notYet = ids.Except(progress.Select(p => p.DocumentId)).First();
        var searchable = await second.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = notYet });
        second.Stop();

        var third = Start(first.DataDir, settings, inner => new CountingExtractor(inner, extracted, gate: null));
        var after = await Eventually.GetAsync(
            async () => await third.IngestionClient().GetQueueStatusAsync(new GetQueueStatusRequest()), s => s.ReextractDone == ids.Length, TimeSpan.FromSeconds(30));

        Assert.Equal(2, progress.Count);
        Assert.All(progress, p => Assert.Equal((DocumentStatus.Indexed, NewVersion, 5, 5), (p.Status, p.ExtractorVersion, p.Total, p.Queued)));
        Assert.Equal([1, 2], progress.Select(p => p.Done));
        Assert.Equal((3, 2, 3), (midway.ReextractPending, midway.ReextractDone, midway.Pending));
        Assert.NotEqual(NewVersion, before.Facts.ExtractorVersion);
        Assert.Equal(before.Facts.ExtractorVersion, searchable.Facts.ExtractorVersion);
        Assert.Equal((5, 0, 0, 5, 0), (after.ReextractDone, after.ReextractPending, after.ReextractFailed, after.Indexed, after.Pending));
        Assert.Equal(ids.Select(id => (id, 1)), extracted.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)));
        foreach (var id in ids)
        {
            var facts = await third.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = id });
            Assert.Equal(NewVersion, facts.Facts.ExtractorVersion);
        }

        Assert.Equal(ids.Length, (await third.QueryClient().ListDocumentsAsync(new ListDocumentsRequest())).TotalSize);
    }

    [Fact]
    public async Task Reextract_AskedTwiceWhileQueued_QueuesTheWorkOnceAndDoesNotFillTheIngestQueue()
    {
        string[] ids = ["twice-1", "twice-2", "twice-3"];
        var first = Start();
        foreach (var id in ids)
        {
            await first.IngestionClient().IngestAsync(new IngestRequest { Text = Text(id), Id = id, Wait = true });
        }

        first.Stop();
        var idle = Start(first.DataDir, workers: 0, maxPending: 1);
        var client = idle.IngestionClient();

        var once = await NoWaitAsync(client, []);
        var twice = await NoWaitAsync(client, ["twice-2"]);
        var queued = await client.GetQueueStatusAsync(new GetQueueStatusRequest());
        var ingest = await client.IngestAsync(new IngestRequest { Text = Text("new"), Id = "new-1" });
        idle.Stop();
        var extracted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var working = Start(first.DataDir, extractor: inner => new CountingExtractor(inner, extracted, gate: null));
        var after = await Eventually.GetAsync(
            async () => await working.IngestionClient().GetQueueStatusAsync(new GetQueueStatusRequest()), s => s.Pending == 0, TimeSpan.FromSeconds(30));

        Assert.Equal((3, 3, ""), (once.Total, once.Queued, once.DocumentId));
        Assert.Equal((1, 0), (twice.Total, twice.Queued));
        Assert.Equal((3, 3, 0), (queued.ReextractPending, queued.Pending, queued.Indexed));
        Assert.Equal(DocumentStatus.Accepted, ingest.Status);
        Assert.Equal((3, 4), (after.ReextractDone, after.Indexed));
        Assert.All(ids, id => Assert.Equal(1, extracted[id]));
    }

    [Fact]
    public async Task Reextract_ExtractionDownAtFirst_IsRetriedLikeAnyAttemptAndIndexed()
    {
        var system = Start(maxAttempts: 50);
        var client = system.IngestionClient();
        await client.IngestAsync(new IngestRequest { Text = Text("down"), Id = "down-1", Wait = true });
        system.ExtractionSwitch.Up = false;

        using var call = client.Reextract(new ReextractRequest { Ids = { "down-1" } });
        var reading = ReadAllAsync(call);
        await Eventually.GetAsync(() => Task.FromResult(system.ExtractionSwitch.Refused), n => n >= 2, TimeSpan.FromSeconds(20));
        var waiting = await client.GetDocumentAsync(new GetDocumentRequest { Id = "down-1" });
        system.ExtractionSwitch.Up = true;
        var progress = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DocumentStatus.Accepted, waiting.Status);
        Assert.Contains("Unavailable", waiting.Error);
        var only = Assert.Single(progress);
        Assert.Equal((DocumentStatus.Indexed, "", 1, 1), (only.Status, only.Error, only.Done, only.Total));
        var indexed = await client.GetDocumentAsync(new GetDocumentRequest { Id = "down-1" });
        Assert.True(indexed.Attempts >= 2, $"{indexed.Attempts} attempts");
        Assert.Equal(1, (await client.GetQueueStatusAsync(new GetQueueStatusRequest())).ReextractDone);
    }

    private static async Task<ReextractProgress> NoWaitAsync(IngestionService.IngestionServiceClient client, string[] ids)
    {
        using var call = client.Reextract(new ReextractRequest { Ids = { ids }, NoWait = true });
        var all = await ReadAllAsync(call);
        return Assert.Single(all);
    }

    private static async Task<List<ReextractProgress>> ReadAllAsync(AsyncServerStreamingCall<ReextractProgress> call)
    {
        var all = new List<ReextractProgress>();
        await foreach (var p in call.ResponseStream.ReadAllAsync())
        {
            all.Add(p);
        }

        return all;
    }

    private ServicesFixture Start(
        string? dataDir = null, IReadOnlyDictionary<string, string>? settings = null, Func<Dossier.Domain.IFactExtractor, Dossier.Domain.IFactExtractor>? extractor = null,
        int workers = 2, int maxPending = 1000, int maxAttempts = 4)
    {
        var system = ServicesFixture.Create(maxAttempts: maxAttempts, maxPending: maxPending, workers: workers, dataDir: dataDir, settings: settings, extractor: extractor);
        _systems.Add(system);
        return system;
    }

    /// <summary>No settings for SQLite (the data folder); for PostgreSQL a database of the test's own.</summary>
    private Dictionary<string, string> Settings(string engine)
    {
        if (engine == "sqlite")
        {
            return [];
        }

        _server = Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(_server))
        {
            Assert.False(Environment.GetEnvironmentVariable("DOSSIER_REQUIRE_POSTGRES") == "1", "DOSSIER_TEST_POSTGRES is required but not set");
            throw new SkipException("PostgreSQL tests skipped: set DOSSIER_TEST_POSTGRES (eval \"$(scripts/postgres.sh start)\")");
        }

        _database = "dossier_reextract_" + Guid.NewGuid().ToString("N");
        Execute(_server, $"CREATE DATABASE {_database}");
        return new() { ["ConnectionStrings:dossier"] = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString };
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        // Each system stops; the data folder (shared by the restarts) goes with the last one.
        for (var i = 0; i < _systems.Count; i++)
        {
            if (i == _systems.Count - 1)
            {
                _systems[i].Dispose();
            }
            else
            {
                _systems[i].Stop();
            }
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(_server!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    /// <summary>
    /// The default pipeline under a new version, counting the extractions it completes per article; with a gate, only as
    /// many extractions as the gate lets through complete, the others wait for the call to end (a stopped ingestion).
    /// </summary>
    private sealed class CountingExtractor(Dossier.Domain.IFactExtractor inner, ConcurrentDictionary<string, int> completed, SemaphoreSlim? gate)
        : Dossier.Domain.IFactExtractor
    {
        public string Version => NewVersion;

        public Dossier.Domain.ExtractionResult Extract(Dossier.Domain.ExtractionRequest request, CancellationToken cancellationToken = default)
        {
            if (gate is not null && !gate.Wait(TimeSpan.FromSeconds(20), cancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "held by the test"));
            }

            var result = inner.Extract(request, cancellationToken);
            completed.AddOrUpdate(request.DocId, 1, (_, n) => n + 1);
            return result with { Facts = result.Facts with { ExtractorVersion = NewVersion } };
        }
    }
}
