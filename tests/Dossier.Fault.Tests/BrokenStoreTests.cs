using System.Diagnostics;
using System.Net;
using Dossier.Contracts.V1;
using Grpc.Core;
using Dossier.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Dossier.Fault.Tests;

/// <summary>
/// A database file that is corrupt, or locked by another process: the service stays up (no crash loop), /health says
/// what is wrong and where, calls answer UNAVAILABLE with the reason, and the service recovers without a restart.
/// </summary>
public sealed class BrokenStoreTests(ITestOutputHelper output)
{
    /// <summary>How long a store stays broken in these tests before the check that nothing restarted: a few reopen attempts.</summary>
    private static readonly TimeSpan SeveralRetries = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Start_CorruptDatabaseFiles_StaysUpUnhealthyAndAnswersUnavailable()
    {
        using var system = new FaultSystem(nameof(Start_CorruptDatabaseFiles_StaysUpUnhealthyAndAnswersUnavailable));
        var ingestionDb = Path.Combine(system.DataDir, "ingestion.db");
        var queryDb = Path.Combine(system.DataDir, "query.db");
        var garbage = string.Concat(Enumerable.Repeat("This is not a database: a disk error wrote garbage here. ", 200));
        await File.WriteAllTextAsync(ingestionDb, garbage);
        await File.WriteAllTextAsync(queryDb, garbage);

        system.Ingestion.Start();
        system.Query.Start();
        var ingestionHealth = await system.Ingestion.WaitForHealthAsync(healthy: false, timeout: FaultSystem.Patience);
        var queryHealth = await system.Query.WaitForHealthAsync(healthy: false, timeout: FaultSystem.Patience);
        var ingest = await Assert.ThrowsAsync<RpcException>(() => system.IngestionClient.IngestAsync(
            Articles.Create(1), FaultSystem.KeyHeader, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        var queue = await Assert.ThrowsAsync<RpcException>(() => system.IngestionClient.GetQueueStatusAsync(
            new GetQueueStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => system.QueryClient.ListDocumentsAsync(
            new ListDocumentsRequest(), deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        output.WriteLine($"ingestion /health {(int)ingestionHealth.Status}:\n{ingestionHealth.Body}");
        output.WriteLine($"query /health {(int)queryHealth.Status}:\n{queryHealth.Body}");
        output.WriteLine($"Ingest: {ingest.StatusCode} {ingest.Status.Detail}");
        output.WriteLine($"ListDocuments: {list.StatusCode} {list.Status.Detail}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ingestionHealth.Status);
        Assert.StartsWith("Unhealthy", ingestionHealth.Body);
        Assert.Contains($"{ingestionDb}: the file is not an SQLite database", ingestionHealth.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, queryHealth.Status);
        Assert.Contains($"{queryDb}: the file is not an SQLite database", queryHealth.Body);
        Assert.Equal(StatusCode.Unavailable, ingest.StatusCode);
        Assert.Contains($"{ingestionDb}: the file is not an SQLite database", ingest.Status.Detail);
        Assert.Equal(StatusCode.Unavailable, queue.StatusCode);
        Assert.Equal(StatusCode.Unavailable, list.StatusCode);
        Assert.Contains($"{queryDb}: the file is not an SQLite database", list.Status.Detail);

        // No crash loop: the same processes are still up after several attempts to reopen, alive but not ready.
        await Task.Delay(SeveralRetries);
        Assert.False(system.Ingestion.HasExited, system.Ingestion.LogTail());
        Assert.False(system.Query.HasExited, system.Query.LogTail());
        Assert.Equal(HttpStatusCode.OK, (await system.Ingestion.GetAsync("/alive"))?.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await system.Ingestion.GetAsync("/health"))?.Status);

        // Recovery without a restart: with the broken file moved aside, the next attempt creates a fresh store.
        File.Move(ingestionDb, ingestionDb + ".broken");
        await system.Ingestion.WaitForHealthAsync(timeout: FaultSystem.Patience);
        var receipt = await system.IngestionClient.IngestAsync(Articles.Create(1), FaultSystem.KeyHeader, deadline: DateTime.UtcNow.AddSeconds(60));

        Assert.Equal(DocumentStatus.Accepted, receipt.Status);
        Assert.Equal(1, system.Ingestion.Starts);
        Assert.Equal(1, system.Query.Starts);
    }

    [Fact]
    public async Task Ingest_DatabaseLockedByAnotherProcess_AnswersUnavailableAndRecoversWithoutRestart()
    {
        using var system = new FaultSystem(nameof(Ingest_DatabaseLockedByAnotherProcess_AnswersUnavailableAndRecoversWithoutRestart));
        await system.StartAsync(system.Ingestion);
        var client = system.IngestionClient;
        var first = await client.IngestAsync(Articles.Create(1), FaultSystem.KeyHeader, deadline: DateTime.UtcNow.AddSeconds(60));
        Assert.Equal(DocumentStatus.Accepted, first.Status);
        var ingestionDb = Path.Combine(system.DataDir, "ingestion.db");

        // Another process (this test) takes the database's write lock and keeps it.
        using var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ingestionDb, Pooling = false }.ToString());
        locker.Open();
        using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        var health = await Eventually.GetAsync(() => system.Ingestion.GetAsync("/health"), h => h?.Status == HttpStatusCode.ServiceUnavailable, FaultSystem.Patience);
        var unhealthyAfter = clock.Elapsed;
        clock.Restart();
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(
            Articles.Create(2), FaultSystem.KeyHeader, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        var refusedAfter = clock.Elapsed;

        using (var rollback = locker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        locker.Close();
        clock.Restart();
        await system.Ingestion.WaitForHealthAsync(timeout: FaultSystem.Patience);
        var healthyAfter = clock.Elapsed;
        var second = await client.IngestAsync(Articles.Create(2), FaultSystem.KeyHeader, deadline: DateTime.UtcNow.AddSeconds(60));

        output.WriteLine($"/health unhealthy {unhealthyAfter.TotalSeconds:F1} s after the lock:\n{health?.Body}");
        output.WriteLine($"Ingest refused after {refusedAfter.TotalSeconds:F1} s: {refused.StatusCode} {refused.Status.Detail}");
        output.WriteLine($"healthy again {healthyAfter.TotalSeconds:F1} s after the lock was released");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health?.Status);
        Assert.Contains($"{ingestionDb}: the database is locked", health?.Body);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains($"{ingestionDb}: the database is locked", refused.Status.Detail);
        Assert.Equal(DocumentStatus.Accepted, second.Status);
        Assert.False(second.Duplicate);
        Assert.Equal(1, system.Ingestion.Starts);
        Assert.False(system.Ingestion.HasExited);
    }
}
