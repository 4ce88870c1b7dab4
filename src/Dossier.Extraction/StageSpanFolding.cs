using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dossier.Pipeline;
using OpenTelemetry;

namespace Dossier.Extraction;

/// <summary>
/// Exports the pipeline's component spans ("pipeline.segmenter", "pipeline.dates", …, one per component and article) as
/// attributes of their <c>pipeline</c> span instead of as spans (<see cref="StageAttributes"/>) = the component's
/// duration, in the order the components ran. One span an article instead of 27: the Aspire dashboard spent more CPU taking
/// in these spans than extraction spent on the article (bench/e2e-ratio.sh), and each span costs every service's exporter
/// too. The dashboard's trace waterfall draws the stages again from the attributes (Dossier.Dashboard's TraceStages).
/// In process nothing changes: the pipeline still starts one activity per component, for listeners such as the
/// benchmarks' component profile.
/// </summary>
/// <remarks>
/// A stage is left unrecorded when it starts, so the exporter skips it whatever the processors' order; its duration is
/// added to the parent when it ends, before the parent itself ends and is exported.
/// </remarks>
public sealed class StageSpanFolding : BaseProcessor<Activity>
{
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    public override void OnStart(Activity data)
    {
        if (IsStage(data))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    public override void OnEnd(Activity data)
    {
        if (IsStage(data) && data.Parent is { } parent)
        {
            var key = _keys.GetOrAdd(data.OperationName, static (name, prefix) => StageAttributes.For(name[(prefix + 1)..]), parent.OperationName.Length);
            parent.SetTag(key, Math.Round(data.Duration.TotalMilliseconds, 3).ToString("0.###", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A component's span: the pipeline's, under a span of the pipeline named as its prefix.</summary>
    private static bool IsStage(Activity activity) =>
        activity.Source == ExtractionPipeline.ActivitySource
        && activity.Parent is { } parent
        && parent.Source == activity.Source
        && activity.OperationName.Length > parent.OperationName.Length + 1
        && activity.OperationName[parent.OperationName.Length] == '.'
        && activity.OperationName.StartsWith(parent.OperationName, StringComparison.Ordinal);
}
