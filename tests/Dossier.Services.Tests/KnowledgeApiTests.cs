using System.Net;
using System.Text.Json;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests;

/// <summary>The query service's knowledge API over gRPC and REST, on articles ingested through the whole chain.</summary>
public sealed class KnowledgeApiTests(ServicesFixture services) : IClassFixture<ServicesFixture>, IAsyncLifetime
{
    private const string Rabat = "Rabat, 12 May 2022 — Ministers of the Global Coalition to Defeat ISIS met in Marrakesh, Morocco, on Wednesday. " +
        "The coalition, which has 84 members, welcomed Nigerian Foreign Minister Geoffrey Onyeama. US Secretary of State Antony Blinken attended.";

    private const string Later = "London, 20 May 2022 — An 83-member Global Coalition met in Morocco this month, the communiqué said. " +
        "US Secretary of State Antony Blinken spoke of Daesh.";

    public async Task InitializeAsync()
    {
        var ingestion = services.IngestionClient();
        await ingestion.IngestAsync(new IngestRequest { Text = Rabat, Id = "k-rabat", Wait = true });
        await ingestion.IngestAsync(new IngestRequest { Text = Later, Id = "k-later", Wait = true });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListEntities_Countries_IncludeMoroccoWithBothArticles()
    {
        var response = await services.QueryClient().ListEntitiesAsync(new ListEntitiesRequest { Kind = "country" });

        var morocco = Assert.Single(response.Entities, e => e.Id == "country:MA");
        Assert.Equal(2, morocco.DocumentCount);
        Assert.Equal("2022-05-12", morocco.FirstSeen);
    }

    [Fact]
    public async Task GetEntity_PersonInTwoArticles_IsOnePersonWithMentionsInContext()
    {
        var query = services.QueryClient();
        var people = await query.ListEntitiesAsync(new ListEntitiesRequest { Kind = "person", Q = "Antony" });
        var blinken = Assert.Single(people.Entities);

        var entity = await query.GetEntityAsync(new GetEntityRequest { Id = blinken.Id });

        Assert.Equal(2, entity.Summary.DocumentCount);
        Assert.Contains(entity.Mentions, m => m.DocumentId == "k-later" && m.Text == "Antony Blinken" && m.Before.EndsWith("Secretary of State ", StringComparison.Ordinal));
        Assert.Contains(entity.Titles, t => t.Title.Contains("Secretary of State", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_MoroccoMeetingInTwoArticles_IsOneEventWithTwoSources()
    {
        var query = services.QueryClient();

        var events = await query.ListEventsAsync(new ListEventsRequest { Country = "MA", From = "2022", To = "2022" });
        var ministerial = Assert.Single(events.Events, e => e.SourceCount == 2);
        var detail = await query.GetEventAsync(new GetEventRequest { Id = ministerial.Id });

        Assert.Equal(["k-later", "k-rabat"], detail.Sources.Select(s => s.DocumentId).Order());
        Assert.Contains(detail.Attributes, a => a.Name == "date" && a.Values.Count >= 1);
    }

    [Fact]
    public async Task ClaimTimeline_83And84InMay2022_AreFlagged()
    {
        var timeline = await services.QueryClient().GetClaimTimelineAsync(new GetClaimTimelineRequest { Kind = "member_count" });

        var c84 = Assert.Single(timeline.Claims, c => c.DocumentId == "k-rabat" && c.Value == 84);
        var c83 = Assert.Single(timeline.Claims, c => c.DocumentId == "k-later" && c.Value == 83);
        Assert.Contains(c83.Id, c84.ConflictsWith);
        Assert.True(timeline.ConflictCount >= 2);
    }

    [Fact]
    public async Task GetDocument_Annotations_PointAtTheirWords()
    {
        var document = await services.QueryClient().GetDocumentAsync(new GetDocumentFactsRequest { Id = "k-rabat" });

        Assert.NotEmpty(document.Annotations);
        Assert.All(document.Annotations, a => Assert.InRange(a.Span.End, a.Span.Start + 1, document.Text.Length));
        Assert.Contains(document.Annotations, a => a.Kind == "country" && a.EntityId == "country:MA" && document.Text[a.Span.Start..a.Span.End] == "Morocco");
    }

    [Fact]
    public async Task SearchStream_AllHits_AreStreamed()
    {
        using var call = services.QueryClient().SearchStream(new SearchRequest { Q = "coalition" });

        var ids = new List<string>();
        await foreach (var hit in call.ResponseStream.ReadAllAsync())
        {
            ids.Add(hit.Document.Id);
        }

        Assert.Contains("k-rabat", ids);
        Assert.Contains("k-later", ids);
    }

    [Fact]
    public async Task ExportFacts_JsonLines_OneLinePerArticle()
    {
        using var call = services.QueryClient().ExportFacts(new ExportFactsRequest { Format = "jsonl" });

        var lines = new List<string>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            lines.Add(chunk.Content);
        }

        Assert.All(lines, l => Assert.EndsWith("\n", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString() == "k-rabat");
    }

    [Theory]
    [InlineData("/v1/entities?kind=person", HttpStatusCode.OK)]
    [InlineData("/v1/entities/country:MA", HttpStatusCode.OK)]
    [InlineData("/v1/entities/country:ZZ", HttpStatusCode.NotFound)]
    [InlineData("/v1/entities?kind=planet", HttpStatusCode.BadRequest)]
    [InlineData("/v1/events?country=MA&format=ministerial&from=2022-01-01&to=2022-12-31", HttpStatusCode.OK)]
    [InlineData("/v1/events?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/v1/events/ev-999999", HttpStatusCode.NotFound)]
    [InlineData("/v1/claims/member_count", HttpStatusCode.OK)]
    [InlineData("/v1/claims/population", HttpStatusCode.BadRequest)]
    [InlineData("/v1/search?q=Marrakesh&country=MA", HttpStatusCode.OK)]
    [InlineData("/v1/search?q=%22unclosed", HttpStatusCode.BadRequest)]
    [InlineData("/v1/documents/k-rabat", HttpStatusCode.OK)]
    [InlineData("/v1/stats", HttpStatusCode.OK)]
    public async Task Rest_Route_AnswersWithTheRightStatus(string url, HttpStatusCode expected)
    {
        using var http = services.Query.CreateClient();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task GetEvent_MalformedId_IsNotFound()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => services.QueryClient().GetEventAsync(new GetEventRequest { Id = "ev-x" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}
