using System.Net;
using System.Text.Json;
using Dossier.Contracts.V1;

namespace Dossier.Services.Tests;

/// <summary>Near-duplicate clusters through the query API: gRPC GetDocument and REST GET /v1/documents/{id}.</summary>
public sealed class NearDuplicateApiTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private const string Story = """
        Delegates of the River Basin Council met in Kigali on Friday and agreed to fund three new water monitoring stations
        on the upper tributaries, a project the council says will warn farming villages of floods days earlier than now.
        The stations will be built by a regional engineering firm and should report their first readings next spring,
        officials said after the session, which was chaired by the Rwandan minister for infrastructure.
        """;

    private const string OtherStory = """
        The coastal fisheries board announced on Tuesday that it would close two spawning grounds off the northern cape for
        the whole summer season, after surveys found the number of young cod at its lowest level in a decade. Boat owners
        will be paid compensation from a fund the board set up last year, and inspectors will patrol the closed areas from
        the first of June, the board's chairwoman said at a press conference in the harbour town.
        """;

    private static string Reprint(string site, string story = Story) =>
        $"Board and council news\nBy {site} staff\n{story.Replace(" on ", " on the ", StringComparison.Ordinal)}\nShare this story on {site}.";

    private static IndexFactsRequest Request(string id, string text) => new()
    {
        Document = new Document { Id = id, Text = text, Title = "Flood stations", Source = id },
        Facts = new DocumentFacts { Doc = id, Relevant = true, ExtractorVersion = "test" },
    };

    [Fact]
    public async Task GetDocument_Reprint_CarriesTheCanonicalArticleAndClusterSize()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("nd-wire", Story));
        await client.IndexFactsAsync(Request("nd-site", Reprint("Lakeside Herald")));

        var reprint = await client.GetDocumentAsync(new GetDocumentFactsRequest { Id = "nd-site" });
        var canonical = await client.GetDocumentAsync(new GetDocumentFactsRequest { Id = "nd-wire" });

        Assert.Equal(("nd-wire", 2), (reprint.Summary.DuplicateOf, reprint.Summary.ClusterSize));
        Assert.Equal(("", 2), (canonical.Summary.DuplicateOf, canonical.Summary.ClusterSize));
        Assert.Equal(["nd-site"], canonical.Cluster.Select(c => c.Id));
    }

    [Fact]
    public async Task RestDocument_Reprint_CarriesDuplicateOfAndClusterSize()
    {
        var client = services.QueryClient();
        await client.IndexFactsAsync(Request("nd-rest-wire", OtherStory));
        await client.IndexFactsAsync(Request("nd-rest-site", Reprint("Valley Times", OtherStory)));
        using var http = services.Query.CreateClient();

        using var response = await http.GetAsync(new Uri("/v1/documents/nd-rest-site", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("nd-rest-wire", summary.GetProperty("duplicateOf").GetString());
        Assert.Equal(2, summary.GetProperty("clusterSize").GetInt32());
        Assert.Equal("nd-rest-wire", json.RootElement.GetProperty("cluster")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Search_CollapseDuplicates_GivesOneHitPerClusterWithItsSize()
    {
        var client = services.QueryClient();
        const string story = """
            Surveyors of the Alpine Rail Authority reported on Wednesday that the old Gotthelf viaduct needs new bearings
            before winter, and the authority agreed to close the line for six weeks while crews replace them. Freight will
            run on the valley route in the meantime, and passengers will be carried by buses between the two stations,
            the authority's spokesman told reporters, adding that the work would cost about forty million francs.
            """;
        await client.IndexFactsAsync(Request("nd-search-wire", story));
        await client.IndexFactsAsync(Request("nd-search-site", Reprint("Mountain Courier", story)));

        var all = await client.SearchAsync(new SearchRequest { Q = "Gotthelf viaduct" });
        var collapsed = await client.SearchAsync(new SearchRequest { Q = "Gotthelf viaduct", CollapseDuplicates = true });

        Assert.Equal(["nd-search-site", "nd-search-wire"], all.Hits.Select(h => h.Document.Id).Order(StringComparer.Ordinal));
        var hit = Assert.Single(collapsed.Hits);
        Assert.Equal(2, hit.Document.ClusterSize);
    }

    [Fact]
    public async Task RestSearch_CollapseDuplicatesParameter_GivesOneHitPerCluster()
    {
        var client = services.QueryClient();
        const string story = """
            The lake shipping cooperative said on Thursday that its three oldest ferries, the Marwen, the Lisel and the
            Ostrand, will be retired next year and replaced by two electric boats ordered from a shipyard on the northern
            shore. The new boats will carry more bicycles and cars, and crossings will take ten minutes less, the
            cooperative's director said, while timetables for the summer season stay as they are until the handover.
            """;
        await client.IndexFactsAsync(Request("nd-rsearch-wire", story));
        await client.IndexFactsAsync(Request("nd-rsearch-site", Reprint("Shore Gazette", story)));
        using var http = services.Query.CreateClient();

        using var all = await http.GetAsync(new Uri("/v1/search?q=Ostrand", UriKind.Relative));
        using var collapsed = await http.GetAsync(new Uri("/v1/search?q=Ostrand&collapseDuplicates=true", UriKind.Relative));
        using var allJson = JsonDocument.Parse(await all.Content.ReadAsStringAsync());
        using var collapsedJson = JsonDocument.Parse(await collapsed.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (all.StatusCode, collapsed.StatusCode));
        Assert.Equal(2, allJson.RootElement.GetProperty("hits").GetArrayLength());
        var hit = Assert.Single(collapsedJson.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(2, hit.GetProperty("document").GetProperty("clusterSize").GetInt32());
    }
}
