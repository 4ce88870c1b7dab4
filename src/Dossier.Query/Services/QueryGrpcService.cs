using System.Diagnostics;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Store;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;

namespace Dossier.Query.Services;

/// <summary>gRPC front of <see cref="IKnowledgeStore"/>: checks requests, maps proto ↔ domain, store errors to statuses.</summary>
public sealed class QueryGrpcService(IKnowledgeStore store, ILogger<QueryGrpcService> logger) : QueryService.QueryServiceBase
{
    /// <summary>Spans of the query service's own work (the items of a batch, in their articles' traces).</summary>
    public static readonly ActivitySource ActivitySource = new("Dossier.Query");

    /// <summary>The most items one <see cref="IndexFactsBatch"/> call takes.</summary>
    public const int MaxBatchItems = 1000;

    /// <summary>Longest name prefix ListEntities takes.</summary>
    public const int MaxNamePrefix = 500;

    [RequiresApiKey]
    public override async Task<IndexFactsResponse> IndexFacts(IndexFactsRequest request, ServerCallContext context)
    {
        var (article, facts) = ToDomain(request);
        var replaced = await store.IndexAsync(article, facts, context.CancellationToken);
        logger.LogDebug("Indexed {FactCount} facts of document {DocumentId} (replaced: {Replaced})", facts.Count, article.Id, replaced);
        return new IndexFactsResponse { DocumentId = article.Id, FactCount = facts.Count, Replaced = replaced };
    }

    [RequiresApiKey]
    public override async Task<IndexFactsBatchResponse> IndexFactsBatch(IndexFactsBatchRequest request, ServerCallContext context)
    {
        if (request.Items.Count > MaxBatchItems)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a batch takes at most {MaxBatchItems} items, not {request.Items.Count}"));
        }

