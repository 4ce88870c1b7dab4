using System.Net;
using System.Text;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests;

/// <summary>
/// SQL and FTS5 injection through every query parameter of the query service (gRPC and REST) and through ingestion's
/// ids and page token: each call gets a clear status (OK with sane results, INVALID_ARGUMENT or NOT_FOUND, never
/// INTERNAL or UNKNOWN), and afterwards the data is intact.
/// </summary>
public sealed class InjectionTests(ServicesFixture services) : IClassFixture<ServicesFixture>, IAsyncLifetime
{
    private const string KnownId = "inj-known";

    private const string Known = "Rabat, 12 May 2022 — Ministers of the Global Coalition to Defeat ISIS met in Marrakesh, Morocco. " +
        "US Secretary of State Antony Blinken said the coalition, which has 84 members, would stay the course.";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static DateTime Deadline() => DateTime.UtcNow + Bound;

    public static TheoryData<string> Payloads() =>
    [
        "' OR 1=1 --",
        "' OR '1'='1",
        "\"; DROP TABLE documents; --",
        "'; DELETE FROM entities; --",
        "Robert'); DROP TABLE documents;--",
        "1; SELECT * FROM sqlite_master",
        "1 UNION SELECT id, text FROM documents --",
        "NEAR(Marrakesh Morocco)",
        "Marrakesh OR Rome",
        "Marrakesh NOT Morocco",
        "title:x",
        "text:Marrakesh",
        "{title text}: Marrakesh",
        "*",
        "^Marrakesh",
        "\"unbalanced",
        "((Marrakesh",
        "Marrakesh)",
        "{",
        "%",
        "_",
        "M%o",
        "_orocco",
        "\\",
        "a\0b",
        "\0",
        "country:MA' --",
        "ev-1 OR 1=1",
        "../../etc/passwd",
        "🙂 مراكش",
        "\uFFFE",
        new string('x', 100_000),
        string.Concat(Enumerable.Repeat("a OR ", 2_000)),
    ];

