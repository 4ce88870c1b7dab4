using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages;

public sealed class IndexModel(ArticlesService articles, KnowledgeService knowledge, IngestStatusService ingest) : DossierPageModel
{
    public StoreStats? Stats { get; private set; }

    public ArticlePage? Articles { get; private set; }

    /// <summary>The ingestion service's state of each latest article (empty when the service cannot be asked).</summary>
    public IReadOnlyDictionary<string, string> IngestStatus { get; private set; } = new Dictionary<string, string>();

    /// <summary>The ingestion queue (null when the service cannot be asked).</summary>
    public QueueSummary? Queue { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        var stats = knowledge.GetStatsAsync(cancellationToken);
        var latest = articles.ListAsync(null, 10, cancellationToken);
        Stats = await stats;
        Articles = await latest;
        IngestStatus = await ingest.StatusesAsync(Articles.Items.Select(a => a.Id), cancellationToken);
        try
        {
            Queue = await ingest.QueueAsync(cancellationToken);
        }
        catch (Grpc.Core.RpcException)
        {
            // The overview still shows what query knows.
        }

        return Page();
    });
}
