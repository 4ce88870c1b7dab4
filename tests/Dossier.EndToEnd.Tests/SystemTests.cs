using Dossier.Tests.Shared;
using Aspire.Hosting.Testing;
using System.Net;
using System.Text.Json;
using Dossier.Contracts.V1;

namespace Dossier.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class SystemTests(SystemFixture system)
{
    private static readonly string[] SeedIds = Directory.GetFiles(RepoRoot.Seeds, "*.txt")
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task Start_SeedsFolder_IsIngestedAndListed()
    {
        var query = new QueryService.QueryServiceClient(system.Channel("query"));

        var documents = await Eventually.GetAsync(
            () => query.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 200 }).ResponseAsync,
            r => SeedIds.All(id => r.Documents.Any(d => d.Id == id)));

        Assert.All(SeedIds, id => Assert.Contains(documents.Documents, d => d.Id == id && d.TraceId.Length == 32));
    }

    [Fact]
    public async Task Ingest_OneArticle_FactsReadBackAndOneTraceSpansThreeServices()
    {
        var ingestion = new IngestionService.IngestionServiceClient(system.Channel("ingestion"));
        var query = new QueryService.QueryServiceClient(system.Channel("query"));
        var text = $"Brussels, 12 June 2024 — Belgium hosted the Africa Focus Group of the Global Coalition to Defeat ISIS. (e2e {Guid.NewGuid():N})";

        var receipt = await ingestion.IngestAsync(new IngestRequest { Text = text, Title = "AFG in Brussels", Source = "e2e", Wait = true });
        var facts = await query.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = receipt.DocumentId });

        Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        Assert.Equal(text, facts.Text);
        Assert.Equal(receipt.TraceId, facts.Summary.TraceId);
        Assert.All(facts.Facts.Countries.SelectMany(c => c.Spans), s => Assert.InRange(s.End, s.Start + 1, text.Length));

        var services = await Eventually.GetAsync(() => TraceServicesAsync(receipt.TraceId), s => s.IsSupersetOf(["ingestion", "extraction", "query"]));
        Assert.Superset(new HashSet<string> { "ingestion", "extraction", "query" }, services);
    }

    [Fact]
    public async Task RestFacts_Seed_IsFormatMdJson()
    {
        using var http = system.Http("query");
        var id = SeedIds[1];

        var json = await Eventually.GetAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri($"/v1/documents/{id}/facts", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            },
            j => j is not null);

        using var doc = JsonDocument.Parse(json!);
        Assert.Equal(id, doc.RootElement.GetProperty("doc").GetString());
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("countries").ValueKind);
    }

    [Fact]
    public async Task Dashboard_Overview_ListsSeedArticlesWithTraceLinks()
    {
        using var http = system.Http("dashboard");

        var html = await Eventually.GetAsync(() => http.GetStringAsync(new Uri("/", UriKind.Relative)), h => h.Contains(SeedIds[0], StringComparison.Ordinal));

        Assert.Contains("/traces/detail/", html);
        var article = await http.GetStringAsync(new Uri($"/articles/{SeedIds[0]}", UriKind.Relative));
        Assert.Contains("<table class=\"facts\">", article);
    }

    [Fact]
    public async Task RestKnowledge_Seeds_MergedMarrakeshEventAndFlaggedMemberCounts()
    {
        using var http = system.Http("query");
        await Eventually.GetAsync(
            () => new QueryService.QueryServiceClient(system.Channel("query")).GetStatsAsync(new GetStatsRequest()).ResponseAsync,
            s => s.Articles >= SeedIds.Length);

        using var events = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/events?country=MA&format=ministerial", UriKind.Relative)));
        var marrakesh = events.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("sourceCount").GetInt32() == 2);
        using var detail = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/events/{marrakesh.GetProperty("id").GetString()}", UriKind.Relative)));
        using var claims = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/claims/member_count", UriKind.Relative)));

        var sources = detail.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("documentId").GetString()).Order().ToList();
        Assert.Equal([SeedIds[2], SeedIds[4]], sources);
        var counts = claims.RootElement.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "member_count").ToList();
        Assert.Equal(SeedIds.Length, counts.Select(c => c.GetProperty("documentId").GetString()).Distinct().Count());
        var c83 = counts.Single(c => c.GetProperty("value").GetInt32() == 83);
        var c84 = counts.Single(c => c.GetProperty("value").GetInt32() == 84);
        Assert.Contains(c84.GetProperty("id").GetString(), c83.GetProperty("conflictsWith").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task ExtractionReplicas_SeedsAndMoreIngested_BothReplicasServedWork()
    {
        var ingestion = new IngestionService.IngestionServiceClient(system.Channel("ingestion"));
        for (var i = 0; i < 6; i++)
        {
            var text = $"Rome, {i + 1} May 2024 — Italy hosted a meeting of the Global Coalition to Defeat ISIS. (replicas {Guid.NewGuid():N})";
            var receipt = await ingestion.IngestAsync(new IngestRequest { Text = text, Source = "e2e", Wait = true });
            Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        }

        var statuses = new List<ExtractionStatus>();
        foreach (var replica in new[] { "extraction", "extraction-2" })
        {
            statuses.Add(await new ExtractionService.ExtractionServiceClient(system.Channel(replica)).GetStatusAsync(new GetExtractionStatusRequest()));
        }

        Assert.Equal(DossierApp.ExtractionReplicas, statuses.Select(s => s.Instance).Distinct().Count());
        Assert.All(statuses, s => Assert.True(s.Extracted > 0, $"replica {s.Instance} extracted nothing"));
    }

    /// <summary>Names of the services that reported spans of one trace to the Aspire dashboard.</summary>
    private async Task<HashSet<string>> TraceServicesAsync(string traceId)
    {
        using var http = new HttpClient { BaseAddress = system.App.GetEndpoint("aspire-dashboard", "http") };
        http.DefaultRequestHeaders.Add("X-API-Key", SystemFixture.DashboardApiKey);
        using var response = await http.GetAsync(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.Content.ReadAsStringAsync();
        return TraceJson.ServiceNames(body);
    }
}