    public static TheoryData<string> PageTokens() =>
    [
        "garbage",
        "%%%",
        "' OR 1=1 --",
        B64("o:-1"),
        B64("o:99999999999"),
        B64("o:1 OR 1=1"),
        B64("o:1; DROP TABLE documents"),
        B64("x:1"),
        B64("o:"),
        B64("o:2147483647"),
        B64("o:0\0"),
        new string('A', 10_000),
    ];

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    public async Task InitializeAsync() =>
        await services.IngestionClient().IngestAsync(new IngestRequest { Text = Known, Id = KnownId, Wait = true }, deadline: Deadline());

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task QueryParameters_InjectionPayload_ClearStatusAndDataIntact(string payload)
    {
        var query = services.QueryClient();
        var before = await query.GetStatsAsync(new GetStatsRequest(), deadline: Deadline());

        await Clear(() => query.SearchAsync(new SearchRequest { Q = payload }, deadline: Deadline()).ResponseAsync, hits => AssertSaneHits(hits, payload));
        await Clear(() => query.SearchAsync(new SearchRequest { Q = "Marrakesh", From = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.SearchAsync(new SearchRequest { Q = "Marrakesh", To = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.SearchAsync(new SearchRequest { Country = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Hits));
        await Clear(() => query.SearchAsync(new SearchRequest { Person = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Hits));
        await Clear(() => query.SearchAsync(new SearchRequest { Organization = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Hits));
        await Clear(() => query.SearchAsync(new SearchRequest { Format = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Hits));
        await Clear(async () =>
        {
            using var call = query.SearchStream(new SearchRequest { Q = payload }, deadline: Deadline());
            var hits = 0;
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
                hits++;
            }

            return hits;
        });
        await Clear(() => query.ListEntitiesAsync(new ListEntitiesRequest { Kind = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Entities));
        await Clear(() => query.ListEntitiesAsync(new ListEntitiesRequest { Q = payload }, deadline: Deadline()).ResponseAsync, r =>
        {
            // A name prefix of its letters and digits: SQL around it ("' OR 1=1 --", "country:MA' --") matches no name.
            if (payload.Contains('\'', StringComparison.Ordinal) || payload.Contains(';', StringComparison.Ordinal))
            {
                Assert.Empty(r.Entities);
            }
        });
        await Clear(() => query.GetEntityAsync(new GetEntityRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { Country = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Events));
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { Format = payload }, deadline: Deadline()).ResponseAsync, r => Assert.Empty(r.Events));
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { From = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { To = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.GetEventAsync(new GetEventRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.GetClaimTimelineAsync(new GetClaimTimelineRequest { Kind = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.GetDocumentAsync(new GetDocumentFactsRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.ExportDocumentFactsAsync(new GetDocumentFactsRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(async () =>
        {
            using var call = query.ExportFacts(new ExportFactsRequest { Format = payload }, deadline: Deadline());
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
            }

            return 0;
        });

        await AssertIntact(before);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task IngestionIds_InjectionPayload_NotFoundOrInvalidAndNothingDeleted(string payload)
    {
        var ingestion = services.IngestionClient();
        var before = await services.QueryClient().GetStatsAsync(new GetStatsRequest(), deadline: Deadline());

        await Clear(() => ingestion.GetDocumentAsync(new GetDocumentRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => ingestion.DeleteDocumentAsync(new DeleteDocumentRequest { Id = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => ingestion.ListDocumentsAsync(new ListIngestedRequest { PageToken = payload }, deadline: Deadline()).ResponseAsync);
        await Clear(() => ingestion.RetryAsync(new RetryRequest { Ids = { payload } }, deadline: Deadline()).ResponseAsync, r => Assert.Equal(0, r.Retried));

        await AssertIntact(before);
        var known = await ingestion.GetDocumentAsync(new GetDocumentRequest { Id = KnownId }, deadline: Deadline());
        Assert.Equal(Known, known.Text);
    }

    [Theory]
    [MemberData(nameof(PageTokens))]
    public async Task PageTokens_TamperedOrGarbage_AreInvalidArgumentOrAnEmptyPage(string token)
    {
        var query = services.QueryClient();
        var before = await query.GetStatsAsync(new GetStatsRequest(), deadline: Deadline());

        await Clear(() => query.ListDocumentsAsync(new ListDocumentsRequest { PageToken = token }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.SearchAsync(new SearchRequest { Q = "Marrakesh", PageToken = token }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.ListEntitiesAsync(new ListEntitiesRequest { PageToken = token }, deadline: Deadline()).ResponseAsync);
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { PageToken = token }, deadline: Deadline()).ResponseAsync);
        await Clear(() => services.IngestionClient().ListDocumentsAsync(new ListIngestedRequest { PageToken = token }, deadline: Deadline()).ResponseAsync);

        await AssertIntact(before);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public async Task PageSizes_Hostile_AreInvalidArgumentOrCapped(int size)
    {
        var query = services.QueryClient();

        await Clear(() => query.ListDocumentsAsync(new ListDocumentsRequest { PageSize = size }, deadline: Deadline()).ResponseAsync, r => Assert.InRange(r.Documents.Count, 0, 200));
        await Clear(() => query.SearchAsync(new SearchRequest { Q = "Marrakesh", PageSize = size }, deadline: Deadline()).ResponseAsync, r => Assert.InRange(r.Hits.Count, 0, 100));
        await Clear(() => query.ListEntitiesAsync(new ListEntitiesRequest { PageSize = size }, deadline: Deadline()).ResponseAsync, r => Assert.InRange(r.Entities.Count, 0, 200));
        await Clear(() => query.ListEventsAsync(new ListEventsRequest { PageSize = size }, deadline: Deadline()).ResponseAsync, r => Assert.InRange(r.Events.Count, 0, 200));
        await Clear(() => services.IngestionClient().ListDocumentsAsync(new ListIngestedRequest { PageSize = size }, deadline: Deadline()).ResponseAsync,
            r => Assert.InRange(r.Documents.Count, 0, 500));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%%")]
    public async Task ListEntities_OnlyLikeWildcards_IsInvalidArgumentNotEveryEntity(string q)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            services.QueryClient().ListEntitiesAsync(new ListEntitiesRequest { Q = q }, deadline: Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task RestRoutes_InjectionPayload_ClearStatusAndDataIntact(string payload)
    {
        using var http = services.Query.CreateClient();
        http.Timeout = Bound;
        var before = await services.QueryClient().GetStatsAsync(new GetStatsRequest(), deadline: Deadline());
        var p = Uri.EscapeDataString(payload);
        string[] urls =
        [
            $"/v1/search?q={p}", $"/v1/search?q=Marrakesh&from={p}", $"/v1/search?q=Marrakesh&to={p}", $"/v1/search?country={p}",
            $"/v1/search?person={p}", $"/v1/search?organization={p}", $"/v1/search?format={p}", $"/v1/search?q=Marrakesh&pageToken={p}",
            $"/v1/entities?kind={p}", $"/v1/entities?q={p}", $"/v1/entities/{p}", $"/v1/events?country={p}", $"/v1/events?format={p}",
            $"/v1/events?from={p}", $"/v1/events?to={p}", $"/v1/events/{p}", $"/v1/claims/{p}", $"/v1/documents/{p}", $"/v1/documents/{p}/facts",
            $"/v1/documents?pageToken={p}",
        ];

        // A NUL cannot be part of a URL path (the HTTP client refuses it); in a query string it is sent as %00.
        foreach (var url in urls.Where(u => !payload.Contains('\0', StringComparison.Ordinal) || !u.Contains("/" + p, StringComparison.Ordinal)))
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.RequestUriTooLong,
                $"{url[..Math.Min(url.Length, 120)]}: {(int)response.StatusCode}");
        }

        await AssertIntact(before);
    }

    /// <summary>The call ends with a clear status: OK (then <paramref name="check"/> holds), INVALID_ARGUMENT or NOT_FOUND.</summary>
    private static async Task Clear<T>(Func<Task<T>> call, Action<T>? check = null)
    {
        try
        {
            var result = await call();
            check?.Invoke(result);
        }
        catch (RpcException e)
        {
            Assert.True(e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound, e.Status.ToString());
            Assert.False(string.IsNullOrWhiteSpace(e.Status.Detail));
        }
    }

    /// <summary>Search hits are real matches: the known article only when the payload's words are all in it.</summary>
    private static void AssertSaneHits(SearchResponse response, string payload)
    {
        foreach (var hit in response.Hits)
        {
            Assert.NotEmpty(hit.Highlights);
            Assert.All(hit.Highlights, r => Assert.InRange(r.Start, 0, r.End - 1));
            Assert.All(hit.Highlights, r => Assert.InRange(r.End, 1, hit.Snippet.Length));
        }

        if (payload.Contains("Rome", StringComparison.Ordinal) || payload.Contains("1=1", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(response.Hits, h => h.Document.Id == KnownId);
        }
    }

    private async Task AssertIntact(Stats before)
    {
        var query = services.QueryClient();
        var after = await query.GetStatsAsync(new GetStatsRequest(), deadline: Deadline());
        Assert.Equal(before, after);
        var known = await query.GetDocumentAsync(new GetDocumentFactsRequest { Id = KnownId }, deadline: Deadline());
        Assert.Equal(Known, known.Text);
        var search = await query.SearchAsync(new SearchRequest { Q = "Marrakesh" }, deadline: Deadline());
        Assert.Contains(search.Hits, h => h.Document.Id == KnownId);
        var morocco = await query.GetEntityAsync(new GetEntityRequest { Id = "country:MA" }, deadline: Deadline());
        Assert.Contains(morocco.Mentions, m => m.DocumentId == KnownId);
    }
}
