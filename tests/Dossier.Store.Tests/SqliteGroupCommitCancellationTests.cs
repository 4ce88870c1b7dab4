using System.Diagnostics;
using Dossier.Domain;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Tests;

/// <summary>
/// Callers of SQLite's group commit cancelled while they wait for the writer: each leaves the queue at once (no thread
/// blocks on the writer lock), its article written whole or not at all, and the others' articles are written.
/// </summary>
public sealed class SqliteGroupCommitCancellationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static (ArticleInfo, DocumentFacts) Article(string id)
    {
        var text = $"Article {id}: the coalition met in Morocco.";
        var morocco = text.IndexOf("Morocco", StringComparison.Ordinal);
        var facts = new DocumentFacts
        {
            Doc = id, Relevant = true, ExtractorVersion = "test-1",
            Countries = [new CountryFact("MA", [new TextSpan(morocco, morocco + 7)])],
        };
        return (new ArticleInfo { Id = id, Text = text, Title = "Title " + id }, facts);
    }

    [Fact]
    public async Task IndexAsync_CancelledWhileWaitingForTheGroupCommit_IsCancelledAtOnceNeverWrittenAndTheOthersAreWritten()
    {
        var path = _folder.File("k.db");
        var store = new SqliteKnowledgeStore(new SqliteDatabase(path, SqliteKnowledgeStore.Schema));
        using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
        blocker.Open();
        // BEGIN IMMEDIATE from another connection: the store's writer, holding the group commit, waits for the file.
        using var hold = blocker.BeginTransaction();

        var (a1, a1Facts) = Article("a1");
        var first = Task.Run(() => store.IndexAsync(a1, a1Facts));
        await Task.Delay(500);
        using var cancel = new CancellationTokenSource();
        var (b1, b1Facts) = Article("b1");
        var waiting = store.IndexAsync(b1, b1Facts, cancel.Token);
        var (c1, c1Facts) = Article("c1");
        var other = store.IndexAsync(c1, c1Facts);
        await Task.Delay(100);
        Assert.False(first.IsCompleted);
        Assert.False(waiting.IsCompleted);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
        Assert.False(first.IsCompleted);
        hold.Rollback();

        Assert.False(await first);
        Assert.False(await other);
        Assert.True(waiting.IsCanceled);
        Assert.Null(await store.GetAsync("b1"));
        Assert.NotNull(await store.GetAsync("a1"));
        Assert.NotNull(await store.GetAsync("c1"));
        Assert.Equal(2, (await store.TotalsAsync()).Articles);
        Assert.Equal(2, (await store.GetEntityAsync("country:MA"))?.Summary.DocumentCount);
    }

    [Fact]
    public async Task IndexAsync_CallersCancelledWhileOthersWrite_EachArticleWholeOrAbsentAndEveryOtherWritten()
    {
        var store = new SqliteKnowledgeStore(new SqliteDatabase(_folder.File("race.db"), SqliteKnowledgeStore.Schema));
        using var cancel = new CancellationTokenSource();
        var calls = new List<(string Id, bool Cancellable, Task<bool> Task)>();
        for (var i = 0; i < 60; i++)
        {
            var (info, facts) = Article($"r{i:D2}");
            var cancellable = i % 3 == 0;
            var ct = cancellable ? cancel.Token : CancellationToken.None;
            calls.Add((info.Id, cancellable, Task.Run(() => store.IndexAsync(info, facts, ct))));
            if (i == 30)
            {
                await cancel.CancelAsync();
            }
        }

        try
        {
            await Task.WhenAll(calls.Select(c => c.Task));
        }
        catch (OperationCanceledException)
        {
        }

        var present = new List<string>();
        foreach (var (id, cancellable, task) in calls)
        {
            Assert.True(task.IsCompletedSuccessfully || (cancellable && task.IsCanceled), $"{id}: {task.Status}");
            var article = await store.GetAsync(id);
            if (task.IsCompletedSuccessfully)
            {
                Assert.NotNull(article);
            }

            if (article is not null)
            {
                Assert.Equal("MA", Assert.Single(article.Facts.Countries).Code);
                present.Add(id);
            }
        }

        Assert.Contains(calls, c => c.Task.IsCanceled);
        Assert.Equal(present.Count, (await store.TotalsAsync()).Articles);
        Assert.Equal(present.Count, (await store.GetEntityAsync("country:MA"))?.Summary.DocumentCount);
        Assert.Equal(present.Count, (await store.SearchAsync("Morocco", 0, 100)).Total);
    }

    public void Dispose() => _folder.Dispose();
}
