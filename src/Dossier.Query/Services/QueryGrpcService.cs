using System.Globalization;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Store;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dossier.Query.Services;

/// <summary>gRPC front of <see cref="IKnowledgeStore"/>: maps proto ↔ domain and store errors to statuses.</summary>
public sealed class QueryGrpcService(IKnowledgeStore store, ILogger<QueryGrpcService> logger) : QueryService.QueryServiceBase
{
    public override Task<IndexFactsResponse> IndexFacts(IndexFactsRequest request, ServerCallContext context)
    {
        if (request.Document is null || request.Facts is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "document and facts are required"));
        }

        var d = request.Document;
        GrpcErrors.ThrowIfInvalid(string.IsNullOrEmpty(d.Id) ? "document id is empty" : ArticleRules.CheckId(d.Id));
        GrpcErrors.ThrowIfInvalid(ArticleRules.Check(d.Text));
        var facts = request.Facts.ToDomain();
        GrpcErrors.ThrowIfInvalid(CheckSpans(facts, d.Text));

        var replaced = store.Index(
            new ArticleInfo
            {
                Id = d.Id, Text = d.Text, Title = d.Title, Published = d.Published.Length == 0 ? null : d.Published,
                Source = d.Source, Url = d.Url, TraceId = d.TraceId,
            },
            facts with { Doc = d.Id });
        logger.LogInformation("Indexed {FactCount} facts of document {DocumentId} (replaced: {Replaced})", facts.Count, d.Id, replaced);
        return Task.FromResult(new IndexFactsResponse { DocumentId = d.Id, FactCount = facts.Count, Replaced = replaced });
    }

    public override Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var size = PageSize(request.PageSize, 50, 200);
        var page = store.List(PageToken.Decode(request.PageToken), size);
        var response = new ListDocumentsResponse { TotalSize = page.Total, NextPageToken = PageToken.Encode(page.NextOffset) };
        response.Documents.AddRange(page.Items.Select(ToProto));
        return Task.FromResult(response);
    }

    public override Task<GetDocumentFactsResponse> GetDocumentFacts(GetDocumentFactsRequest request, ServerCallContext context)
    {
        var article = Find(request.Id);
        return Task.FromResult(new GetDocumentFactsResponse { Summary = ToProto(article.Summary), Facts = article.Facts.ToProto(), Text = article.Text });
    }

    public override Task<HttpBody> ExportDocumentFacts(GetDocumentFactsRequest request, ServerCallContext context)
    {
        var article = Find(request.Id);
        return Task.FromResult(new HttpBody
        {
            ContentType = "application/json; charset=utf-8",
            Data = ByteString.CopyFrom(FactsJson.Serialize(article.Facts), Encoding.UTF8),
        });
    }

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        try
        {
            var page = store.Search(request.Q, PageToken.Decode(request.PageToken), PageSize(request.PageSize, 20, 100));
            var response = new SearchResponse { NextPageToken = PageToken.Encode(page.NextOffset) };
            response.Hits.AddRange(page.Items.Select(h => new Contracts.V1.SearchHit { Document = ToProto(h.Article), Snippet = h.Snippet, Score = h.Score }));
            return Task.FromResult(response);
        }
        catch (InvalidQueryException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
    }

    private IndexedArticle Find(string id) =>
        (string.IsNullOrEmpty(id) ? null : store.Get(id)) ?? throw GrpcErrors.NotFound($"document '{id}'");

    private static int PageSize(int requested, int fallback, int max) => requested switch
    {
        < 0 => throw new RpcException(new Status(StatusCode.InvalidArgument, "page_size must not be negative")),
        0 => fallback,
        _ => Math.Min(requested, max),
    };

    /// <summary>Every span must lie inside the text it claims to point into.</summary>
    private static string? CheckSpans(Domain.DocumentFacts facts, string text)
    {
        foreach (var (kind, _, span) in SqliteKnowledgeStore.Mentions(facts))
        {
            if (!span.IsValidFor(text))
            {
                return $"a {kind} fact has span {span} outside the text (length {text.Length})";
            }
        }

        return null;
    }

    internal static DocumentSummary ToProto(ArticleSummary s) => new()
    {
        Id = s.Id,
        Title = s.Title,
        Published = s.Published ?? "",
        Source = s.Source,
        Url = s.Url,
        Relevant = s.Relevant,
        TraceId = s.TraceId,
        IndexedAt = Timestamp.FromDateTimeOffset(s.IndexedAt),
        ExtractorVersion = s.ExtractorVersion,
        Preview = s.Preview,
        FactCounts = new Contracts.V1.FactCounts
        {
            Countries = s.Counts.Countries, People = s.Counts.People, Organizations = s.Counts.Organizations,
            Meetings = s.Counts.Meetings, MemberCounts = s.Counts.MemberCounts, NewMembers = s.Counts.NewMembers,
            Money = s.Counts.Money, Quotes = s.Counts.Quotes, AttackStats = s.Counts.AttackStats, Total = s.Counts.Total,
        },
    };
}

/// <summary>Opaque page tokens (an offset, base64-encoded); a token that does not decode is the caller's error.</summary>
internal static class PageToken
{
    public static string Encode(int? offset) =>
        offset is { } o ? Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + o.ToString(CultureInfo.InvariantCulture))) : "";

    public static int Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new RpcException(new Status(StatusCode.InvalidArgument, "page_token is not valid"));
    }
}
