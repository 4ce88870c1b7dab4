using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests.Feeds;

public sealed class FetchDocumentTests : IAsyncLifetime
{
    private LocalWebServer _site = null!;
    private ServicesFixture _system = null!;

    public async Task InitializeAsync()
    {
        _site = await LocalWebServer.StartAsync();
        _system = ServicesFixture.Create(settings: new Dictionary<string, string>
        {
            ["Dossier:Ingestion:Feeds:AllowPrivateNetworks"] = "true",
            ["Dossier:Ingestion:Feeds:HostInterval"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        _system.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task FetchRest_SeedPage_IsIngestedThroughTheHtmlPathWithItsUrl()
    {
        var path = _site.ServeSeedAsHtml("002_20664682f8330ef5", "A coalition ministerial");
        using var http = ServicesFixture.Http(_system.Ingestion);

        using var response = await http.PostAsJsonAsync("/v1/documents:fetch", new { url = _site.Url(path), wait = true });
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var document = await _system.IngestionClient().GetDocumentAsync(new GetDocumentRequest { Id = receipt.GetProperty("documentId").GetString() });
        var facts = await _system.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = document.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DOCUMENT_STATUS_INDEXED", receipt.GetProperty("status").GetString());
        Assert.Equal(_site.Url(path), document.Url);
        Assert.Equal("text/html", document.ContentType);
        Assert.Equal("A coalition ministerial", document.Title);
        Assert.DoesNotContain("<p>", document.Text, StringComparison.Ordinal);
        Assert.NotEmpty(facts.Facts.Countries);
    }

    [Fact]
    public async Task Fetch_ReadabilityPageWithCallerTitle_KeepsTheCallersTitleAndThePagesDate()
    {
        var path = _site.ServeReadabilityPage("bbc-1");

        var receipt = await _system.IngestionClient().FetchDocumentAsync(
            new FetchDocumentRequest { Url = _site.Url(path), Title = "Title given by the caller", Wait = true });
        var document = await _system.IngestionClient().GetDocumentAsync(new GetDocumentRequest { Id = receipt.DocumentId });

        Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        Assert.Equal("Title given by the caller", document.Title);
        Assert.Equal("2015-07-24", document.Published);
    }

    [Fact]
    public async Task Fetch_WithoutApiKey_IsUnauthenticated()
    {
        var client = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(_system.Ingestion, apiKey: null));

        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.FetchDocumentAsync(new FetchDocumentRequest { Url = _site.Url("/x") }));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Theory]
    [InlineData("file:///etc/hostname", StatusCode.InvalidArgument)]
    [InlineData("/missing.html", StatusCode.FailedPrecondition)]
    public async Task Fetch_RefusedOrMissingPage_SaysWhyAndStoresNothing(string url, StatusCode expected)
    {
        var client = _system.IngestionClient();
        var target = url.StartsWith('/') ? _site.Url(url) : url;

        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.FetchDocumentAsync(new FetchDocumentRequest { Url = target }));
        var listed = await client.ListDocumentsAsync(new ListIngestedRequest());

        Assert.Equal(expected, e.StatusCode);
        Assert.Empty(listed.Documents);
    }

    [Fact]
    public async Task Fetch_NotAWebPage_IsFailedPrecondition()
    {
        _site.Serve("/image.png", "PNG", "image/png");

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await _system.IngestionClient().FetchDocumentAsync(new FetchDocumentRequest { Url = _site.Url("/image.png") }));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("image/png", e.Status.Detail, StringComparison.Ordinal);
    }
}
