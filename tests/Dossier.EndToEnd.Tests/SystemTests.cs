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

        var receipt = await ingestion.IngestAsync(new IngestRequest { Text = text, Title = "AFG in Brussels", Source = "e2e" });
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
