using Dossier.Contracts.V1;
using Dossier.Ingestion.Feeds;
using Dossier.Store;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Services;

/// <summary>gRPC front of the <see cref="Ingestor"/>, the article store and its queue. Writes need the API key.</summary>
public sealed class IngestionGrpcService(
    Ingestor ingestor,
    Reextraction reextraction,
    PageIngestor pages,
    IArticleStore store,
    WorkQueue queue,
    QueryService.QueryServiceClient query,
    IOptions<IngestionOptions> options,
    ILogger<IngestionGrpcService> logger) : IngestionService.IngestionServiceBase
{
    [RequiresApiKey]
    public override Task<IngestReceipt> Ingest(IngestRequest request, ServerCallContext context) =>
        ingestor.IngestAsync(ToCommand(request), request.Wait, context.CancellationToken);

    [RequiresApiKey]
    public override Task<IngestReceipt> FetchDocument(FetchDocumentRequest request, ServerCallContext context) =>
        pages.IngestAsync(request, context.CancellationToken);

    [RequiresApiKey]
    public override async Task IngestStream(IAsyncStreamReader<IngestRequest> requestStream, IServerStreamWriter<IngestReceipt> responseStream, ServerCallContext context)
    {
        var sequence = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            IngestReceipt receipt;
            try
            {
                receipt = ingestor.Accept(ToCommand(request));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists)
            {
                // One bad article must not end a bulk load: refuse it in its own receipt.
                receipt = new IngestReceipt { Status = Contracts.V1.DocumentStatus.Rejected, Error = e.Status.Detail, DocumentId = request.Id };
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                // Backpressure: every request before this one has its receipt; the client resends from here.
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{e.Status.Detail} (from sequence {sequence})"));
            }

            receipt.Sequence = sequence++;
            await responseStream.WriteAsync(receipt, context.CancellationToken);
        }
    }

    [RequiresApiKey]
    public override async Task Reextract(ReextractRequest request, IServerStreamWriter<ReextractProgress> responseStream, ServerCallContext context)
    {
        var requested = reextraction.Request(request.Ids);
        var total = requested.Ids.Count;
        if (request.NoWait)
        {
            await responseStream.WriteAsync(new ReextractProgress { Total = total, Queued = requested.Queued }, context.CancellationToken);
            return;
        }

        var done = 0;
        await foreach (var article in reextraction.FollowAsync(requested.Ids, context.CancellationToken))
        {
            await responseStream.WriteAsync(
                new ReextractProgress
                {
                    DocumentId = article.Id, Status = Ingestor.ToProto(article.Status), FactCount = article.FactCount, Error = article.Error ?? "",
                    ExtractorVersion = article.ExtractorVersion ?? "", Done = ++done, Total = total, Queued = requested.Queued,
                },
                context.CancellationToken);
        }
    }

    [RequiresApiKey]
    public override Task<RetryResponse> Retry(RetryRequest request, ServerCallContext context)
    {
        var retried = store.Retry(request.Ids, DateTimeOffset.UtcNow);
        queue.Added(retried);

        logger.LogInformation("{Count} parked articles queued again", retried);
        return Task.FromResult(new RetryResponse { Retried = retried });
    }

    [RequiresApiKey]
    public override async Task<DeleteDocumentResponse> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Id) || store.Get(request.Id) is null)
        {
            throw GrpcErrors.NotFound($"document '{request.Id}'");
        }

        // Facts first: if query cannot be reached the article stays, and the delete can simply be repeated.
        var facts = await query.DeleteDocumentFactsAsync(
            new DeleteDocumentFactsRequest { Id = request.Id }, deadline: DateTime.UtcNow + options.Value.CallTimeout, cancellationToken: context.CancellationToken);
        store.Delete(request.Id);
        logger.LogInformation("Document {DocumentId} deleted", request.Id);
        return new DeleteDocumentResponse { Id = request.Id, FactsDeleted = facts.Deleted };
    }

    public override Task<ListIngestedResponse> ListDocuments(ListIngestedRequest request, ServerCallContext context)
    {
        var size = request.PageSize <= 0 ? 50 : Math.Min(request.PageSize, 500);
        var after = request.PageToken.Length == 0 ? null : request.PageToken;
        if (after is not null && Domain.ArticleRules.CheckId(after) is { } problem)
        {
            GrpcErrors.ThrowIfInvalid($"page_token is not valid: {problem}");
        }

        var page = store.List(Ingestor.FromProto(request.Status), size + 1, after);
        var response = new ListIngestedResponse { NextPageToken = page.Count > size ? page[size - 1].Id : "" };
        response.Documents.AddRange(page.Take(size).Select(a => ToProto(a, request.WithoutText)));
        return Task.FromResult(response);
    }

    public override Task<QueueStatus> GetQueueStatus(GetQueueStatusRequest request, ServerCallContext context)
    {
        var counts = store.Counts();
        var status = new QueueStatus
        {
            Accepted = counts.Accepted, Extracted = counts.Extracted, Indexed = counts.Indexed, Failed = counts.Failed,
            Pending = counts.Pending, MaxPending = options.Value.MaxPending, Workers = Math.Max(0, options.Value.Workers),
            Busy = queue.Busy, PausedReason = queue.PauseLeft() > TimeSpan.Zero ? queue.PausedReason : "", Engine = store.Engine,
            ReextractPending = counts.ReextractPending, ReextractDone = counts.ReextractDone, ReextractFailed = counts.ReextractFailed,
        };
        if (status.PausedReason.Length > 0)
        {
            status.PausedUntil = Timestamp.FromDateTimeOffset(queue.PausedUntil);
        }

        return Task.FromResult(status);
    }

    public override Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var article = (string.IsNullOrEmpty(request.Id) ? null : store.Get(request.Id))
            ?? throw GrpcErrors.NotFound($"document '{request.Id}'");
        return Task.FromResult(ToProto(article, withoutText: false));
    }

    private static Document ToProto(StoredArticle article, bool withoutText)
    {
        var document = new Document
        {
            Id = article.Id,
            Text = withoutText ? "" : article.Text,
            Title = article.Title,
            Source = article.Source,
            Url = article.Url,
            Published = article.Published ?? "",
            ContentType = article.ContentType,
            ContentHash = article.ContentHash,
            IngestedAt = Timestamp.FromDateTimeOffset(article.IngestedAt),
            TraceId = article.TraceId,
            Status = Ingestor.ToProto(article.Status),
            Error = article.Error ?? "",
            Attempts = article.Attempts,
        };
        if (article.Status is ArticleStatus.Accepted or ArticleStatus.Extracted)
        {
            document.NextAttemptAt = Timestamp.FromDateTimeOffset(article.NextAttemptAt);
        }

        return document;
    }

    private static IngestCommand ToCommand(IngestRequest r) =>
        new(r.Text, r.Title, r.Source, r.Url, r.Published, r.ContentType, r.Id);
}
