using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class TraceStagesTests
{
    private static TraceSpan Span(string id, string? parent, string name, long start, long end, params (string Key, string Value)[] attributes) =>
        new(id, parent, name, "extraction", "Dossier.Pipeline", start, end, null, null, attributes.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)).ToList());

    [Fact]
    public void Expand_SpanWithStageAttributes_DrawsEachStageAsAChildEndToEndFromItsStart()
    {
        var pipeline = Span("p1", "root", "pipeline", 10_000_000, 20_000_000,
            ("dossier.doc", "d1"), ("dossier.stage.tokens.ms", "1.5"), ("dossier.stage.names.ms", "0.25"), ("dossier.stage.facts.ms", "2"));

        var spans = TraceStages.Expand([Span("root", null, "POST", 0, 30_000_000), pipeline]);

        Assert.Equal(["POST", "pipeline", "pipeline.tokens", "pipeline.names", "pipeline.facts"], spans.Select(s => s.Name));
        var stages = spans.Skip(2).ToList();
        Assert.All(stages, s => Assert.Equal("p1", s.ParentSpanId));
        Assert.Equal(stages.Count, stages.Select(s => s.SpanId).Distinct().Count());
        Assert.Equal([10_000_000L, 11_500_000L, 11_750_000L], stages.Select(s => s.StartNanos));
        Assert.Equal([11_500_000L, 11_750_000L, 13_750_000L], stages.Select(s => s.EndNanos));
        Assert.Equal([new KeyValuePair<string, string>("dossier.doc", "d1")], spans[1].Attributes);
    }

    [Fact]
    public void Expand_UnreadableDuration_SkipsThatStageOnly()
    {
        var pipeline = Span("p1", null, "pipeline", 0, 5_000_000,
            ("dossier.stage.a.ms", "x"), ("dossier.stage.b.ms", "-1"), ("dossier.stage.c.ms", "1"), ("dossier.stage..ms", "1"));

        var spans = TraceStages.Expand([pipeline]);

        Assert.Equal(["pipeline", "pipeline.c"], spans.Select(s => s.Name));
        Assert.Equal(0, spans[1].StartNanos);
    }

    [Fact]
    public void Expand_NoStageAttributes_ReturnsTheSpansAsTheyAre()
    {
        IReadOnlyList<TraceSpan> spans = [Span("a", null, "process", 0, 1, ("dossier.stage", "1"), ("stage.x.ms", "2"))];

        Assert.Same(spans, TraceStages.Expand(spans));
    }

    [Fact]
    public void Waterfall_FoldedStages_NestUnderTheirSpan()
    {
        var spans = TraceStages.Expand([Span("p", null, "pipeline", 0, 4_000_000, ("dossier.stage.segmenter.ms", "3"))]);

        var w = Waterfall.Build("t", spans);

        Assert.Equal(["pipeline", "pipeline.segmenter"], w.Rows.Select(r => r.Span.Name));
        Assert.Equal(1, w.Rows[1].Depth);
        Assert.Equal(75, w.Rows[1].WidthPercent, 3);
    }
}
