using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class TraceJsonTests
{
    // Recorded from GET /api/telemetry/traces/{traceId} of the Aspire 13.6 dashboard for a seed's ingest.
    private static readonly string Recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aspire-trace.json"));

    [Fact]
    public void Parse_RecordedTrace_ReadsEverySpanWithItsService()
    {
        var spans = TraceJson.Parse(Recorded);

        Assert.Equal(21, spans.Count);
        Assert.Equal(["extraction", "ingestion", "query"], spans.Select(s => s.Service).Distinct().Order());
        var ingest = Assert.Single(spans, s => s.Name == "ingest");
        Assert.Null(ingest.ParentSpanId);
        Assert.Equal("ingestion", ingest.Service);
        Assert.Equal("Dossier.Ingestion", ingest.Scope);
        Assert.Equal(697.3373, ingest.DurationMs, 3);
        Assert.Contains(ingest.Attributes, a => a.Key == "dossier.document.id" && a.Value == "002_20664682f8330ef5");
        Assert.Contains(spans, s => s.Service == "extraction" && s.Name == "pipeline.segmenter");
    }

    [Fact]
    public void Waterfall_RecordedTrace_ParentsBeforeChildrenWithDepthAndOffsets()
    {
        var w = Waterfall.Build("6b92d8291440c9d2ebe52a03cf73efa0", TraceJson.Parse(Recorded));

        Assert.Equal(21, w.Rows.Count);
        Assert.Equal("ingest", w.Rows[0].Span.Name);
        Assert.Equal(0, w.Rows[0].Depth);
        Assert.Equal(0, w.Rows[0].OffsetPercent);
        var pipeline = w.Rows.Single(r => r.Span.Name == "pipeline");
        var stage = w.Rows.Single(r => r.Span.Name == "pipeline.dates");
        Assert.Equal(pipeline.Depth + 1, stage.Depth);
        Assert.True(w.Rows.ToList().IndexOf(pipeline) < w.Rows.ToList().IndexOf(stage));
        Assert.All(w.Rows, r => Assert.InRange(r.OffsetPercent, 0, 100));
        Assert.All(w.Rows, r => Assert.InRange(r.WidthPercent, 0.3, 100.0001));
        Assert.Equal(697.3, w.TotalMs, 1);
    }

    [Fact]
    public void Parse_NumbersInsteadOfStringsAndNoEnvelope_StillReadsSpans()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":"query"}]},
              "scopeSpans":[{"scope":{"name":"s"},"spans":[
                {"spanId":"a","name":"root","startTimeUnixNano":1000000,"endTimeUnixNano":3000000,"status":{"code":2,"message":"boom"}},
                {"spanId":"b","parentSpanId":"a","name":"child","startTimeUnixNano":"2000000"},
                {"spanId":"c","name":"no start"}]}]}]}
            """;

        var spans = TraceJson.Parse(json);

        Assert.Equal(2, spans.Count);
        Assert.True(spans[0].Failed);
        Assert.Equal("boom", spans[0].StatusMessage);
        Assert.Equal(2, spans[0].DurationMs);
        Assert.Equal(0, spans[1].DurationMs);
        Assert.Equal("query", spans[1].Service);
    }

    [Fact]
    public void Parse_EmptyOrUnrelatedJson_ReturnsNoSpans()
    {
        Assert.Empty(TraceJson.Parse("""{"data":{"resourceSpans":[]},"totalCount":0}"""));
        Assert.Empty(TraceJson.Parse("""{"error":"nope"}"""));
        Assert.Empty(Waterfall.Build("t", []).Rows);
    }

    [Fact]
    public void Waterfall_ParentCycle_ShowsEachSpanOnce()
    {
        TraceSpan[] spans =
        [
            new("a", "b", "x", "s", "", 0, 10, null, null, []),
            new("b", "a", "y", "s", "", 5, 10, null, null, []),
            new("c", null, "z", "s", "", 0, 10, null, null, []),
        ];

        var w = Waterfall.Build("t", spans);

        Assert.Equal(["z"], w.Rows.Select(r => r.Span.Name)); // a and b hang off each other and no root reaches them
    }
}
