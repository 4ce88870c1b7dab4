using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Grpc.Core;

namespace Dossier.Services.Tests;

public sealed class IngestionServiceTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private static string UniqueText(string body) => $"{body} (test {Guid.NewGuid():N})";

    [Fact]
    public async Task Ingest_NewArticle_IsStoredExtractedAndIndexed()
    {
        var client = services.IngestionClient();
        var text = UniqueText("Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy.");

        var receipt = await client.IngestAsync(new IngestRequest { Text = text, Title = "Rome meeting", Published = "2021-06-28", Wait = true });

        Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        Assert.False(receipt.Duplicate);
        Assert.Equal(64, receipt.ContentHash.Length);
        Assert.Equal(receipt.ContentHash[..16], receipt.DocumentId);
        var indexed = await services.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = receipt.DocumentId });
        Assert.Equal(text, indexed.Text);
        Assert.Equal("2021-06-28", indexed.Summary.Published);
        Assert.Equal("Rome meeting", indexed.Summary.Title);
        var stored = await client.GetDocumentAsync(new GetDocumentRequest { Id = receipt.DocumentId });
        Assert.Equal(DocumentStatus.Indexed, stored.Status);
        Assert.Equal(receipt.FactCount, indexed.Summary.FactCounts.Total);
    }

    private static string NewsPage(string marker) => $"""
        <html><head><title>Envoys meet in Nouakchott | Sahel Monitor</title>
        <meta property="og:site_name" content="Sahel Monitor"><link rel="canonical" href="https://sahel.example/2023/02/envoys">
        <meta property="article:published_time" content="2023-02-14T09:00:00+00:00"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Envoys meet in Nouakchott</h1>
        <p>Envoys of the Global Coalition to Defeat ISIS met in Nouakchott, Mauritania, on Tuesday to discuss support for the Sahel ({marker}).</p>
        <p>The meeting was hosted by the foreign ministry and attended by delegations from Niger, Chad and France, a statement said.</p>
        </article><footer>Copyright Sahel Monitor</footer></body></html>
        """;

    [Fact]
    public async Task Ingest_HtmlWithoutMetadata_StoresAndIndexesThePagesTitleSiteAddressAndDate()
    {
        var client = services.IngestionClient();

        var receipt = await client.IngestAsync(new IngestRequest { Text = NewsPage(Guid.NewGuid().ToString("N")), ContentType = "text/html", Wait = true });

        Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        var stored = await client.GetDocumentAsync(new GetDocumentRequest { Id = receipt.DocumentId });
        Assert.Equal(("Envoys meet in Nouakchott | Sahel Monitor", "Sahel Monitor", "https://sahel.example/2023/02/envoys", "2023-02-14"),
            (stored.Title, stored.Source, stored.Url, stored.Published));
        Assert.StartsWith("Envoys meet in Nouakchott | Sahel Monitor\n", stored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", stored.Text, StringComparison.Ordinal);
        var indexed = await services.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = receipt.DocumentId });
        Assert.Equal(("Envoys meet in Nouakchott | Sahel Monitor", "Sahel Monitor", "https://sahel.example/2023/02/envoys", "2023-02-14"),
            (indexed.Summary.Title, indexed.Summary.Source, indexed.Summary.Url, indexed.Summary.Published));
    }

    [Fact]
    public async Task Ingest_HtmlWithTheCallersMetadata_TheCallersWins()
    {
        var client = services.IngestionClient();

        var receipt = await client.IngestAsync(new IngestRequest
        {
            Text = NewsPage(Guid.NewGuid().ToString("N")), ContentType = "text/html", Wait = true,
            Title = "Caller's headline", Source = "Wire desk", Url = "https://wire.example/item/1", Published = "2023-02-15",
        });

        var stored = await client.GetDocumentAsync(new GetDocumentRequest { Id = receipt.DocumentId });
        Assert.Equal(("Caller's headline", "Wire desk", "https://wire.example/item/1", "2023-02-15"), (stored.Title, stored.Source, stored.Url, stored.Published));
        var indexed = await services.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = receipt.DocumentId });
        Assert.Equal(("Caller's headline", "2023-02-15"), (indexed.Summary.Title, indexed.Summary.Published));
    }

    [Fact]
    public async Task Ingest_SameTextTwice_ReturnsTheSameDocumentAsDuplicate()
    {
        var client = services.IngestionClient();
        var text = UniqueText("The coalition welcomed a new member.");
        var first = await client.IngestAsync(new IngestRequest { Text = text, Wait = true });

        var second = await client.IngestAsync(new IngestRequest { Text = text + "\n\n", Title = "other title" });

        Assert.True(second.Duplicate);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(first.TraceId, second.TraceId);
        var stored = await client.GetDocumentAsync(new GetDocumentRequest { Id = first.DocumentId });
        Assert.Equal("", stored.Title);
    }

    [Fact]
    public async Task Ingest_ClientIdTakenByOtherText_IsAlreadyExists()
    {
        var client = services.IngestionClient();
        await client.IngestAsync(new IngestRequest { Text = UniqueText("First."), Id = "fixed-id-1" });

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(new IngestRequest { Text = UniqueText("Second."), Id = "fixed-id-1" }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
    }

    [Theory]
    [InlineData("", "", "")]
    [InlineData(" \t\n ", "", "")]
    [InlineData("NUL \0 inside", "", "")]
    [InlineData("Fine text.", "bad/id", "")]
    [InlineData("Fine text.", "", "2022-13-01")]
    public async Task Ingest_BadInput_IsInvalidArgumentAndStoresNothing(string text, string id, string published)
    {
        var client = services.IngestionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.IngestAsync(new IngestRequest { Text = text, Id = id, Published = published }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var list = await services.QueryClient().ListDocumentsAsync(new ListDocumentsRequest { PageSize = 200 });
        Assert.DoesNotContain(list.Documents, d => d.Id == id && id.Length > 0);
    }

    [Fact]
    public async Task Ingest_TextOverLimit_IsInvalidArgument()
    {
        var client = services.IngestionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.IngestAsync(new IngestRequest { Text = new string('x', Domain.ArticleRules.MaxTextLength + 1) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task IngestStream_BadArticleInTheMiddle_IsRejectedAndTheOthersAcceptedThenIndexed()
    {
        var client = services.IngestionClient();
        using var call = client.IngestStream();

        await call.RequestStream.WriteAsync(new IngestRequest { Text = UniqueText("First article about the coalition.") });
        await call.RequestStream.WriteAsync(new IngestRequest { Text = "   " });
        await call.RequestStream.WriteAsync(new IngestRequest { Text = UniqueText("Third article about the coalition.") });
        await call.RequestStream.CompleteAsync();
        var receipts = new List<IngestReceipt>();
        await foreach (var r in call.ResponseStream.ReadAllAsync())
        {
            receipts.Add(r);
        }

        Assert.Equal([0, 1, 2], receipts.Select(r => r.Sequence));
        Assert.Equal([DocumentStatus.Accepted, DocumentStatus.Rejected, DocumentStatus.Accepted], receipts.Select(r => r.Status));
        Assert.Contains("empty", receipts[1].Error);
        foreach (var id in new[] { receipts[0].DocumentId, receipts[2].DocumentId })
        {
            var document = await Eventually.GetAsync(
                async () => await client.GetDocumentAsync(new GetDocumentRequest { Id = id }), d => d.Status == DocumentStatus.Indexed);
            Assert.Equal(DocumentStatus.Indexed, document.Status);
        }
    }

    [Fact]
    public async Task GetDocument_UnknownId_IsNotFound()
    {
        var client = services.IngestionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentAsync(new GetDocumentRequest { Id = "missing" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task RestIngest_JsonBody_Returns200WithReceipt()
    {
        using var http = ServicesFixture.Http(services.Ingestion);
        var body = $$"""{"text":"{{UniqueText("The Africa Focus Group met in Abuja, Nigeria.")}}","title":"Abuja","source":"test","url":"https://example.org/a","published":"2023-03-01","wait":true}""";

        using var response = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"documentId\"", json);
        Assert.Contains("DOCUMENT_STATUS_INDEXED", json);
    }

    [Fact]
    public async Task RestIngest_EmptyText_Returns400()
    {
        using var http = ServicesFixture.Http(services.Ingestion);

        using var response = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative), new StringContent("""{"text":"  "}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RestIngest_InvalidUtf8_Returns400()
    {
        using var http = ServicesFixture.Http(services.Ingestion);
        byte[] body = [.. """{"text":"bad """u8, 0xC3, 0x28, 0xFF, .. """ bytes"}"""u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GrpcIngest_InvalidUtf8Bytes_IsInvalidArgument()
    {
        // Protobuf decodes invalid UTF-8 in a string field to U+FFFD; the door refuses it.
        var client = services.IngestionClient();
        var text = Encoding.UTF8.GetString([.. "bad "u8, 0xC3, 0x28, 0xFF]);

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(new IngestRequest { Text = text }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("UTF-8", e.Status.Detail);
    }

    [Fact]
    public async Task Reextract_StoredArticle_ReindexesItUnderANewTraceAndKeepsTheArticle()
    {
        var client = services.IngestionClient();
        var receipt = await client.IngestAsync(new IngestRequest { Text = UniqueText("The Small Group met in Rome, Italy."), Id = "reextract-1", Wait = true });

        using var call = client.Reextract(new ReextractRequest { Ids = { "reextract-1" } });
        var progress = new List<ReextractProgress>();
        await foreach (var p in call.ResponseStream.ReadAllAsync())
        {
            progress.Add(p);
        }

        var only = Assert.Single(progress);
        Assert.Equal(DocumentStatus.Indexed, only.Status);
        Assert.Equal((1, 1), (only.Done, only.Total));
        Assert.False(string.IsNullOrEmpty(only.ExtractorVersion));
        var indexed = await services.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "reextract-1" });
        Assert.Equal(only.ExtractorVersion, indexed.Facts.ExtractorVersion);
        Assert.NotEqual(receipt.TraceId, indexed.Summary.TraceId);
        var stored = await client.GetDocumentAsync(new GetDocumentRequest { Id = "reextract-1" });
        Assert.Equal(indexed.Summary.TraceId, stored.TraceId);
    }

    [Fact]
    public async Task Reextract_UnknownId_IsNotFound()
    {
        var client = services.IngestionClient();
        using var call = client.Reextract(new ReextractRequest { Ids = { "no-such-document" } });

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}
