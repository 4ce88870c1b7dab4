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
