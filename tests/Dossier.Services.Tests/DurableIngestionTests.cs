using System.Net;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Grpc.Core;

namespace Dossier.Services.Tests;

public sealed class DurableIngestionTests
{
    private static string UniqueText(string body) => $"{body} (durable {Guid.NewGuid():N})";

    private const string Article = "Rome, 28 June 2021 — Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy.";

    [Fact]
    public async Task Ingest_ExtractionDown_IsAcknowledgedThenIndexedWhenItComesBack()
    {
        using var system = ServicesFixture.Create(maxAttempts: 50);
        system.ExtractionSwitch.Up = false;
        var client = system.IngestionClient();

        var receipt = await client.IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "down-1" });
        await Eventually.GetAsync(() => Task.FromResult(system.ExtractionSwitch.Refused), n => n >= 2, TimeSpan.FromSeconds(20));
        var waiting = await client.GetDocumentAsync(new GetDocumentRequest { Id = "down-1" });
        var queue = await client.GetQueueStatusAsync(new GetQueueStatusRequest());
        system.ExtractionSwitch.Up = true;
        var indexed = await system.WaitForAsync("down-1", DocumentStatus.Indexed);

        Assert.Equal(DocumentStatus.Accepted, receipt.Status);
        Assert.Equal(DocumentStatus.Accepted, waiting.Status);
        Assert.True(waiting.Error.Contains("Unavailable", StringComparison.Ordinal), waiting.Error);
        Assert.True(waiting.Attempts >= 1);
        Assert.Equal(1, queue.Pending);
        Assert.True(indexed.Attempts >= 2);
        var facts = await system.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "down-1" });
        Assert.Contains(facts.Facts.Countries, c => c.Code == "IT");
    }

    [Fact]
    public async Task Ingest_QueryDownAfterExtraction_IsIndexedOnceWhenItComesBack()
    {
        using var system = ServicesFixture.Create(maxAttempts: 50);
        system.QuerySwitch.Up = false;
        var client = system.IngestionClient();

        await client.IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "query-down-1" });
        await Eventually.GetAsync(() => Task.FromResult(system.QuerySwitch.Refused), n => n >= 2, TimeSpan.FromSeconds(20));
        var waiting = await client.GetDocumentAsync(new GetDocumentRequest { Id = "query-down-1" });
        system.QuerySwitch.Up = true;
        await system.WaitForAsync("query-down-1", DocumentStatus.Indexed);

        Assert.Equal(DocumentStatus.Extracted, waiting.Status);
        var listed = await system.QueryClient().ListDocumentsAsync(new ListDocumentsRequest { PageSize = 50 });
        Assert.Equal(1, listed.TotalSize);
    }

    [Fact]
    public async Task Ingest_ExtractionAlwaysFailing_IsParkedAfterMaxAttemptsAndRetryable()
    {
        using var system = ServicesFixture.Create(maxAttempts: 3);
        system.ExtractionSwitch.FailWith = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = system.IngestionClient();

        await client.IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "parked-1" });
        var parked = await system.WaitForAsync("parked-1", DocumentStatus.Failed);
        var listed = await client.ListDocumentsAsync(new ListIngestedRequest { Status = DocumentStatus.Failed, WithoutText = true });
        system.ExtractionSwitch.FailWith = null;
        var retried = await client.RetryAsync(new RetryRequest { Ids = { "parked-1" } });
        var indexed = await system.WaitForAsync("parked-1", DocumentStatus.Indexed);

        Assert.Equal(3, parked.Attempts);
        Assert.Contains("gave up after 3 attempts", parked.Error);
        Assert.Contains("Internal", parked.Error);
        var only = Assert.Single(listed.Documents);
        Assert.Equal(("parked-1", ""), (only.Id, only.Text));
        Assert.Equal(1, retried.Retried);
        Assert.Equal(1, indexed.Attempts);
        Assert.Equal("", indexed.Error);
    }

    [Fact]
    public async Task Ingest_ExtractionPastItsDeadlineTwiceInARow_IsParkedAfterTwoAttemptsWithTheReason()
    {
        using var system = ServicesFixture.Create(maxAttempts: 8);
        system.ExtractionSwitch.FailWith = ((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await system.IngestionClient().IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "slow-1" });
        var parked = await system.WaitForAsync("slow-1", DocumentStatus.Failed);

        Assert.Equal(2, parked.Attempts);
        Assert.Contains("extraction ran past its", parked.Error);
        Assert.Contains("twice in a row", parked.Error);
    }

    [Fact]
    public async Task Ingest_ArticleRefusedByExtraction_IsParkedAtOnce()
    {
        using var system = ServicesFixture.Create(maxAttempts: 8);
        system.ExtractionSwitch.FailWith = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var receipt = await system.IngestionClient().IngestAsync(new IngestRequest { Text = UniqueText(Article), Wait = true });

        Assert.Equal(DocumentStatus.Failed, receipt.Status);
        Assert.Equal(1, receipt.Attempts);
        Assert.Contains("InvalidArgument", receipt.Error);
    }

    [Fact]
    public async Task Ingest_ParkedArticleSentAgain_IsQueuedAgain()
    {
        using var system = ServicesFixture.Create(maxAttempts: 1);
        system.ExtractionSwitch.FailWith = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = system.IngestionClient();
        var text = UniqueText(Article);
        var first = await client.IngestAsync(new IngestRequest { Text = text, Wait = true });

        system.ExtractionSwitch.FailWith = null;
        var again = await client.IngestAsync(new IngestRequest { Text = text, Wait = true });

        Assert.Equal(DocumentStatus.Failed, first.Status);
        Assert.True(again.Duplicate);
        Assert.Equal((first.DocumentId, DocumentStatus.Indexed), (again.DocumentId, again.Status));
    }

    [Fact]
    public async Task Ingest_QueueFull_IsResourceExhaustedAndNothingStored()
    {
        using var system = ServicesFixture.Create(maxPending: 2, workers: 0);
        var client = system.IngestionClient();
        await client.IngestAsync(new IngestRequest { Text = UniqueText("One.") });
        await client.IngestAsync(new IngestRequest { Text = UniqueText("Two.") });

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(new IngestRequest { Text = UniqueText("Three."), Id = "third" }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("queue is full", e.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentAsync(new GetDocumentRequest { Id = "third" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(2, (await client.GetQueueStatusAsync(new GetQueueStatusRequest())).Pending);
    }

    [Fact]
    public async Task IngestStream_QueueFills_EndsWithResourceExhaustedAfterTheAcknowledgedOnes()
    {
        using var system = ServicesFixture.Create(maxPending: 3, workers: 0);
        var client = system.IngestionClient();
        using var call = client.IngestStream();
        var receipts = new List<IngestReceipt>();

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await call.RequestStream.WriteAsync(new IngestRequest { Text = UniqueText($"Article {i}.") });
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                receipts.Add(call.ResponseStream.Current);
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("from sequence 3", e.Status.Detail);
        Assert.Equal([0, 1, 2], receipts.Select(r => r.Sequence));
        var stored = await client.ListDocumentsAsync(new ListIngestedRequest { PageSize = 50, WithoutText = true });
        Assert.Equal(receipts.Select(r => r.DocumentId).Order(), stored.Documents.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task Ingest_SameTextConcurrently_OneDocumentIndexedOnce()
    {
        using var system = ServicesFixture.Create();
        var client = system.IngestionClient();
        var text = UniqueText(Article);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.IngestAsync(new IngestRequest { Text = text, Wait = true }).ResponseAsync));

        Assert.Single(receipts.Select(r => r.DocumentId).Distinct());
        Assert.Single(receipts, r => !r.Duplicate);
        Assert.All(receipts, r => Assert.Equal(DocumentStatus.Indexed, r.Status));
        Assert.Equal(1, (await system.QueryClient().ListDocumentsAsync(new ListDocumentsRequest())).TotalSize);
        Assert.Equal(1, (await client.GetQueueStatusAsync(new GetQueueStatusRequest())).Indexed);
    }

    [Fact]
    public async Task DeleteDocument_IndexedArticle_IsGoneFromIngestionAndQuery()
    {
        using var system = ServicesFixture.Create();
        var client = system.IngestionClient();
        await client.IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "to-delete", Wait = true });

        var deleted = await client.DeleteDocumentAsync(new DeleteDocumentRequest { Id = "to-delete" });
        var again = await Assert.ThrowsAsync<RpcException>(() => client.DeleteDocumentAsync(new DeleteDocumentRequest { Id = "to-delete" }).ResponseAsync);

        Assert.True(deleted.FactsDeleted);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        var facts = await Assert.ThrowsAsync<RpcException>(() => system.QueryClient().GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "to-delete" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, facts.StatusCode);
        Assert.Equal(0, (await system.QueryClient().GetStatsAsync(new GetStatsRequest())).Articles);
    }

    [Fact]
    public async Task DeleteDocument_QueryDown_KeepsTheArticleAndCanBeRepeated()
    {
        using var system = ServicesFixture.Create();
        var client = system.IngestionClient();
        await client.IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = "keep-me", Wait = true });
        system.QuerySwitch.Up = false;

        var e = await Assert.ThrowsAsync<RpcException>(() => client.DeleteDocumentAsync(new DeleteDocumentRequest { Id = "keep-me" }).ResponseAsync);
        system.QuerySwitch.Up = true;
        var stillThere = await client.GetDocumentAsync(new GetDocumentRequest { Id = "keep-me" });
        var deleted = await client.DeleteDocumentAsync(new DeleteDocumentRequest { Id = "keep-me" });

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(DocumentStatus.Indexed, stillThere.Status);
        Assert.True(deleted.FactsDeleted);
    }

    [Fact]
    public async Task Restart_ArticlesAcknowledgedWithoutWorkers_AreIndexedByTheNextStart()
    {
        string[] ids = ["r1", "r2", "r3"];
        var first = ServicesFixture.Create(workers: 0);
        foreach (var id in ids)
        {
            await first.IngestionClient().IngestAsync(new IngestRequest { Text = UniqueText(Article), Id = id });
        }

        first.Stop();
        using var restarted = ServicesFixture.Create(workers: 2, dataDir: first.DataDir);
        foreach (var id in ids)
        {
            await restarted.WaitForAsync(id, DocumentStatus.Indexed);
        }

        Assert.Equal(3, (await restarted.QueryClient().ListDocumentsAsync(new ListDocumentsRequest())).TotalSize);
    }

    [Fact]
    public async Task RestIngest_QueueStatusAndFailedList_AreReadableOverHttp()
    {
        using var system = ServicesFixture.Create();
        using var http = ServicesFixture.Http(system.Ingestion);
        var body = $$"""{"text":"{{UniqueText(Article)}}","id":"rest-1","wait":true}""";

        using var ingest = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var queue = await http.GetStringAsync(new Uri("/v1/queue", UriKind.Relative));
        var failed = await http.GetStringAsync(new Uri("/v1/documents?status=DOCUMENT_STATUS_FAILED", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Contains("\"indexed\": 1", queue.Replace("\"indexed\":1", "\"indexed\": 1", StringComparison.Ordinal));
        Assert.DoesNotContain("rest-1", failed);
    }
}
