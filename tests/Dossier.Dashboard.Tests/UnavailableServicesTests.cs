using System.Diagnostics;
using System.Net;
using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.Tests;

/// <summary>The dashboard in memory with the query service and the Aspire dashboard pointing at a closed port.</summary>
public sealed class UnavailableServicesTests : IClassFixture<UnavailableServicesTests.Factory>
{
    private const string Closed = "http://127.0.0.1:9";
    private readonly Factory factory;

    public UnavailableServicesTests(Factory factory) => this.factory = factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/some-id")]
    [InlineData("/events")]
    [InlineData("/membership")]
    [InlineData("/entities/person%3Aantony-blinken")]
    [InlineData("/search?q=coalition")]
    public async Task Page_QueryServiceDown_SaysSoWithoutA500(string path)
    {
        using var client = factory.CreateClient();
        var started = Stopwatch.GetTimestamp();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("query service is not reachable", html, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started).TotalSeconds, 0, 20);
    }

    [Theory]
    [InlineData("/queue")]
    [InlineData("/feeds")]
    public async Task IngestionPage_IngestionServiceDown_SaysSoWithoutA500(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ingestion service is not reachable", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceService_TelemetryApiDown_ReportsUnreachable()
    {
        var options = Options.Create(new DashboardOptions { AspireDashboardUrl = Closed, AspireDashboardApiKey = "k" });
        var service = new TraceService(new HttpClient(), options, NullLogger<TraceService>.Instance);

        var result = await service.GetAsync("0123456789abcdef0123456789abcdef", CancellationToken.None);

        Assert.Equal(TraceOutcome.Unreachable, result.Outcome);
        Assert.Contains("not reachable", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceService_NoAddress_ReportsNotConfigured()
    {
        var service = new TraceService(new HttpClient(), Options.Create(new DashboardOptions()), NullLogger<TraceService>.Instance);

        var result = await service.GetAsync("t", CancellationToken.None);

        Assert.Equal(TraceOutcome.NotConfigured, result.Outcome);
    }

    public sealed class Factory : WebApplicationFactory<DashboardOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Services:query:grpc:0", Closed);
            builder.UseSetting("Services:ingestion:grpc:0", Closed);
            builder.UseSetting("Dossier:AspireDashboardUrl", Closed);
        }
    }
}
