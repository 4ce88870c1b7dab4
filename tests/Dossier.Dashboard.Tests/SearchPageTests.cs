using System.Collections.Concurrent;
using System.Net;
using Dossier.Contracts.V1;
using Dossier.Dashboard;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Dashboard.Tests;

/// <summary>The search page's "one per story" box over a stand-in for the query service.</summary>
public sealed class SearchPageTests : IClassFixture<SearchPageTests.Factory>
{
    private readonly Factory factory;

    public SearchPageTests(Factory factory) => this.factory = factory;

    [Fact]
    public async Task SearchPage_CollapseChecked_AsksForOneHitPerClusterAndShowsItsSize()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/search?q=viaduct&collapse=true", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Query.Requests.Single(r => r.Q == "viaduct").CollapseDuplicates);
        Assert.Contains("name=\"collapse\" value=\"true\" checked", html, StringComparison.Ordinal);
        Assert.Contains("3 articles of one story", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=viaduct&amp;collapse=true&amp;after=20\" rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_CollapseUnchecked_AsksForEveryHit()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/search?q=ferries", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(factory.Query.Requests.Single(r => r.Q == "ferries").CollapseDuplicates);
        Assert.DoesNotContain("value=\"true\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_Highlights_AreMarkedAndTheRestEncodedAsText()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/search?q=bearings", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div class=\"snippet\">the old <mark>viaduct</mark> [sic] &lt;b&gt;needs&lt;/b&gt; new bearings</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>needs", html, StringComparison.Ordinal);
    }

    public sealed class Factory : WebApplicationFactory<DashboardOptions>
    {
        public FakeQuery Query { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddSingleton<QueryService.QueryServiceClient>(Query));
        }
    }

    public sealed class FakeQuery : QueryService.QueryServiceClient
    {
        private readonly ConcurrentQueue<SearchRequest> _requests = new();

        public IReadOnlyList<SearchRequest> Requests => [.. _requests];

        public override AsyncUnaryCall<SearchResponse> SearchAsync(SearchRequest request, CallOptions options)
        {
            _requests.Enqueue(request);
            var response = new SearchResponse
            {
                NextPageToken = "20",
                Hits =
                {
                    new SearchHit
                    {
                        Snippet = "the old viaduct [sic] <b>needs</b> new bearings", Score = 3.5, Highlights = { new TextRange { Start = 8, End = 15 } },
                        Document = new DocumentSummary { Id = "rail-1", Title = "Viaduct to close for repairs", Published = "2025-09-10", ClusterSize = 3, FactCounts = new FactCounts() },
                    },
                },
            };
            return new AsyncUnaryCall<SearchResponse>(
                Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
