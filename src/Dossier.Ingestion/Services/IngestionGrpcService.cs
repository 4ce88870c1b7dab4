using Dossier.Contracts.V1;
using Dossier.Store;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dossier.Ingestion.Services;

/// <summary>gRPC front of the <see cref="Ingestor"/> and the article store.</summary>
public sealed class IngestionGrpcService(Ingestor ingestor, IArticleStore store) : IngestionService.IngestionServiceBase
{
    public override Task<IngestReceipt> Ingest(IngestRequest request, ServerCallContext context) =>
        ingestor.IngestAsync(ToCommand(request), context.CancellationToken);

    public override async Task IngestStream(IAsyncStreamReader<IngestRequest> requestStream, IServerStreamWriter<IngestReceipt> responseStream, ServerCallContext context)
    {
        var sequence = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            IngestReceipt receipt;
            try
            {
                receipt = await ingestor.IngestAsync(ToCommand(request), context.CancellationToken);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists)
            {
                // One bad article must not end a bulk load: refuse it in its own receipt.
                receipt = new IngestReceipt { Status = Contracts.V1.DocumentStatus.Rejected, Error = e.Status.Detail, DocumentId = request.Id };
            }

            receipt.Sequence = sequence++;
            await responseStream.WriteAsync(receipt, context.CancellationToken);
        }
    }

    public override async Task Reextract(ReextractRequest request, IServerStreamWriter<ReextractProgress> responseStream, ServerCallContext context)
    {
        var ids = request.Ids.Count > 0 ? request.Ids.Distinct().ToList() : store.Ids();
        var done = 0;
        foreach (var id in ids)
        {
            var (article, version) = await ingestor.ReextractAsync(id, context.CancellationToken);
            await responseStream.WriteAsync(
                new ReextractProgress
                {
                    DocumentId = id, Status = Ingestor.ToProto(article.Status), FactCount = article.FactCount, Error = article.Error ?? "",
                    ExtractorVersion = version ?? "", Done = ++done, Total = ids.Count,
                },
                context.CancellationToken);
        }
    }

    public override Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var article = (string.IsNullOrEmpty(request.Id) ? null : store.Get(request.Id))
            ?? throw GrpcErrors.NotFound($"document '{request.Id}'");
        return Task.FromResult(new Document
        {
            Id = article.Id,
            Text = article.Text,
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
        });
    }

    private static IngestCommand ToCommand(IngestRequest r) =>
        new(r.Text, r.Title, r.Source, r.Url, r.Published, r.ContentType, r.Id);
}
