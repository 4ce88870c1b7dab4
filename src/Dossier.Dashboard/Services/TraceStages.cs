using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Dossier.Dashboard.Services;

/// <summary>
/// The stages a span carries as attributes, drawn as its children again: extraction exports its pipeline's component
/// spans as stage attributes (<see cref="StageAttributes"/>) of the <c>pipeline</c> span (Dossier.Extraction's
/// StageSpanFolding: one span an article instead of 27), in the order the components ran. Each becomes a child span named
/// <c>&lt;parent&gt;.&lt;component&gt;</c>, the stages laid end to end from the parent's start (components run one after
/// the other; the gaps between them are too small to draw).
/// </summary>
public static class TraceStages
{
    public static IReadOnlyList<TraceSpan> Expand(IReadOnlyList<TraceSpan> spans)
    {
        if (!spans.Any(s => s.Attributes.Any(IsStage)))
        {
            return spans;
        }

        var result = new List<TraceSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (!span.Attributes.Any(IsStage))
            {
                result.Add(span);
                continue;
            }

            result.Add(span with { Attributes = span.Attributes.Where(a => !IsStage(a)).ToList() });
            var start = span.StartNanos;
            var n = 0;
            foreach (var (key, value) in span.Attributes.Where(IsStage))
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !double.IsFinite(ms) || ms < 0)
                {
                    continue;
                }

                var end = start + (long)Math.Round(ms * 1_000_000);
                var component = StageAttributes.StageOf(key)!;
                result.Add(new TraceSpan(
                    $"{span.SpanId}.{n++}", span.SpanId, $"{span.Name}.{component}", span.Service, span.Scope, start, end, null, null, []));
                start = end;
            }
        }

        return result;
    }

    private static bool IsStage(KeyValuePair<string, string> attribute) => StageAttributes.StageOf(attribute.Key) is not null;
}
