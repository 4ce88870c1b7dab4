using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dossier.Contracts.V1;
using Xunit.Abstractions;

namespace Dossier.Fault.Tests;

/// <summary>
/// kill -9 during a bulk ingest of 2,000 articles, each service in turn (real processes, killed by PID, started again):
/// every acknowledged article ends up indexed, in ingestion and exactly once in query's knowledge store, none parked.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Count = 2000;

    /// <summary>The receipt after which the service is killed: well inside the stream.</summary>
    private const int KillAfter = 1000;

    /// <summary>
    /// Acknowledged articles the client lets wait for indexing: the stream goes on while the services work, so the kill
    /// hits a stream in progress and calls in flight (at receipt <see cref="KillAfter"/>, at least 300 are indexed).
    /// </summary>
    private const int Backlog = 600;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    private static readonly IReadOnlyList<IngestRequest> Bulk = Articles.Generate(Count).ToList();

    [Fact]
    public Task IngestStream_ExtractionKilledAndRestarted_EveryAcknowledgedArticleIndexedOnce() =>
        KillAndRestartDuringBulkAsync(system => system.Extraction);

    [Fact]
    public Task IngestStream_QueryKilledAndRestarted_EveryAcknowledgedArticleIndexedOnce() =>
        KillAndRestartDuringBulkAsync(system => system.Query);

    [Fact]
    public async Task IngestStream_IngestionKilledMidStream_AcknowledgedArticlesSurviveAndComplete()
    {
        using var system = new FaultSystem(nameof(IngestStream_IngestionKilledMidStream_AcknowledgedArticlesSurviveAndComplete));
        await system.StartAsync(system.Extraction, system.Query, system.Ingestion);
        var clock = Stopwatch.StartNew();

        // Act: SIGKILL ingestion from inside the stream, right after receipt KillAfter; start it again.
        var indexedAtKill = -1;
        var (before, broken) = await system.IngestStreamAsync(Bulk, count =>
        {
            if (count == KillAfter)
            {
                indexedAtKill = system.IngestionClient.GetQueueStatus(new GetQueueStatusRequest()).Indexed;
                system.Ingestion.Kill();
            }
        }, backlog: Backlog);
        var killedAt = clock.Elapsed;
        system.Ingestion.Start();
        await system.Ingestion.WaitForHealthAsync(timeout: FaultSystem.Patience);
        var restartedAt = clock.Elapsed;

        // The client resends from its first request without a receipt; what was stored unacknowledged comes back as duplicate.
        var (after, error) = await system.IngestStreamAsync(Bulk.Skip(before.Count));
        Assert.True(error is null, $"the resend after the restart failed: {error}");
        var status = await system.WaitUntilSettledAsync(Count);
        var settledAt = clock.Elapsed;
        var indexed = await system.IndexedInIngestionAsync();
        var (inQuery, total) = await system.InQueryAsync();

        output.WriteLine($"acknowledged before the kill: {before.Count} of {Count} (killed at {killedAt.TotalSeconds:F1} s when {indexedAtKill} were indexed; stream ended with {broken?.StatusCode})");
        output.WriteLine($"resent {Count - before.Count}: {after.Count(r => r.Duplicate)} were stored before the kill without a receipt");
        output.WriteLine($"ingestion back in {(restartedAt - killedAt).TotalSeconds:F1} s; all settled at {settledAt.TotalSeconds:F1} s");
        output.WriteLine($"ingestion: indexed {status.Indexed}, failed {status.Failed}; query: {total} articles ({inQuery.Distinct().Count()} distinct ids)");

        Assert.NotNull(broken);
        Assert.InRange(before.Count, KillAfter, Count - 1);
        Assert.InRange(indexedAtKill, 1, Count);
        Assert.All(before, r => Assert.Equal(DocumentStatus.Accepted, r.Status));
        Assert.Null(error);
        Assert.Equal(Count - before.Count, after.Count);
        Assert.DoesNotContain(after, r => r.Status == DocumentStatus.Rejected);
        Assert.Equal(0, status.Failed);
        Assert.Equal(Count, status.Indexed);
        var indexedIds = indexed.ToHashSet(StringComparer.Ordinal);
        Assert.All(before, r => Assert.Contains(r.DocumentId, indexedIds));
        AssertExactlyOnce(Bulk.Select(r => r.Id), indexed, inQuery, total);
        Assert.Equal(2, system.Ingestion.Starts);
        Assert.Equal(1, system.Extraction.Starts);
        Assert.Equal(1, system.Query.Starts);
    }

    private async Task KillAndRestartDuringBulkAsync(Func<FaultSystem, ServiceProcess> victimOf, [CallerMemberName] string test = "")
    {
        using var system = new FaultSystem(test);
        await system.StartAsync(system.Extraction, system.Query, system.Ingestion);
        var victim = victimOf(system);
        var clock = Stopwatch.StartNew();
        var indexedAtKill = -1;
        TimeSpan killedAt = default, restartedAt = default;
        Task? outage = null;

        // Act: after receipt KillAfter, SIGKILL the service while ingestion is busy with it; start it again after a pause.
        var (receipts, error) = await system.IngestStreamAsync(Bulk, count =>
        {
            if (count == KillAfter)
            {
                outage = Task.Run(async () =>
                {
                    indexedAtKill = (await FaultSystem.ReadAsync(deadline => system.IngestionClient.GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: deadline).ResponseAsync)).Indexed;
                    victim.Kill();
                    killedAt = clock.Elapsed;
                    await Task.Delay(Outage);
                    victim.Start();
                    await victim.WaitForHealthAsync(timeout: FaultSystem.Patience);
                    restartedAt = clock.Elapsed;
                });
            }
        }, backlog: Backlog);
        var streamedAt = clock.Elapsed;
        Assert.NotNull(outage);
        await outage;
        var acknowledged = receipts.Where(r => r.Status == DocumentStatus.Accepted).Select(r => r.DocumentId).ToList();
        var status = await system.WaitUntilSettledAsync(acknowledged.Count);
        var settledAt = clock.Elapsed;
        var indexed = await system.IndexedInIngestionAsync();
        var (inQuery, total) = await system.InQueryAsync();

        output.WriteLine($"{victim.Name} killed after receipt {KillAfter} at {killedAt.TotalSeconds:F1} s, when {indexedAtKill} articles were indexed; back at {restartedAt.TotalSeconds:F1} s");
        output.WriteLine($"acknowledged {acknowledged.Count} of {Count} (stream done at {streamedAt.TotalSeconds:F1} s); all settled at {settledAt.TotalSeconds:F1} s");
        output.WriteLine($"ingestion: indexed {status.Indexed}, failed {status.Failed}; query: {total} articles ({inQuery.Distinct().Count()} distinct ids)");

        Assert.Null(error);
        Assert.Equal(Count, receipts.Count);
        Assert.Equal(Count, acknowledged.Count);
        Assert.InRange(indexedAtKill, 1, Count);
        Assert.Equal(0, status.Failed);
        Assert.Equal(acknowledged.Count, status.Indexed);
        AssertExactlyOnce(acknowledged, indexed, inQuery, total);
        Assert.Equal(2, victim.Starts);
        Assert.All(new[] { system.Extraction, system.Query, system.Ingestion }.Where(s => s != victim), s => Assert.Equal(1, s.Starts));
    }

    /// <summary>Ingestion indexed exactly the acknowledged ids, and query holds each of them once and nothing else.</summary>
    private static void AssertExactlyOnce(IEnumerable<string> acknowledged, List<string> indexedInIngestion, List<string> inQuery, int queryTotal)
    {
        var expected = acknowledged.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, indexedInIngestion.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, queryTotal);
        Assert.Equal(expected, inQuery.Order(StringComparer.Ordinal));
    }
}
