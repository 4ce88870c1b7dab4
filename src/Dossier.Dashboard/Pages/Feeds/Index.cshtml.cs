using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Feeds;

/// <summary>The feed subscriptions ingestion watches: last poll, next poll, items found and ingested, last error.</summary>
public sealed class IndexModel(FeedsService feeds) : DossierPageModel
{
    public IReadOnlyList<FeedRow>? Feeds { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Feeds = await feeds.ListAsync(cancellationToken);
        return Page();
    }, "ingestion");
}
