using Dossier.Contracts.V1;
using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Queue;

/// <summary>
/// The ingestion queue: what is waiting (with attempts and last error), what was parked as failed (with its error), and
/// a retry for one parked article or all of them — a form post, so only for a signed-in user (the dashboard's fallback
/// authorization policy, <see cref="SignIn.WritesNeedSignInRequirement"/>) with a valid antiforgery token.
/// </summary>
public sealed class IndexModel(IngestStatusService ingest) : DossierPageModel
{
    public const int PageSize = 50;

    public QueueSummary? Queue { get; private set; }

    public IngestedPage? Failed { get; private set; }

    public IngestedPage? Waiting { get; private set; }

    /// <summary>Articles just queued again by a retry (shown once after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Retried { get; set; }

    [BindProperty(SupportsGet = true, Name = "failed_after")]
    public string? FailedAfter { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Queue = await ingest.QueueAsync(cancellationToken);
        Failed = await ingest.ListAsync(DocumentStatus.Failed, Clean(FailedAfter), PageSize, cancellationToken);
        Waiting = await ingest.ListAsync(DocumentStatus.Accepted, null, PageSize, cancellationToken);
        return Page();
    }, "ingestion");

    /// <summary>Retries one parked article (<paramref name="id"/>) or, without one, all of them.</summary>
    public Task<IActionResult> OnPostRetryAsync(string? id, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        var retried = await ingest.RetryAsync(string.IsNullOrWhiteSpace(id) ? [] : [id], cancellationToken);
        return RedirectToPage(new { retried });
    }, "ingestion");
}
