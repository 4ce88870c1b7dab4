using Dossier.Domain;

namespace Dossier.Store.Tests;

/// <summary>A cancelled token (a caller's deadline) ends a call before its work, on every engine; the store stays usable.</summary>
public abstract partial class KnowledgeStoreSuite
{
    [SkippableFact]
    public async Task Reads_AlreadyCancelledToken_ThrowOperationCanceledAndTheStoreStaysUsable()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.", "2022-05-14");
        await Store.IndexAsync(info, facts);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ct = cancelled.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ListAsync(0, 10, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetAsync("d1", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SearchAsync("Morocco", 0, 10, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SearchAsync(new SearchQuery("", Country: "MA"), 0, 10, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ListEntitiesAsync(new EntityQuery(), 0, 10, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetEntityAsync("country:MA", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ListEventsAsync(new EventQuery(), 0, 10, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetEventAsync("ev-1", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetClaimTimelineAsync(ClaimKinds.MemberCount, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.TotalsAsync(ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Store.ExportFactsAsync(ct))
            {
            }
        });

        Assert.Equal("d1", Assert.Single((await Store.ListAsync(0, 10)).Items).Id);
        Assert.Single((await Store.SearchAsync("Morocco", 0, 10)).Items);
        Assert.Equal(1, (await Store.TotalsAsync()).Articles);
    }

    [SkippableFact]
    public async Task Writes_AlreadyCancelledToken_ThrowOperationCanceledAndWriteNothing()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.", "2022-05-14");
        await Store.IndexAsync(info, facts);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.IndexAsync(info with { Text = "The coalition met in Rome." }, facts with { Countries = [] }, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.IndexManyAsync([Article("d2", "Ministers met in Morocco.")], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.DeleteAsync("d1", cancelled.Token));

        Assert.Equal("The coalition met in Morocco.", (await Store.GetAsync("d1"))?.Text);
        Assert.Null(await Store.GetAsync("d2"));
        Assert.Equal(1, (await Store.TotalsAsync()).Articles);
        Assert.False(await Store.IndexAsync(Article("d2", "Ministers met in Morocco.").Item1, Article("d2", "Ministers met in Morocco.").Item2));
        Assert.True(await Store.DeleteAsync("d1"));
        Assert.Equal(["d2"], (await Store.ListAsync(0, 10)).Items.Select(a => a.Id));
    }
}
