using System.Diagnostics;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Store;
using Grpc.Core;

namespace Dossier.Ingestion;

/// <summary>An article to ingest, as any door (gRPC, REST, the seed loader) hands it over.</summary>
public sealed record IngestCommand(
    string Text, string Title = "", string Source = "", string Url = "", string Published = "",
    string ContentType = "", string Id = "");

/// <summary>
/// The ingest workflow: check the article, store it (or find it already stored), have it extracted, hand the
/// facts to query, and record each step. One ingest is one trace across the three services.
/// </summary>
public sealed class Ingestor(
    IArticleStore store,
    ExtractionService.ExtractionServiceClient extraction,
    QueryService.QueryServiceClient query,
    ILogger<Ingestor> logger)
{
    public static readonly ActivitySource ActivitySource = new("Dossier.Ingestion");

    /// <summary>Checks the article; returns why it is refused, or null.</summary>
    public static string? Check(IngestCommand command) =>
        ArticleRules.Check(command.Text)
        ?? ArticleRules.CheckId(command.Id)
        ?? ArticleRules.CheckPublished(command.Published)
        ?? (command.ContentType is "" or ContentTypes.PlainText or ContentTypes.Html
            ? null
            : $"content_type '{command.ContentType}' is not supported (use {ContentTypes.PlainText} or {ContentTypes.Html})");

    public async Task<IngestReceipt> IngestAsync(IngestCommand command, CancellationToken cancellationToken)
    {
        GrpcErrors.ThrowIfInvalid(Check(command));

        using var activity = ActivitySource.StartActivity("ingest");
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
        if (added.Duplicate)
        {
            activity?.SetTag("dossier.duplicate", true);
            if (article.Status != ArticleStatus.Failed)
            {
                logger.LogInformation("Document {DocumentId} is already stored; nothing new stored", article.Id);
                return Receipt(article, duplicate: true);
            }

            // Stored before but never indexed: this ingest retries it.
            logger.LogInformation("Document {DocumentId} is stored but failed before; retrying", article.Id);
        }

        await ProcessAsync(article, activity, cancellationToken);
        return Receipt(store.Get(article.Id)!, added.Duplicate);
    }

    /// <summary>
    /// Has a stored article extracted and its facts indexed, recording each step; a failure of either service parks
    /// the article as failed with its error. The facts carry this run's trace id. Returns the extractor's version,
    /// or null when processing failed.
    /// </summary>
    public async Task<string?> ProcessAsync(StoredArticle article, Activity? activity, CancellationToken cancellationToken)
    {
        var traceId = activity?.TraceId.ToHexString() ?? article.TraceId;
        try
        {
            var extracted = await extraction.ExtractAsync(
                new ExtractRequest
                {
                    DocumentId = article.Id, Text = article.Text, Title = article.Title, Source = article.Source,
                    Url = article.Url, Published = article.Published ?? "", ContentType = article.ContentType,
                },
                cancellationToken: cancellationToken);

            var facts = extracted.Facts;
            var published = article.Published ?? (facts.Published.Length > 0 ? facts.Published : null);
            var textOfRecord = extracted.Text.Length > 0 ? extracted.Text : article.Text;
            store.Update(article.Id, ArticleStatus.Extracted, factCount: facts.Count(),
                text: textOfRecord == article.Text ? null : textOfRecord, published: published, traceId: traceId);

            await query.IndexFactsAsync(
                new IndexFactsRequest
                {
                    Document = new Document
                    {
                        Id = article.Id, Text = textOfRecord, Title = article.Title, Source = article.Source, Url = article.Url,
                        Published = published ?? "", ContentType = article.ContentType, ContentHash = article.ContentHash,
                        TraceId = traceId,
                    },
                    Facts = facts,
                },
                cancellationToken: cancellationToken);

            store.Update(article.Id, ArticleStatus.Indexed);
            logger.LogInformation("Document {DocumentId}: {FactCount} facts by extractor {ExtractorVersion} indexed",
                article.Id, facts.Count(), extracted.ExtractorVersion);
            return extracted.ExtractorVersion;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            store.Update(article.Id, ArticleStatus.Failed, error: $"{e.StatusCode}: {e.Status.Detail}");
            activity?.SetStatus(ActivityStatusCode.Error, e.Status.Detail);
            logger.LogWarning("Document {DocumentId} is stored but failed to process: {StatusCode} {Detail}", article.Id, e.StatusCode, e.Status.Detail);
            return null;
        }
    }

    /// <summary>Runs one stored article through extraction and indexing again (the text of record is kept).</summary>
    public async Task<(StoredArticle Article, string? ExtractorVersion)> ReextractAsync(string id, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("reextract");
        activity?.SetTag("dossier.document.id", id);
        var article = store.Get(id) ?? throw GrpcErrors.NotFound($"document '{id}'");
        var version = await ProcessAsync(article, activity, cancellationToken);
        return (store.Get(id)!, version);
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
    };

    public static Contracts.V1.DocumentStatus ToProto(ArticleStatus status) => status switch
    {
        ArticleStatus.Accepted => Contracts.V1.DocumentStatus.Accepted,
        ArticleStatus.Extracted => Contracts.V1.DocumentStatus.Extracted,
        ArticleStatus.Indexed => Contracts.V1.DocumentStatus.Indexed,
        ArticleStatus.Failed => Contracts.V1.DocumentStatus.Failed,
        _ => Contracts.V1.DocumentStatus.Unspecified,
    };
}
