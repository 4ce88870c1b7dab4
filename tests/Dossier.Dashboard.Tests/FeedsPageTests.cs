using System.Net;
using Dossier.Contracts.V1;
using Dossier.Dashboard;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Dashboard.Tests;

/// <summary>The feeds page over a stand-in for ingestion's FeedService.</summary>
public sealed class FeedsPageTests : IClassFixture<FeedsPageTests.Factory>
{
    private readonly Factory factory;

    public FeedsPageTests(Factory factory) => this.factory = factory;

    [Fact]
    public async Task FeedsPage_Subscriptions_ShowsPollTimesItemsAndLastError()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/feeds", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ministry of Examples: news", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:00:00", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:15:00", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 503 Service Unavailable from https://broken.example/rss", html, StringComparison.Ordinal);
        Assert.Contains("3 failed polls in a row", html, StringComparison.Ordinal);
    }

    public sealed class Factory : WebApplicationFactory<DashboardOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddSingleton<FeedService.FeedServiceClient>(new FakeFeeds()));
        }
    }

    private sealed class FakeFeeds : FeedService.FeedServiceClient
    {
        private static Timestamp At(string time) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        public override AsyncUnaryCall<ListFeedsResponse> ListFeedsAsync(ListFeedsRequest request, CallOptions options)
        {
            var response = new ListFeedsResponse
            {
                Feeds =
                {
                    new Feed
                    {
                        Id = "feed-aaaaaaaaaaaa", Url = "https://ministry.example/news.xml", Title = "Ministry of Examples: news", IntervalSeconds = 900,
                        LastPollAt = At("2026-03-01T10:00:00Z"), NextPollAt = At("2026-03-01T10:15:00Z"), ItemsFound = 12, ItemsIngested = 11,
                    },
                    new Feed
                    {
                        Id = "feed-bbbbbbbbbbbb", Url = "https://broken.example/rss", IntervalSeconds = 600, LastPollAt = At("2026-03-01T09:00:00Z"),
                        NextPollAt = At("2026-03-01T10:20:00Z"), LastError = "HTTP 503 Service Unavailable from https://broken.example/rss", Failures = 3,
                    },
                },
            };
            return new AsyncUnaryCall<ListFeedsResponse>(
                Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
