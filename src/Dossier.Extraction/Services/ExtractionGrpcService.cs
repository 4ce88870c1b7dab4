using Dossier.Contracts.V1;
using Dossier.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;

namespace Dossier.Extraction.Services;

/// <summary>gRPC front of <see cref="IFactExtractor"/>: checks the input, waits for a slot, maps proto ↔ domain.</summary>
public sealed class ExtractionGrpcService(IFactExtractor extractor, ExtractionGate gate, ILogger<ExtractionGrpcService> logger)
    : ExtractionService.ExtractionServiceBase
{
    [EnableRateLimiting(ExtractRateLimit.Policy)]
    public override async Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context)
    {
        GrpcErrors.ThrowIfInvalid(ArticleRules.Check(request.Text, request.ContentType));
        GrpcErrors.ThrowIfInvalid(ArticleRules.CheckPublished(request.Published));

        // The call's deadline and cancellation reach the wait for a slot and every pipeline component.
        ExtractionResult result;
        try
        {
            using var slot = await gate.EnterAsync(context.CancellationToken)
                ?? throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"extraction is at capacity ({gate.Options.MaxConcurrency} running, {gate.Options.MaxQueue} waiting); retry later"));
            result = extractor.Extract(ToDomain(request), context.CancellationToken);
        }
        catch (ArticleRefusedException e)
        {
            // Refused once read (an HTML page whose text is over the limit): another attempt would fail the same way.
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The call's deadline passed or the caller went away (waiting for a slot or extracting): say so, not UNKNOWN.
            throw new RpcException(context.Deadline <= DateTime.UtcNow
                ? new Status(StatusCode.DeadlineExceeded, "the call's deadline passed during extraction")
                : new Status(StatusCode.Cancelled, "the call was cancelled during extraction"));
        }

        logger.LogDebug("Extracted {FactCount} facts from document {DocumentId} ({Length} characters)",
            result.Facts.Count, request.DocumentId, request.Text.Length);
        return new ExtractResponse
        {
            Facts = result.Facts.ToProto(),
            Text = result.Text,
            ExtractorVersion = extractor.Version,
            Page = result.Page is null ? null : ToProto(result.Page),
        };
    }

    public override Task<ExtractionStatus> GetStatus(GetExtractionStatusRequest request, ServerCallContext context) =>
        Task.FromResult(new ExtractionStatus
        {
            Instance = gate.Instance,
            ExtractorVersion = extractor.Version,
            Extracted = gate.Extracted,
            InFlight = gate.InFlight,
            Refused = gate.Refused,
            MaxConcurrency = gate.Options.MaxConcurrency,
            MaxQueue = gate.Options.MaxQueue,
        });

    private static Contracts.V1.PageMetadata ToProto(Domain.PageMetadata p) => new()
    {
        Title = p.Title ?? "",
        Byline = p.Byline ?? "",
        SiteName = p.SiteName ?? "",
        CanonicalUrl = p.CanonicalUrl ?? "",
        Published = p.Published ?? "",
    };

    private static ExtractionRequest ToDomain(ExtractRequest r) => new(
        DocId: r.DocumentId,
        Text: r.Text,
        Published: r.Published.Length == 0 ? null : r.Published,
        ContentType: r.ContentType.Length == 0 ? ContentTypes.PlainText : r.ContentType,
        Title: r.Title,
        Source: r.Source,
        Url: r.Url);
}
