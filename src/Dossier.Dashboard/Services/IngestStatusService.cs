using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Dashboard.Services;

/// <summary>
/// Asks the ingestion service for the processing state of given articles (it can only be asked per id). Best effort:
/// an unreachable ingestion service yields no statuses rather than an error.
/// </summary>
public sealed class IngestStatusService(IngestionService.IngestionServiceClient client, ILogger<IngestStatusService> logger)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyDictionary<string, string>> StatusesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            var deadline = DateTime.UtcNow + Deadline;
            var calls = ids.Distinct(StringComparer.Ordinal).Select(async id =>
            {
                var d = await client.GetDocumentAsync(new GetDocumentRequest { Id = id }, deadline: deadline, cancellationToken: cancellationToken);
                return (id, Status: Label(d.Status));
            });
            var results = await Task.WhenAll(calls);
            return results.ToDictionary(r => r.id, r => r.Status, StringComparer.Ordinal);
        }
        catch (RpcException e)
        {
            logger.LogInformation("Ingestion status unavailable: {Status}", e.StatusCode);
            return new Dictionary<string, string>();
        }
    }

    /// <summary>The ingestion queue: counts per state, workers, the pause while a service is unreachable, and re-extractions.</summary>
    public async Task<QueueSummary> QueueAsync(CancellationToken cancellationToken)
    {
        var q = await client.GetQueueStatusAsync(new GetQueueStatusRequest(), cancellationToken: cancellationToken);
        return new QueueSummary(
            q.Pending, q.Accepted, q.Extracted, q.Indexed, q.Failed, q.MaxPending, q.Workers, q.Busy, q.Engine,
            q.PausedReason.Length > 0 ? q.PausedReason : null, q.PausedUntil?.ToDateTimeOffset(),
            q.ReextractPending, q.ReextractDone, q.ReextractFailed);
    }

    /// <summary>Stored articles of one state (without their text), in ingest order, a page at a time.</summary>
    public async Task<IngestedPage> ListAsync(DocumentStatus status, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await client.ListDocumentsAsync(
            new ListIngestedRequest { Status = status, PageSize = pageSize, PageToken = pageToken ?? "", WithoutText = true },
            cancellationToken: cancellationToken);
        var items = page.Documents.Select(d => new IngestedArticle(
            d.Id, d.Title, Label(d.Status), d.Attempts, d.Error, d.IngestedAt?.ToDateTimeOffset(), d.NextAttemptAt?.ToDateTimeOffset(), d.TraceId)).ToList();
        return new IngestedPage(items, page.NextPageToken.Length > 0 ? page.NextPageToken : null);
    }

    /// <summary>Queues parked articles again (the given ones, or all when none is given); returns how many.</summary>
    public async Task<int> RetryAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var response = await client.RetryAsync(new RetryRequest { Ids = { ids } }, cancellationToken: cancellationToken);
        return response.Retried;
    }

    public static string Label(DocumentStatus status) => status switch
    {
        DocumentStatus.Accepted => "accepted",
        DocumentStatus.Extracted => "extracted",
        DocumentStatus.Indexed => "indexed",
        DocumentStatus.Failed => "failed",
        DocumentStatus.Rejected => "rejected",
        _ => "unknown",
    };
}

public sealed record QueueSummary(
    int Pending, int Accepted, int Extracted, int Indexed, int Failed, int MaxPending, int Workers, int Busy, string Engine,
    string? PausedReason, DateTimeOffset? PausedUntil, int ReextractPending = 0, int ReextractDone = 0, int ReextractFailed = 0);

public sealed record IngestedArticle(
    string Id, string Title, string Status, int Attempts, string Error, DateTimeOffset? IngestedAt, DateTimeOffset? NextAttemptAt, string TraceId);

public sealed record IngestedPage(IReadOnlyList<IngestedArticle> Items, string? NextPageToken);
