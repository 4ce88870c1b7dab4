using Dossier.Contracts.V1;
using Dossier.Domain;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Feeds;

/// <summary>
/// Ingests a web page by its URL: fetched under the safety rules (<see cref="SafeFetcher"/>), then handed to the
/// <see cref="Ingestor"/> like any article (HTML or plain text by its content type, the URL as its url, the caller's
/// metadata as given: it wins over the page's when extracted).
/// </summary>
public sealed class PageIngestor(SafeFetcher fetcher, Ingestor ingestor, IOptions<FeedOptions> options)
{
    private const string Accept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";

    /// <summary>Fetches the page and returns the article to ingest; <see cref="FetchException"/> when it cannot be had.</summary>
    public async Task<IngestCommand> FetchAsync(
        string url, string title = "", string source = "", string published = "", string id = "", CancellationToken cancellationToken = default)
    {
        var page = await fetcher.FetchAsync(url, options.Value.MaxPageBytes, accept: Accept, cancellationToken: cancellationToken);
        var contentType = PageText.ContentType(page)
            ?? throw new FetchException($"{page.Url} is {page.MediaType}, not a web page (text/html or text/plain)");
        return new IngestCommand(PageText.Decode(page), title, source, url.Trim(), published, contentType, id);
    }

    /// <summary>
    /// FetchDocument: checks the caller's fields, fetches, ingests. INVALID_ARGUMENT for a refused URL or field,
    /// FAILED_PRECONDITION when the page cannot be fetched.
    /// </summary>
    public async Task<IngestReceipt> IngestAsync(FetchDocumentRequest request, CancellationToken cancellationToken)
    {
        GrpcErrors.ThrowIfInvalid(SafeFetcher.CheckUrl(request.Url, out _) ?? ArticleRules.CheckId(request.Id) ?? ArticleRules.CheckPublished(request.Published));
        IngestCommand command;
        try
        {
            command = await FetchAsync(request.Url, request.Title, request.Source, request.Published, request.Id, cancellationToken);
        }
        catch (FetchException e)
        {
            throw new RpcException(new Status(e.Refused ? StatusCode.InvalidArgument : StatusCode.FailedPrecondition, e.Message));
        }

        return await ingestor.IngestAsync(command, request.Wait, cancellationToken);
    }
}
