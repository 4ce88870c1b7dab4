using System.Diagnostics;
using System.Globalization;
using Dossier.Contracts.V1;
using Dossier.Store;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

/// <summary>How one processing attempt ended.</summary>
public enum Outcome
{
    /// <summary>Extracted and indexed.</summary>
    Indexed,

    /// <summary>Worth another attempt (a service down, slow, busy or failing for now).</summary>
    Transient,

    /// <summary>Another attempt would fail the same way (the article itself was refused).</summary>
    Permanent,
}

/// <summary>
/// The result of one attempt: the outcome, the error when it failed, whether a service was unreachable, and whether the
/// extraction call ran past its deadline (an article too slow to extract stays too slow: <see cref="IngestionWorker"/>
/// parks it after two such attempts in a row instead of spending every attempt's deadline on it).
/// </summary>
public sealed record Attempt(Outcome Outcome, string? Error = null, string? ExtractorVersion = null, bool Unreachable = false, bool ExtractionDeadline = false)
{
    /// <summary>How the error of an attempt whose extraction ran past its deadline begins (stored with the article).</summary>
    public const string ExtractionDeadlinePrefix = "DeadlineExceeded (extraction):";
}

/// <summary>
/// One processing attempt of a stored article: extraction, then indexing of its facts (with other workers' articles, in
/// batches: <see cref="QueryIndexer"/>), each call under its own deadline, progress recorded in the store. It never
/// decides about retries (<see cref="IngestionWorker"/> does).
/// </summary>
public sealed class ArticleProcessor(
    IArticleStore store,
    ExtractionService.ExtractionServiceClient extraction,
    QueryIndexer query,
    IOptions<IngestionOptions> options,
    ILogger<ArticleProcessor> logger)
{
    public static readonly ActivitySource ActivitySource = new("Dossier.Ingestion");

    public async Task<Attempt> ProcessAsync(StoredArticle article, string traceId, CancellationToken cancellationToken)
    {
        var timeout = options.Value.CallTimeout;
        try
        {
            var extracted = await ExtractAsync(article, timeout, cancellationToken);
            if (extracted is null)
            {
                var late = string.Create(CultureInfo.InvariantCulture, $"{Attempt.ExtractionDeadlinePrefix} extraction ran past its {timeout.TotalSeconds:0.#} s deadline");
                Activity.Current?.SetStatus(ActivityStatusCode.Error, late);
                return new Attempt(Outcome.Transient, late, ExtractionDeadline: true);
            }

            var facts = extracted.Facts;
            var metadata = ArticleMetadata.Resolve(article, extracted);
            var textOfRecord = extracted.Text.Length > 0 ? extracted.Text : article.Text;
            store.Update(article.Id, ArticleStatus.Extracted, error: article.Error, factCount: facts.Count(),
                text: textOfRecord == article.Text ? null : textOfRecord, published: metadata.Published, traceId: traceId,
                title: metadata.Title, source: metadata.Source, url: metadata.Url);

            await query.IndexAsync(
                new IndexFactsRequest
                {
                    Document = new Document
                    {
                        Id = article.Id, Text = textOfRecord, Title = metadata.Title, Source = metadata.Source, Url = metadata.Url,
                        Published = metadata.Published ?? "", ContentType = article.ContentType, ContentHash = article.ContentHash,
                        TraceId = traceId,
                    },
                    Facts = facts,
                },
                cancellationToken);

            logger.LogDebug("Document {DocumentId}: {FactCount} facts by extractor {ExtractorVersion} indexed (attempt {Attempt})",
                article.Id, facts.Count(), extracted.ExtractorVersion, article.Attempts);
            return new Attempt(Outcome.Indexed, ExtractorVersion: extracted.ExtractorVersion);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{e.StatusCode}: {e.Status.Detail}";
            Activity.Current?.SetStatus(ActivityStatusCode.Error, error);
            return e.StatusCode switch
            {
                StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.Unimplemented => new Attempt(Outcome.Permanent, error),
                StatusCode.Unavailable => new Attempt(Outcome.Transient, error, Unreachable: true),
                _ => new Attempt(Outcome.Transient, error),
            };
        }
    }

    /// <summary>The extraction call; null when it ran past its deadline (not when the caller cancelled).</summary>
    private async Task<ExtractResponse?> ExtractAsync(StoredArticle article, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await extraction.ExtractAsync(
                new ExtractRequest
                {
                    DocumentId = article.Id, Text = article.Text, Title = article.Title, Source = article.Source,
                    Url = article.Url, Published = article.Published ?? "", ContentType = article.ContentType,
                },
                deadline: DateTime.UtcNow + timeout,
                cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
