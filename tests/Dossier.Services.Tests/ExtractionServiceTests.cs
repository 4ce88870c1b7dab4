using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests;

public sealed class ExtractionServiceTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    [Fact]
    public async Task Extract_Article_ReturnsFactsWithSpansInsideTheText()
    {
        var client = services.ExtractionClient();
        const string text = "Rabat, 3 March 2025 — Ministers of the Global Coalition to Defeat ISIS met in Morocco on Tuesday.";

        var response = await client.ExtractAsync(new ExtractRequest { DocumentId = "x1", Text = text });

        Assert.Equal("x1", response.Facts.Doc);
        Assert.Equal(text, response.Text);
        Assert.False(string.IsNullOrEmpty(response.ExtractorVersion));
        Assert.Equal(response.ExtractorVersion, response.Facts.ExtractorVersion);
        Assert.All(response.Facts.Countries.SelectMany(c => c.Spans), s => Assert.InRange(s.End, s.Start + 1, text.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("bad \uD800 surrogate")]
    public async Task Extract_BadText_IsInvalidArgument(string text)
    {
        var client = services.ExtractionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.ExtractAsync(new ExtractRequest { DocumentId = "x", Text = text }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.Status.Detail));
    }

    [Fact]
    public async Task Extract_BadPublishedDate_IsInvalidArgument()
    {
        var client = services.ExtractionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.ExtractAsync(new ExtractRequest { DocumentId = "x", Text = "Some text.", Published = "31 February" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }
}
