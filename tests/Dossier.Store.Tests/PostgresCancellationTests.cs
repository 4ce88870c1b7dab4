using System.Diagnostics;
using Dossier.Domain;
using Npgsql;

namespace Dossier.Store.Tests;

/// <summary>
/// A cancelled token reaches PostgreSQL: a query or write waiting for a lock another connection holds ends with
/// <see cref="OperationCanceledException"/> within about a second of the cancel (Npgsql sends a cancel request), and the
/// store stays usable. Needs a server (<see cref="PostgresTestServer"/>).
/// </summary>
[Collection(PostgresTestServer.Collection)]
public sealed class PostgresCancellationTests(PostgresTestServer server) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>How long a cancelled call may take to end on a loaded machine ("about a second").</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    private static (ArticleInfo, DocumentFacts) Article(string id, string text) =>
        (new ArticleInfo { Id = id, Text = text, Title = "Title " + id }, new DocumentFacts { Doc = id, Relevant = true, ExtractorVersion = "test-1" });

    [SkippableFact]
    public async Task Reads_AlreadyCancelledToken_ThrowOperationCanceledBeforeTheyStart()
    {
        var (store, _) = await OpenWithAnArticleAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(0, 10, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SearchAsync("coalition", 0, 10, cancelled.Token));

        Assert.Single((await store.SearchAsync("coalition", 0, 10)).Items);
    }

    [SkippableFact]
    public async Task ListAndSearch_TokenCancelledWhileWaitingForATableLock_EndPromptlyAndTheStoreStaysUsable()
    {
        var (store, schema) = await OpenWithAnArticleAsync();
        await using var locker = await LockAsync(schema, "LOCK TABLE documents IN ACCESS EXCLUSIVE MODE");

        foreach (var call in new Func<CancellationToken, Task>[]
        {
            ct => store.ListAsync(0, 10, ct),
            ct => store.SearchAsync("coalition", 0, 10, ct),
        })
        {
            using var cancel = new CancellationTokenSource();
            var running = call(cancel.Token);
            await Task.Delay(300);
            Assert.False(running.IsCompleted);

            var clock = Stopwatch.StartNew();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(clock.Elapsed < Prompt, clock.Elapsed.ToString());
        }

        await locker.Transaction.RollbackAsync();
        Assert.Equal("d1", Assert.Single((await store.ListAsync(0, 10)).Items).Id);
    }

    [SkippableFact]
    public async Task IndexAsync_TokenCancelledWhileWaitingForALockedRow_EndsPromptlyRolledBackAndTheStoreStaysUsable()
    {
        var (store, schema) = await OpenWithAnArticleAsync();
        await using var locker = await LockAsync(schema, "SELECT id FROM documents WHERE id = 'd1' FOR UPDATE");

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var (info, facts) = Article("d1", "Now the coalition met in Rome.");
        var clock = Stopwatch.StartNew();
        // The write's statements run synchronously: off the test's thread, so that the test can watch it.
        var writing = Task.Run(() => store.IndexAsync(info, facts, cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500) + Prompt, clock.Elapsed.ToString());

        await locker.Transaction.RollbackAsync();
        Assert.Equal("The coalition met in Morocco.", (await store.GetAsync("d1"))?.Text);
        Assert.True(await store.IndexAsync(info, facts));
        Assert.Equal("Now the coalition met in Rome.", (await store.GetAsync("d1"))?.Text);
        Assert.Equal(1, (await store.TotalsAsync()).Articles);
    }

    private async Task<(PostgresKnowledgeStore Store, PostgresTestSchema Schema)> OpenWithAnArticleAsync()
    {
        var schema = Own(server.CreateSchema());
        var store = Own(PostgresKnowledgeStore.Open(schema.ConnectionString));
        var (info, facts) = Article("d1", "The coalition met in Morocco.");
        await store.IndexAsync(info, facts);
        return (store, schema);
    }

    /// <summary>A second connection holding a lock (in an open transaction) until it is rolled back or disposed.</summary>
    private static async Task<Locker> LockAsync(PostgresTestSchema schema, string sql)
    {
        var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new Locker(connection, transaction);
    }

    private sealed record Locker(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }
}