        var items = new List<(ArticleInfo Article, Domain.DocumentFacts Facts)>(request.Items.Count);
        for (var i = 0; i < request.Items.Count; i++)
        {
            try
            {
                items.Add(ToDomain(request.Items[i]));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"item {i}: {e.Status.Detail}"));
            }
        }

        // Each item that names its caller's span gets a span of its own in that trace (the article's trace shows its
        // indexing even when it travelled in a batch), lasting as long as the batch's write.
        var spans = new List<Activity?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var span = ActivityContext.TryParse(request.Items[i].Traceparent, null, out var parent)
                ? ActivitySource.StartActivity("index " + items[i].Article.Id, ActivityKind.Internal, parent)
                : null;
            span?.SetTag("dossier.document.id", items[i].Article.Id);
            span?.SetTag("dossier.batch.size", items.Count);
            spans.Add(span);
        }

        IReadOnlyList<bool> replaced;
        try
        {
            replaced = await store.IndexManyAsync(items, context.CancellationToken);
        }
        catch (Exception e)
        {
            spans.ForEach(span => span?.SetStatus(ActivityStatusCode.Error, e.Message));
            throw;
        }
        finally
        {
            spans.ForEach(span => span?.Dispose());
        }

        var response = new IndexFactsBatchResponse();
        for (var i = 0; i < items.Count; i++)
        {
            response.Results.Add(new IndexFactsResponse { DocumentId = items[i].Article.Id, FactCount = items[i].Facts.Count, Replaced = replaced[i] });
        }

        logger.LogDebug("Indexed a batch of {DocumentCount} documents ({FactCount} facts)", items.Count, items.Sum(x => x.Facts.Count));
        return response;
    }

    /// <summary>A checked IndexFacts request as the store's article and facts; INVALID_ARGUMENT when it does not hold.</summary>
    private static (ArticleInfo Article, Domain.DocumentFacts Facts) ToDomain(IndexFactsRequest request)
    {
        if (request.Document is null || request.Facts is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "document and facts are required"));
        }

        var d = request.Document;
        GrpcErrors.ThrowIfInvalid(string.IsNullOrEmpty(d.Id) ? "document id is empty" : ArticleRules.CheckId(d.Id));
        GrpcErrors.ThrowIfInvalid(ArticleRules.Check(d.Text));
        GrpcErrors.ThrowIfInvalid(ArticleRules.CheckPublished(d.Published));
        var facts = request.Facts.ToDomain();
        GrpcErrors.ThrowIfInvalid(CheckSpans(facts, d.Text));
        return (
            new ArticleInfo
            {
                Id = d.Id, Text = d.Text, Title = d.Title, Published = d.Published.Length == 0 ? null : d.Published,
                Source = d.Source, Url = d.Url, TraceId = d.TraceId,
            },
            facts with { Doc = d.Id });
    }

    [RequiresApiKey]
    public override async Task<DeleteDocumentFactsResponse> DeleteDocumentFacts(DeleteDocumentFactsRequest request, ServerCallContext context)
    {
        GrpcErrors.ThrowIfInvalid(string.IsNullOrEmpty(request.Id) ? "document id is empty" : ArticleRules.CheckId(request.Id));
        var deleted = await store.DeleteAsync(request.Id, context.CancellationToken);
        logger.LogInformation("Deleted the facts of document {DocumentId} (were there: {Deleted})", request.Id, deleted);
        return new DeleteDocumentFactsResponse { Deleted = deleted };
    }

    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var page = await store.ListAsync(PageToken.Decode(request.PageToken), PageSize(request.PageSize, 50, 200), context.CancellationToken);
        var response = new ListDocumentsResponse { TotalSize = page.Total, NextPageToken = PageToken.Encode(page.NextOffset) };
        response.Documents.AddRange(page.Items.Select(QueryMapping.ToProto));
        return response;
    }

    public override async Task<GetDocumentFactsResponse> GetDocumentFacts(GetDocumentFactsRequest request, ServerCallContext context) =>
        QueryMapping.ToProto(await FindDocumentAsync(request.Id, context.CancellationToken));

    public override async Task<GetDocumentFactsResponse> GetDocument(GetDocumentFactsRequest request, ServerCallContext context) =>
        QueryMapping.ToProto(await FindDocumentAsync(request.Id, context.CancellationToken));

    public override async Task<HttpBody> ExportDocumentFacts(GetDocumentFactsRequest request, ServerCallContext context) =>
        new()
        {
            ContentType = "application/json; charset=utf-8",
            Data = ByteString.CopyFrom(FactsJson.Serialize((await FindDocumentAsync(request.Id, context.CancellationToken)).Facts), Encoding.UTF8),
        };

    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var query = ToQuery(request);
        var (offset, limit) = (PageToken.Decode(request.PageToken), PageSize(request.PageSize, 20, 100));
        var page = await UserErrors(() => store.SearchAsync(query, offset, limit, context.CancellationToken));
        var response = new SearchResponse { NextPageToken = PageToken.Encode(page.NextOffset) };
        response.Hits.AddRange(page.Items.Select(QueryMapping.ToProto));
        return response;
    }

    public override async Task SearchStream(SearchRequest request, IServerStreamWriter<Contracts.V1.SearchHit> responseStream, ServerCallContext context)
    {
        const int batch = 200;
        var query = ToQuery(request);
        int? offset = 0;
        while (offset is { } o)
        {
            var page = await UserErrors(() => store.SearchAsync(query, o, batch, context.CancellationToken));
            foreach (var hit in page.Items)
            {
                await responseStream.WriteAsync(QueryMapping.ToProto(hit), context.CancellationToken);
            }

            offset = page.NextOffset;
        }
    }

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        // Names are matched by their letters and digits ("%" or "_" alone would otherwise match every entity), as a
        // LIKE prefix, which SQLite refuses past 50,000 bytes: a name prefix longer than any name is the caller's error.
        GrpcErrors.ThrowIfInvalid(Empty(request.Q) switch
        {
            { Length: > MaxNamePrefix } => $"q is longer than {MaxNamePrefix} characters",
            { } q when !q.Any(char.IsLetterOrDigit) => "q has no letters or digits",
            _ => null,
        });
        var query = new EntityQuery(Empty(request.Kind), Empty(request.Q));
        var (offset, limit) = (PageToken.Decode(request.PageToken), PageSize(request.PageSize, 50, 200));
        var page = await UserErrors(() => store.ListEntitiesAsync(query, offset, limit, context.CancellationToken));
        var response = new ListEntitiesResponse { TotalSize = page.Total, NextPageToken = PageToken.Encode(page.NextOffset) };
        response.Entities.AddRange(page.Items.Select(QueryMapping.ToProto));
        return response;
    }

    public override async Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        var entity = (string.IsNullOrEmpty(request.Id) ? null : await store.GetEntityAsync(request.Id, context.CancellationToken))
            ?? throw GrpcErrors.NotFound($"entity '{request.Id}'");
        return QueryMapping.ToProto(entity);
    }

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var query = new EventQuery(Empty(request.Country), Empty(request.Format), Empty(request.From), Empty(request.To));
        var (offset, limit) = (PageToken.Decode(request.PageToken), PageSize(request.PageSize, 50, 200));
        var page = await UserErrors(() => store.ListEventsAsync(query, offset, limit, context.CancellationToken));
        var response = new ListEventsResponse { TotalSize = page.Total, NextPageToken = PageToken.Encode(page.NextOffset) };
        response.Events.AddRange(page.Items.Select(QueryMapping.ToProto));
        return response;
    }

    public override async Task<Event> GetEvent(GetEventRequest request, ServerCallContext context)
    {
        var e = (string.IsNullOrEmpty(request.Id) ? null : await store.GetEventAsync(request.Id, context.CancellationToken))
            ?? throw GrpcErrors.NotFound($"event '{request.Id}'");
        return QueryMapping.ToProto(e);
    }

    public override async Task<Contracts.V1.ClaimTimeline> GetClaimTimeline(GetClaimTimelineRequest request, ServerCallContext context) =>
        QueryMapping.ToProto(await UserErrors(() => store.GetClaimTimelineAsync(request.Kind, context.CancellationToken)));

    public override async Task ExportFacts(ExportFactsRequest request, IServerStreamWriter<ExportChunk> responseStream, ServerCallContext context)
    {
        var lines = request.Format switch
        {
            "" or "json" => false,
            "jsonl" => true,
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"format '{request.Format}' is not json or jsonl")),
        };
        await foreach (var facts in store.ExportFactsAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(
                new ExportChunk { DocumentId = facts.Doc, Content = FactsJson.Serialize(facts, indented: !lines) + (lines ? "\n" : "") },
                context.CancellationToken);
        }
    }

    public override async Task<Stats> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        var t = await store.TotalsAsync(context.CancellationToken);
        return new Stats { Articles = t.Articles, Entities = t.Entities, Events = t.Events, Claims = t.Claims, Engine = store.Engine };
    }

    private async Task<IndexedArticle> FindDocumentAsync(string id, CancellationToken ct) =>
        (string.IsNullOrEmpty(id) ? null : await store.GetAsync(id, ct)) ?? throw GrpcErrors.NotFound($"document '{id}'");

    private static SearchQuery ToQuery(SearchRequest r) =>
        new(r.Q, Empty(r.From), Empty(r.To), Empty(r.Country), Empty(r.Person), Empty(r.Organization), Empty(r.Format), r.CollapseDuplicates);

    private static string? Empty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A query the store refuses is the caller's mistake: INVALID_ARGUMENT, never INTERNAL.</summary>
    private static async Task<T> UserErrors<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidQueryException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
    }

    private static int PageSize(int requested, int fallback, int max) => requested switch
    {
        < 0 => throw new RpcException(new Status(StatusCode.InvalidArgument, "page_size must not be negative")),
        0 => fallback,
        _ => Math.Min(requested, max),
    };

    /// <summary>Every span must lie inside the text it claims to point into.</summary>
    private static string? CheckSpans(Domain.DocumentFacts facts, string text)
    {
        foreach (var (kind, _, span) in FactMentions.Of(facts))
        {
            if (!span.IsValidFor(text))
            {
                return $"a {kind} fact has span {span} outside the text (length {text.Length})";
            }
        }

        return null;
    }
}
