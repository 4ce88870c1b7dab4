using System.Globalization;
using System.Net;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Extraction.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>Extract without the API key is rate limited per client address (RESOURCE_EXHAUSTED / 429 with Retry-After); with the key it is not.</summary>
public sealed class ExtractRateLimitTests : IDisposable
{
    private const int Limit = 2;
    private readonly WebApplicationFactory<ExtractionGrpcService> _extraction = new WebApplicationFactory<ExtractionGrpcService>().WithWebHostBuilder(b =>
    {
        b.UseSetting(ApiKeys.ConfigKey, ServicesFixture.ApiKey);
        b.UseSetting("Dossier:Extraction:RateLimit:PermitLimit", Limit.ToString(CultureInfo.InvariantCulture));
        b.UseSetting("Dossier:Extraction:RateLimit:Window", "00:10:00");
    });

    private static ExtractRequest Request() => new() { DocumentId = "r", Text = "Ministers of the coalition met in Lisbon, Portugal." };

    [Fact]
    public async Task Extract_WithoutKeyOverTheLimit_IsResourceExhaustedWithRetryAfter()
    {
        var client = new ExtractionService.ExtractionServiceClient(ServicesFixture.Channel(_extraction, apiKey: null));
        for (var i = 0; i < Limit; i++)
        {
            await client.ExtractAsync(Request());
        }

        var e = await Assert.ThrowsAsync<RpcException>(() => client.ExtractAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("without the API key", e.Status.Detail, StringComparison.Ordinal);
        var retryAfter = int.Parse(e.Trailers.GetValue("retry-after") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
    }

    [Fact]
    public async Task Extract_WrongKeyOverTheLimit_IsResourceExhausted()
    {
        var client = new ExtractionService.ExtractionServiceClient(ServicesFixture.Channel(_extraction, apiKey: "not-the-key"));
        for (var i = 0; i < Limit; i++)
        {
            await client.ExtractAsync(Request());
        }

        var e = await Assert.ThrowsAsync<RpcException>(() => client.ExtractAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task Extract_WithKey_IsNotLimited()
    {
        var client = new ExtractionService.ExtractionServiceClient(ServicesFixture.Channel(_extraction));

        for (var i = 0; i < 3 * Limit; i++)
        {
            var response = await client.ExtractAsync(Request());
            Assert.Equal("r", response.Facts.Doc);
        }

        var status = await client.GetStatusAsync(new GetExtractionStatusRequest());
        Assert.Equal(0, status.Refused);
    }

    [Fact]
    public async Task RestExtract_WithoutKeyOverTheLimit_Is429WithRetryAfterAndJsonReason()
    {
        using var http = ServicesFixture.Http(_extraction, apiKey: null);
        async Task<HttpResponseMessage> PostAsync() => await http.PostAsync(new Uri("/v1/extract", UriKind.Relative),
            new StringContent("""{"documentId":"r","text":"Ministers met in Lisbon, Portugal."}""", Encoding.UTF8, "application/json"));
        for (var i = 0; i < Limit; i++)
        {
            using var ok = await PostAsync();
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await PostAsync();
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, refused.Headers.RetryAfter?.ToString());
        Assert.Contains("\"code\":8", body, StringComparison.Ordinal);
        Assert.Contains("without the API key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutKey_IsNotLimited()
    {
        var client = new ExtractionService.ExtractionServiceClient(ServicesFixture.Channel(_extraction, apiKey: null));

        for (var i = 0; i < 3 * Limit; i++)
        {
            await client.GetStatusAsync(new GetExtractionStatusRequest());
        }
    }

    public void Dispose() => _extraction.Dispose();
}
