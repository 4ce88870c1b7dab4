using System.Net;
using System.Text.Json;
using Dossier.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>
/// Each service serves an OpenAPI document of its JSON-transcoded routes at /openapi/v1.json: every
/// <c>google.api.http</c> rule of the protos appears in the document of the service that owns it, with the proto comments.
/// </summary>
public sealed class OpenApiDocumentTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    /// <summary>Which host serves each proto service (a service missing here fails the route test).</summary>
    private static readonly Dictionary<string, string> Owners = new(StringComparer.Ordinal)
    {
        ["dossier.v1.ExtractionService"] = "extraction",
        ["dossier.v1.QueryService"] = "query",
        ["dossier.v1.IngestionService"] = "ingestion",
        ["dossier.v1.FeedService"] = "ingestion",
    };

    [Fact]
    public void ProtoHttpRoutes_Descriptors_HoldEveryRuleOfTheProtoFiles()
    {
        var inFiles = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "protos"), "*.proto", SearchOption.AllDirectories)
            .Sum(f => CountOccurrences(File.ReadAllText(f), "option (google.api.http)"));

        var routes = ProtoHttpRoutes.All();

        Assert.True(inFiles > 0, "no google.api.http rule found in protos/");
        Assert.Equal(inFiles, routes.Count);
    }

    [Fact]
    public async Task OpenApiDocument_EveryService_ListsEveryHttpRuleOfItsProtos()
    {
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["extraction"] = await DocumentAsync(services.Extraction),
            ["query"] = await DocumentAsync(services.Query),
            ["ingestion"] = await DocumentAsync(services.Ingestion),
        };

        var missing = new List<string>();
        foreach (var route in ProtoHttpRoutes.All())
        {
            Assert.True(Owners.TryGetValue(route.Service, out var owner), $"{route.Service}: no host owns it in this test");
            var paths = documents[owner].GetProperty("paths");
            if (!paths.TryGetProperty(route.Path, out var item) || !item.TryGetProperty(route.Verb, out _))
            {
                missing.Add($"{route} (in {owner}'s document)");
            }
        }

        Assert.True(missing.Count == 0, "missing from the OpenAPI documents:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task OpenApiDocument_Query_CarriesTheProtoComments()
    {
        var document = await DocumentAsync(services.Query);

        var search = document.GetProperty("paths").GetProperty("/v1/search").GetProperty("get");

        Assert.Contains("search", search.GetProperty("summary").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenApiDocument_Ingestion_MarksWritesAsNeedingTheKeyAndReadsNot()
    {
        var document = await DocumentAsync(services.Ingestion);
        var paths = document.GetProperty("paths");

        var ingest = paths.GetProperty("/v1/documents").GetProperty("post");
        var list = paths.GetProperty("/v1/documents").GetProperty("get");

        Assert.True(ingest.TryGetProperty("security", out var security));
        Assert.True(security[0].TryGetProperty(ApiKeys.Scheme, out _));
        Assert.False(list.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task OpenApiDocument_ReadsLockedWithoutKey_IsStillServed()
    {
        using var query = services.Query.WithWebHostBuilder(b => b.UseSetting(ApiKeys.LockReadsKey, "true"));
        using var http = ServicesFixture.Http(query, apiKey: null);

        using var locked = await http.GetAsync(new Uri("/v1/stats", UriKind.Relative));
        using var response = await http.GetAsync(new Uri(OpenApiDefaults.DocumentPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> DocumentAsync<T>(WebApplicationFactory<T> factory)
        where T : class
    {
        using var http = ServicesFixture.Http(factory, apiKey: null);
        var json = await http.GetStringAsync(new Uri(OpenApiDefaults.DocumentPath, UriKind.Relative));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
