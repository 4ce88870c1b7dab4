using System.Diagnostics;
using Dossier.Domain;
using Dossier.Extraction;
using Dossier.Pipeline;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Dossier.Services.Tests;

public sealed class StageSpanFoldingTests
{
    /// <summary>What an exporter is handed: only recorded activities reach it (as the batch exporter checks).</summary>
    private sealed class Recorder : BaseProcessor<Activity>
    {
        public List<Activity> Exported { get; } = [];

        public override void OnEnd(Activity data)
        {
            if (data.Recorded)
            {
                lock (Exported)
                {
                    Exported.Add(data);
                }
            }
        }
    }

    [Fact]
    public void Extract_WithFolding_ExportsOnePipelineSpanCarryingEveryStageInOrder()
    {
        var recorder = new Recorder();
        // The recorder first: folding must hold whatever the order of the processors.
        using var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(ExtractionPipeline.ActivitySource.Name)
            .AddProcessor(recorder)
            .AddProcessor(new StageSpanFolding())
            .Build();
        var pipeline = ExtractionPipeline.CreateDefault();

        pipeline.Extract(new ExtractionRequest("fold-1", "Ministers of the Global Coalition met in Oslo on 4 May 2023. Norway hosted the talks."));

        var span = Assert.Single(recorder.Exported);
        Assert.Equal("pipeline", span.OperationName);
        var stages = span.TagObjects.Where(t => t.Key.StartsWith(StageAttributes.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(pipeline.ComponentNames.Select(c => StageAttributes.For(c)), stages.Select(t => t.Key));
        Assert.All(stages, t => Assert.True(double.Parse((string)t.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public void OnEnd_SpanOfAnotherSource_IsLeftAlone()
    {
        using var source = new ActivitySource("Dossier.Test.Folding");
        var recorder = new Recorder();
        using var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .AddProcessor(new StageSpanFolding())
            .AddProcessor(recorder)
            .Build();

        using (var parent = source.StartActivity("pipeline"))
        {
            using var child = source.StartActivity("pipeline.segmenter");
        }

        Assert.Equal(["pipeline.segmenter", "pipeline"], recorder.Exported.Select(a => a.OperationName));
        Assert.DoesNotContain(recorder.Exported[1].TagObjects, t => t.Key.StartsWith(StageAttributes.Prefix, StringComparison.Ordinal));
    }
}
