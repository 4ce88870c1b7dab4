using System.Diagnostics;
using Dossier.Contracts.V1;
using Dossier.Ingestion;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dossier.Services.Tests;

/// <summary>Ingestion's batching of finished articles into query, against the real query service.</summary>
public sealed class QueryIndexerTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private const string Text = "Italy hosted the Small Group of the coalition in Rome.";

    private static IndexFactsRequest Request(string id, bool valid = true) => new()
    {
        Document = new Document { Id = id, Text = Text, Title = "Small Group" },
        Facts = new DocumentFacts
        {
            Doc = id, Relevant = true, ExtractorVersion = "test",
            Countries = { new CountryFact { Code = "IT", Spans = { new Span { Start = 0, End = valid ? 5 : Text.Length + 10 } } } },
        },
    };

    private QueryIndexer Indexer() =>
        new(services.QueryClient(), Options.Create(new IngestionOptions()), NullLogger<QueryIndexer>.Instance);

    [Fact]
    public async Task IndexAsync_ManyArticlesAtOnceWithOneInvalid_IndexesTheOthersAndFailsOnlyThatOne()
    {
        await using var indexer = Indexer();
        var ids = Enumerable.Range(0, 40).Select(i => $"qi-{i:D2}").ToList();

        var results = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await indexer.IndexAsync(Request(id, valid: id != "qi-17"), CancellationToken.None);
                return (Id: id, Status: StatusCode.OK);
            }
            catch (RpcException e)
            {
                return (Id: id, Status: e.StatusCode);
            }
        }));

        Assert.Equal([("qi-17", StatusCode.InvalidArgument)], results.Where(r => r.Status != StatusCode.OK));
        var client = services.QueryClient();
        foreach (var id in ids.Where(id => id != "qi-17"))
        {
            Assert.Equal(Text, (await client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = id })).Text);
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = "qi-17" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task IndexFactsBatch_ItemsWithTraceparents_RecordEachItemInItsOwnTrace()
    {
        var recorded = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Dossier.Query",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (recorded) { recorded.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var parents = Enumerable.Range(0, 3).Select(_ => new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)).ToList();
        var request = new IndexFactsBatchRequest();
        for (var i = 0; i < parents.Count; i++)
        {
            var item = Request($"qt-{i}");
            item.Traceparent = $"00-{parents[i].TraceId}-{parents[i].SpanId}-01";
            request.Items.Add(item);
        }

        await services.QueryClient().IndexFactsBatchAsync(request);

        for (var i = 0; i < parents.Count; i++)
        {
            Activity span;
            lock (recorded)
            {
                span = Assert.Single(recorded, a => a.DisplayName == $"index qt-{i}");
            }

            Assert.Equal((parents[i].TraceId, parents[i].SpanId), (span.TraceId, span.ParentSpanId));
            Assert.Equal(3, span.GetTagItem("dossier.batch.size"));
        }
    }
}
