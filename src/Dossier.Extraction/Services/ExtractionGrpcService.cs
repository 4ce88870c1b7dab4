using Dossier.Contracts.V1;
using Dossier.Domain;
using Grpc.Core;

namespace Dossier.Extraction.Services;

/// <summary>gRPC front of <see cref="IFactExtractor"/>: checks the input, maps proto ↔ domain.</summary>
public sealed class ExtractionGrpcService(IFactExtractor extractor, ILogger<ExtractionGrpcService> logger)
    : ExtractionService.ExtractionServiceBase
{
    public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context)
    {
        GrpcErrors.ThrowIfInvalid(ArticleRules.Check(request.Text));
        GrpcErrors.ThrowIfInvalid(ArticleRules.CheckPublished(request.Published));

        var result = extractor.Extract(ToDomain(request), context.CancellationToken);
        logger.LogInformation("Extracted {FactCount} facts from document {DocumentId} ({Length} characters)",
            result.Facts.Count, request.DocumentId, request.Text.Length);
        return Task.FromResult(new ExtractResponse
        {
            Facts = result.Facts.ToProto(),
            Text = result.Text,
            ExtractorVersion = extractor.Version,
        });
    }

    private static ExtractionRequest ToDomain(ExtractRequest r) => new(
        DocId: r.DocumentId,
        Text: r.Text,
        Published: r.Published.Length == 0 ? null : r.Published,
        ContentType: r.ContentType.Length == 0 ? ContentTypes.PlainText : r.ContentType,
        Title: r.Title,
        Source: r.Source,
        Url: r.Url);
}
