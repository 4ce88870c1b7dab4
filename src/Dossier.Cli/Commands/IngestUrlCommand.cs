using Dossier.Contracts.V1;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>ingest --url URL [--title T] [--source S] [--published YYYY-MM-DD] [--id ID] [--no-wait]</c>: ingestion fetches the
/// page (under its fetch safety rules) and ingests it; waits until it is indexed or parked unless <c>--no-wait</c>.
/// </summary>
public static class IngestUrlCommand
{
    public static async Task<int> RunAsync(IngestOptions args, string url, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        var receipt = await client.FetchDocumentAsync(
            new FetchDocumentRequest
            {
                Url = url, Title = args.Title ?? "", Source = args.Source ?? "", Published = args.Published ?? "",
                Id = args.Id ?? "", Wait = !args.NoWait,
            },
            cancellationToken: cancellationToken);
        stdout.WriteLine($"{url}: {(receipt.Duplicate ? "already stored" : Label(receipt.Status))} (id {receipt.DocumentId}" +
            (receipt.Status == DocumentStatus.Indexed ? $", {receipt.FactCount} facts)" : ")") +
            (receipt.Error.Length > 0 ? $": {receipt.Error}" : ""));
        if (receipt.Status == DocumentStatus.Failed)
        {
            stderr.WriteLine("parked as failed (dossier failed / dossier retry)");
            return 1;
        }

        return 0;
    }

    private static string Label(DocumentStatus status) => status switch
    {
        DocumentStatus.Indexed => "indexed",
        DocumentStatus.Failed => "failed",
        DocumentStatus.Accepted => "accepted",
        DocumentStatus.Extracted => "extracted",
        _ => status.ToString(),
    };
}
