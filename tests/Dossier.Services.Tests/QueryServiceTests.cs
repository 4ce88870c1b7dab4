using System.Net;
using System.Text.Json;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests;

public sealed class QueryServiceTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private const string Text = "The Small Group of the coalition met in Rome. Italy hosted the Small Group.";

    private static IndexFactsRequest Request(string id, string text = Text)
    {
        var italy = text.IndexOf("Italy", StringComparison.Ordinal);
        var facts = new DocumentFacts { Doc = id, Relevant = true, ExtractorVersion = "test" };
        if (italy >= 0)
        {
            facts.Countries.Add(new CountryFact { Code = "IT", Spans = { new Span { Start = italy, End = italy + 5 } } });
        }

        return new IndexFactsRequest
        {
            Document = new Document { Id = id, Text = text, Title = "Small Group in Rome", TraceId = "0af7651916cd43dd8448eb211c80319c" },
            Facts = facts,
        };
    }

    [Fact]
    public async Task IndexFacts_ThenGetDocumentFacts_ReturnsTextSummaryAndFacts()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("q1"));

        var response = await client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "q1" });

        Assert.Equal(Text, response.Text);
        Assert.Equal("IT", Assert.Single(response.Facts.Countries).Code);
        Assert.Equal(1, response.Summary.FactCounts.Countries);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", response.Summary.TraceId);
    }

    [Fact]
    public async Task IndexFacts_SpanOutsideText_IsInvalidArgument()
    {
        var client = services.QueryClient();
        var request = Request("q2");
        request.Facts.Countries[0].Spans[0].End = Text.Length + 10;

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IndexFactsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task IndexFactsBatch_SeveralItems_IndexesEachAndAnswersInOrder()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("b1"));

        var response = await client.IndexFactsBatchAsync(new IndexFactsBatchRequest { Items = { Request("b1"), Request("b2"), Request("b3") } });

        Assert.Equal(["b1", "b2", "b3"], response.Results.Select(r => r.DocumentId));
        Assert.Equal([true, false, false], response.Results.Select(r => r.Replaced));
        Assert.All(response.Results, r => Assert.Equal(1, r.FactCount));
        Assert.Equal(Text, (await client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "b3" })).Text);
    }

    [Fact]
    public async Task IndexFactsBatch_OneInvalidItem_IsInvalidArgumentAndStoresNothing()
    {
        var client = services.QueryClient();
        var bad = Request("b5");
        bad.Facts.Countries[0].Spans[0].End = Text.Length + 10;

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IndexFactsBatchAsync(new IndexFactsBatchRequest { Items = { Request("b4"), bad } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("item 1:", e.Status.Detail, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "b4" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetDocumentFacts_UnknownId_IsNotFound()
    {
        var client = services.QueryClient();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Search_IndexedWord_FindsTheArticleWithPlainSnippetAndHighlightRanges()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("q3", "Ministers gathered in Marrakesh [sic] for the ministerial."));

        var response = await client.SearchAsync(new SearchRequest { Q = "Marrakesh" });

        var hit = Assert.Single(response.Hits, h => h.Document.Id == "q3");
        Assert.Equal("Ministers gathered in Marrakesh [sic] for the ministerial.", hit.Snippet);
        Assert.Equal([(22, 31)], hit.Highlights.Select(r => (r.Start, r.End)));
    }

    [Fact]
    public async Task SearchRest_IndexedWord_CarriesTheHighlightsAsJsonRanges()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("q3r", "Tangier: the [coalition] met in Tangier."));
        using var http = services.Query.CreateClient();

        using var response = await http.GetAsync(new Uri("/v1/search?q=Tangier", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hit = json.RootElement.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("document").GetProperty("id").GetString() == "q3r");
        Assert.Equal("Tangier: the [coalition] met in Tangier.", hit.GetProperty("snippet").GetString());
        Assert.Equal([(0, 7), (32, 39)], hit.GetProperty("highlights").EnumerateArray()
            .Select(r => (r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"open")]
    public async Task Search_MalformedQuery_IsInvalidArgument(string q)
    {
        var client = services.QueryClient();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.SearchAsync(new SearchRequest { Q = q }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task ListDocuments_BadPageToken_IsInvalidArgument()
    {
        var client = services.QueryClient();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.ListDocumentsAsync(new ListDocumentsRequest { PageToken = "%%%" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task RestFacts_IndexedDocument_ReturnsFormatMdJson()
    {
        await services.QueryClient().IndexFactsAsync(Request("q4"));
        using var http = services.Query.CreateClient();

        using var response = await http.GetAsync(new Uri("/v1/documents/q4/facts", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("q4", json.RootElement.GetProperty("doc").GetString());
        var span = json.RootElement.GetProperty("countries")[0].GetProperty("spans")[0];
        Assert.Equal(JsonValueKind.Array, span.ValueKind);
        Assert.Equal(Text.IndexOf("Italy", StringComparison.Ordinal), span[0].GetInt32());
        Assert.True(json.RootElement.TryGetProperty("attack_stats", out _));
    }

    [Fact]
    public async Task RestFacts_UnknownId_Is404()
    {
        using var http = services.Query.CreateClient();

        using var response = await http.GetAsync(new Uri("/v1/documents/unknown/facts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnyRequest_NulInAStringField_IsInvalidArgumentBeforeTheStore()
    {
        var query = services.QueryClient();
        var ingestion = services.IngestionClient();

        var calls = new Func<Task>[]
        {
            () => query.GetEntityAsync(new GetEntityRequest { Id = "person:a\0b" }).ResponseAsync,
            () => query.SearchAsync(new SearchRequest { Q = "coalition", Person = "Blin\0ken" }).ResponseAsync,
            () => query.ListEventsAsync(new ListEventsRequest { Country = "M\0A" }).ResponseAsync,
            () => query.GetDocumentAsync(new GetDocumentFactsRequest { Id = "\0" }).ResponseAsync,
            () => ingestion.GetDocumentAsync(new GetDocumentRequest { Id = "doc\0" }).ResponseAsync,
            () => ingestion.RetryAsync(new RetryRequest { Ids = { "ok", "bad\0" } }).ResponseAsync,
        };

        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Contains("NUL", e.Status.Detail);
        }
    }
}
