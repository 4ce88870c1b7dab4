using Dossier.Contracts.V1;
using Dossier.Domain;
using Grpc.Core;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>ingest DIR [--server URL]</c>: streams every <c>*.txt</c> (plain text) and <c>*.html</c> (HTML) file of a folder to a
/// running ingestion service, one receipt per article, with progress. The file's stem becomes the document id.
/// </summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(Args args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var folder = args.Positional.FirstOrDefault() ?? throw new UsageException("ingest needs a folder");
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"folder not found: {folder}");
        }

        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            stderr.WriteLine($"no *.txt or *.html files in {folder}");
            return 1;
        }

        using var channel = Servers.Channel(args, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        int indexed = 0, duplicates = 0, failed = 0;
        try
        {
            using var call = client.IngestStream(cancellationToken: cancellationToken);
            var sending = Task.Run(
                async () =>
                {
                    foreach (var file in files)
                    {
                        var html = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
                        await call.RequestStream.WriteAsync(
                            new IngestRequest
                            {
                                Text = ExtractCommand.ReadOriginalText(file),
                                Id = Path.GetFileNameWithoutExtension(file),
                                Source = Path.GetFileName(file),
                                ContentType = html ? ContentTypes.Html : ContentTypes.PlainText,
                            },
                            cancellationToken);
                    }

                    await call.RequestStream.CompleteAsync();
                },
                cancellationToken);

            await foreach (var receipt in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                var name = Path.GetFileName(files[receipt.Sequence]);
                var state = receipt.Duplicate ? "already stored" : Describe(receipt.Status);
                stdout.WriteLine($"[{receipt.Sequence + 1}/{files.Count}] {name}: {state}" +
                    (receipt.Status == DocumentStatus.Indexed ? $" ({receipt.FactCount} facts, id {receipt.DocumentId})" : "") +
                    (receipt.Error.Length > 0 ? $": {receipt.Error}" : ""));
                if (receipt.Duplicate)
                {
                    duplicates++;
                }
                else if (receipt.Status == DocumentStatus.Indexed)
                {
                    indexed++;
                }
                else
                {
                    failed++;
                }
            }

            await sending;
        }
        catch (RpcException e)
        {
            stderr.WriteLine($"ingestion failed: {e.StatusCode} {e.Status.Detail}");
            return 1;
        }

        stderr.WriteLine($"{indexed} indexed, {duplicates} already stored, {failed} failed or rejected");
        return failed == 0 ? 0 : 1;
    }

    private static string Describe(DocumentStatus status) => status switch
    {
        DocumentStatus.Indexed => "indexed",
        DocumentStatus.Rejected => "rejected",
        DocumentStatus.Failed => "failed",
        DocumentStatus.Accepted => "accepted",
        DocumentStatus.Extracted => "extracted",
        _ => status.ToString(),
    };

    /// <summary><c>reextract [ID ...] [--server URL]</c>: runs stored articles (default: all) through the current extractor again.</summary>
    public static async Task<int> ReextractAsync(Args args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        using var call = client.Reextract(new ReextractRequest { Ids = { args.Positional } }, cancellationToken: cancellationToken);
        var failed = 0;
        await foreach (var p in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            stdout.WriteLine($"[{p.Done}/{p.Total}] {p.DocumentId}: {Describe(p.Status)}" +
                (p.Status == DocumentStatus.Indexed ? $" ({p.FactCount} facts, extractor {p.ExtractorVersion})" : $": {p.Error}"));
            failed += p.Status == DocumentStatus.Indexed ? 0 : 1;
        }

        stderr.WriteLine(failed == 0 ? "all re-extracted" : $"{failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
