using System.Diagnostics;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Store;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

/// <summary>An article to ingest, as any door (gRPC, REST, the seed loader) hands it over.</summary>
public sealed record IngestCommand(
    string Text, string Title = "", string Source = "", string Url = "", string Published = "",
    string ContentType = "", string Id = "");

/// <summary>
/// The front of the durable queue: checks an article, stores it (or finds it already stored) and acknowledges it;
/// <see cref="IngestionWorker"/> does the rest. Nothing is acknowledged before it is stored.
/// </summary>
public sealed class Ingestor(
    IArticleStore store,
    WorkQueue queue,
    IOptions<IngestionOptions> options,
    ILogger<Ingestor> logger)
{
    /// <summary>Checks the article; returns why it is refused, or null.</summary>
    public static string? Check(IngestCommand command) =>
        (command.ContentType is "" or ContentTypes.PlainText or ContentTypes.Html
            ? null
            : $"content_type '{command.ContentType}' is not supported (use {ContentTypes.PlainText} or {ContentTypes.Html})")
        ?? ArticleRules.Check(command.Text, command.ContentType)
        ?? ArticleRules.CheckId(command.Id)
        ?? ArticleRules.CheckPublished(command.Published);

    /// <summary>
    /// Stores the article and acknowledges it. INVALID_ARGUMENT for a bad article, ALREADY_EXISTS for an id taken by
    /// other content, RESOURCE_EXHAUSTED when the queue is full. A parked article ingested again is retried.
    /// </summary>
    public IngestReceipt Accept(IngestCommand command)
    {
        GrpcErrors.ThrowIfInvalid(Check(command));
        if (queue.IsFull)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"the ingest queue is full ({queue.Pending} articles waiting, at most {options.Value.MaxPending}); retry later"));
        }

        using var activity = ArticleProcessor.ActivitySource.StartActivity("ingest");
        var hash = ArticleRules.ContentHash(command.Text);
        var id = command.Id.Length > 0 ? command.Id : hash[..16];
        activity?.SetTag("dossier.document.id", id);

        AddResult added;
        try
        {
            added = store.Add(new StoredArticle
            {
                Id = id,
                ContentHash = hash,
                Text = command.Text,
                Title = command.Title,
                Source = command.Source,
                Url = command.Url,
                Published = command.Published.Length == 0 ? null : command.Published,
                ContentType = command.ContentType.Length == 0 ? ContentTypes.PlainText : command.ContentType,
                TraceId = activity?.TraceId.ToHexString() ?? Activity.Current?.TraceId.ToHexString() ?? "",
            });
        }
        catch (ArticleConflictException e)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, e.Message));
        }

        var article = added.Article;
        if (!added.Duplicate)
        {
            queue.Added();
            logger.LogDebug("Document {DocumentId} accepted ({Length} characters)", article.Id, article.Text.Length);
            return Receipt(article, duplicate: false);
        }

        activity?.SetTag("dossier.duplicate", true);
        if (article.Status == ArticleStatus.Failed && store.Retry([article.Id], DateTimeOffset.UtcNow) > 0)
        {
            // Stored before but parked: this ingest puts it back in the queue.
            queue.Added();
            logger.LogInformation("Document {DocumentId} was parked as failed; queued again", article.Id);
            return Receipt(store.Get(article.Id) ?? article, duplicate: true);
        }

        logger.LogDebug("Document {DocumentId} is already stored; nothing new stored", article.Id);
        return Receipt(article, duplicate: true);
    }

    /// <summary><see cref="Accept"/>, then (when asked) waits until the article is indexed or parked, or the call ends.</summary>
    public async Task<IngestReceipt> IngestAsync(IngestCommand command, bool wait, CancellationToken cancellationToken)
    {
        var receipt = Accept(command);
        if (!wait || receipt.Status is Contracts.V1.DocumentStatus.Indexed or Contracts.V1.DocumentStatus.Failed)
        {
            return receipt;
        }

        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(options.Value.MaxWait);
        var settled = await queue.WaitSettledAsync(receipt.DocumentId, cap.Token);
        return settled is null ? receipt : Receipt(settled, receipt.Duplicate);
    }

    public static IngestReceipt Receipt(StoredArticle article, bool duplicate) => new()
    {
        DocumentId = article.Id,
        ContentHash = article.ContentHash,
        Status = ToProto(article.Status),
        TraceId = article.TraceId,
        Duplicate = duplicate,
        FactCount = article.FactCount,
        Error = article.Error ?? "",
        Attempts = article.Attempts,
    };

    public static Contracts.V1.DocumentStatus ToProto(ArticleStatus status) => status switch
    {
        ArticleStatus.Accepted => Contracts.V1.DocumentStatus.Accepted,
        ArticleStatus.Extracted => Contracts.V1.DocumentStatus.Extracted,
        ArticleStatus.Indexed => Contracts.V1.DocumentStatus.Indexed,
        ArticleStatus.Failed => Contracts.V1.DocumentStatus.Failed,
        _ => Contracts.V1.DocumentStatus.Unspecified,
    };

    public static ArticleStatus? FromProto(Contracts.V1.DocumentStatus status) => status switch
    {
        Contracts.V1.DocumentStatus.Accepted => ArticleStatus.Accepted,
        Contracts.V1.DocumentStatus.Extracted => ArticleStatus.Extracted,
        Contracts.V1.DocumentStatus.Indexed => ArticleStatus.Indexed,
        Contracts.V1.DocumentStatus.Failed => ArticleStatus.Failed,
        _ => null,
    };
}
