using Dossier.Cli.Progress;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Grpc.Core;

namespace Dossier.Cli.Commands;

/// <summary><c>ingest DIR</c> or <c>ingest --url URL [--title T] [--source S] [--published D] [--id ID]</c>, each <c>[--no-wait]</c>.</summary>
public sealed record IngestOptions(
    string? Folder, string? Url, string? Title, string? Source, string? Published, string? Id, bool NoWait, ServerOptions Server);

/// <summary><c>retry [ID ...]</c>, <c>delete ID</c>, <c>reextract [ID ...]</c>: the articles named (none: all, where allowed).</summary>
public sealed record DocumentIdsOptions(IReadOnlyList<string> Ids, ServerOptions Server);

/// <summary>The options of <c>reextract</c>: the articles (none: all), and whether to return once they are queued.</summary>
public sealed record ReextractOptions(IReadOnlyList<string> Ids, bool NoWait, ServerOptions Server);

/// <summary>
/// <c>ingest DIR [--server URL] [--no-wait]</c>: streams every <c>*.txt</c> (plain text) and <c>*.html</c> (HTML) file of a
/// folder to a running ingestion service, one receipt per stored article, then (unless <c>--no-wait</c>) follows the
/// articles until each is indexed or parked. The file's stem becomes the document id. Also the queue's commands:
/// <c>queue</c>, <c>failed</c>, <c>retry</c>, <c>delete</c>.
/// </summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(
        IngestOptions args, TextWriter stdout, TextWriter stderr, ProgressFactory progressFactory, CancellationToken cancellationToken)
    {
        if (args.Url is { } url)
        {
            return await IngestUrlCommand.RunAsync(args, url, stdout, stderr, cancellationToken);
        }

        var folder = args.Folder ?? throw new UsageException("ingest needs a folder (or --url URL)");
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

        using var channel = Servers.Channel(args.Server, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        int accepted = 0, duplicates = 0, failed = 0;
        var ids = new List<string>();
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

            using var progress = progressFactory.Start("ingest", "files");
            await foreach (var receipt in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                var name = Path.GetFileName(files[receipt.Sequence]);
                var state = receipt.Duplicate ? "already stored" : Describe(receipt.Status);
                progress.WriteLine(stdout, $"[{receipt.Sequence + 1}/{files.Count}] {name}: {state}" +
                    (receipt.Status == DocumentStatus.Rejected ? "" : $" (id {receipt.DocumentId})") +
                    (receipt.Error.Length > 0 ? $": {receipt.Error}" : ""));
                progress.Report(accepted + duplicates + failed + 1, files.Count);
                if (receipt.Status == DocumentStatus.Rejected)
                {
                    failed++;
                    continue;
                }

                ids.Add(receipt.DocumentId);
                if (receipt.Duplicate)
                {
                    duplicates++;
                }
                else
                {
                    accepted++;
                }
            }

            await sending;
        }
        catch (RpcException e)
        {
            stderr.WriteLine($"ingestion failed: {e.StatusCode} {e.Status.Detail}");
            return 1;
        }

        stderr.WriteLine($"{accepted} stored, {duplicates} already stored, {failed} rejected");
        if (args.NoWait || ids.Count == 0)
        {
            return failed == 0 ? 0 : 1;
        }

        // Follow the stored articles through the queue until each is indexed or parked.
        var pending = new HashSet<string>(ids, StringComparer.Ordinal);
        int indexed = 0, parked = 0;
        using (var progress = progressFactory.Start("index", "articles"))
        {
            while (pending.Count > 0)
            {
                foreach (var id in pending.ToList())
                {
                    var document = await client.GetDocumentAsync(new GetDocumentRequest { Id = id }, cancellationToken: cancellationToken);
                    if (document.Status is DocumentStatus.Indexed or DocumentStatus.Failed)
                    {
                        pending.Remove(id);
                        indexed += document.Status == DocumentStatus.Indexed ? 1 : 0;
                        parked += document.Status == DocumentStatus.Failed ? 1 : 0;
                        if (document.Status == DocumentStatus.Failed)
                        {
                            progress.WriteLine(stdout, $"{id}: failed: {document.Error}");
                        }
                    }
                }

                progress.Report(indexed + parked, ids.Count);
                if (pending.Count > 0)
                {
                    await Task.Delay(500, cancellationToken);
                }
            }
        }

        stderr.WriteLine($"{indexed} indexed, {parked} failed (dossier failed / dossier retry), {failed} rejected");
        return failed + parked == 0 ? 0 : 1;
    }

    /// <summary><c>queue</c>: the ingestion queue's counts and state.</summary>
    public static async Task<int> QueueAsync(ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var s = await new IngestionService.IngestionServiceClient(channel).GetQueueStatusAsync(new GetQueueStatusRequest(), cancellationToken: cancellationToken);
        stdout.WriteLine($"pending {s.Pending} (accepted {s.Accepted}, extracted {s.Extracted}) of at most {s.MaxPending}; indexed {s.Indexed}; failed {s.Failed}");
        stdout.WriteLine($"workers {s.Busy}/{s.Workers} busy; store {s.Engine}" +
            (s.PausedReason.Length > 0 ? $"; paused until {s.PausedUntil.ToDateTimeOffset():HH:mm:ss}: {s.PausedReason}" : ""));
        if (s.ReextractPending + s.ReextractDone + s.ReextractFailed > 0)
        {
            stdout.WriteLine($"re-extraction: {s.ReextractPending} waiting, {s.ReextractDone} done, {s.ReextractFailed} failed");
        }

        return 0;
    }

    /// <summary><c>failed</c>: the parked articles and their errors.</summary>
    public static async Task<int> FailedAsync(ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        var token = "";
        var count = 0;
        do
        {
            var page = await client.ListDocumentsAsync(
                new ListIngestedRequest { Status = DocumentStatus.Failed, PageSize = 500, PageToken = token, WithoutText = true },
                cancellationToken: cancellationToken);
            foreach (var d in page.Documents)
            {
                stdout.WriteLine($"{d.Id}\t{d.Attempts} attempts\t{d.Error}");
                count++;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        stdout.WriteLine(count == 0 ? "no failed articles" : $"{count} failed (dossier retry [ID ...] queues them again)");
        return 0;
    }

    /// <summary><c>retry [ID ...]</c>: queues parked articles again (default all).</summary>
    public static async Task<int> RetryAsync(DocumentIdsOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Ingestion);
        var response = await new IngestionService.IngestionServiceClient(channel).RetryAsync(
            new RetryRequest { Ids = { args.Ids } }, cancellationToken: cancellationToken);
        stdout.WriteLine($"{response.Retried} queued again");
        return 0;
    }

    /// <summary><c>delete ID</c>: deletes an article and its facts.</summary>
    public static async Task<int> DeleteAsync(DocumentIdsOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var id = args.Ids.FirstOrDefault() ?? throw new UsageException("delete needs a document id");
        using var channel = Servers.Channel(args.Server, Servers.Ingestion);
        var response = await new IngestionService.IngestionServiceClient(channel).DeleteDocumentAsync(
            new DeleteDocumentRequest { Id = id }, cancellationToken: cancellationToken);
        stdout.WriteLine($"{response.Id} deleted" + (response.FactsDeleted ? " with its facts" : ""));
        return 0;
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

    /// <summary>
    /// <c>reextract [ID ...] [--no-wait] [--server URL]</c>: queues stored articles (default: all) for the current extractor
    /// again and follows them until each is settled (with --no-wait, returns once they are queued).
    /// </summary>
    public static async Task<int> ReextractAsync(
        ReextractOptions args, TextWriter stdout, TextWriter stderr, ProgressFactory progressFactory, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        using var call = client.Reextract(new ReextractRequest { Ids = { args.Ids }, NoWait = args.NoWait }, cancellationToken: cancellationToken);
        var failed = 0;
        using var progress = progressFactory.Start("reextract", "articles");
        await foreach (var p in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (p.DocumentId.Length == 0)
            {
                // --no-wait: the request's counts, at once; the queue does the work.
                stdout.WriteLine($"{p.Total} articles to re-extract ({p.Queued} queued now, the others already waiting); see: dossier queue");
                return 0;
            }

            progress.Report(p.Done, p.Total);
            progress.WriteLine(stdout, $"[{p.Done}/{p.Total}] {p.DocumentId}: {Describe(p.Status)}" +
                (p.Status == DocumentStatus.Indexed ? $" ({p.FactCount} facts, extractor {p.ExtractorVersion})" : $": {p.Error}"));
            failed += p.Status == DocumentStatus.Indexed ? 0 : 1;
        }

        progress.Dispose();
        stderr.WriteLine(failed == 0 ? "all re-extracted" : $"{failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
