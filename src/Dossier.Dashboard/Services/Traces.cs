using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.Services;

/// <summary>One span of a trace, as the Aspire dashboard's telemetry API reports it.</summary>
public sealed record TraceSpan(
    string SpanId, string? ParentSpanId, string Name, string Service, string Scope, long StartNanos, long EndNanos,
    string? StatusCode, string? StatusMessage, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    public double DurationMs => Math.Max(0, EndNanos - StartNanos) / 1_000_000.0;

    public bool Failed => StatusCode is "2" or "STATUS_CODE_ERROR" or "Error" or "ERROR";
}

/// <summary>A span placed in the waterfall: its depth in the tree and its offset and width as percentages of the trace.</summary>
public sealed record WaterfallRow(TraceSpan Span, int Depth, double OffsetMs, double OffsetPercent, double WidthPercent);

/// <summary>A trace laid out as a waterfall, parents before children, siblings by start time.</summary>
public sealed record Waterfall(string TraceId, IReadOnlyList<WaterfallRow> Rows, double TotalMs, IReadOnlyList<string> Services)
{
    public static string Pct(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    public static Waterfall Build(string traceId, IReadOnlyList<TraceSpan> spans)
    {
        if (spans.Count == 0)
        {
            return new Waterfall(traceId, [], 0, []);
        }

        var start = spans.Min(s => s.StartNanos);
        var end = spans.Max(s => Math.Max(s.EndNanos, s.StartNanos));
        var total = Math.Max(1, end - start);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId) && s.ParentSpanId != s.SpanId)
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var roots = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId) || s.ParentSpanId == s.SpanId);

        var rows = new List<WaterfallRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TraceSpan s, int depth)
        {
            if (!seen.Add(s.SpanId))
            {
                return; // a cycle or a duplicate id: show each span once
            }

            var offset = s.StartNanos - start;
            var width = Math.Max(0, s.EndNanos - s.StartNanos);
            rows.Add(new WaterfallRow(s, depth, offset / 1_000_000.0, 100.0 * offset / total, Math.Max(0.3, 100.0 * width / total)));
            foreach (var c in children[s.SpanId].OrderBy(c => c.StartNanos))
            {
                Visit(c, depth + 1);
            }
        }

        foreach (var r in roots.OrderBy(r => r.StartNanos))
        {
            Visit(r, 0);
        }

        var services = rows.Select(r => r.Span.Service).Distinct(StringComparer.Ordinal).ToList();
        return new Waterfall(traceId, rows, total / 1_000_000.0, services);
    }
}

/// <summary>
/// Reads the JSON of the Aspire dashboard's <c>GET /api/telemetry/traces/{traceId}</c>: OTLP/JSON under <c>data</c>
/// (<c>resourceSpans[].resource.attributes</c> with <c>service.name</c>, <c>scopeSpans[].spans[]</c> with hex ids and
/// nanosecond times as strings). Tolerant: the envelope may be missing, numbers may be strings or numbers, unknown fields
/// are ignored, spans without a start are skipped.
/// </summary>
public static class TraceJson
{
    public static IReadOnlyList<TraceSpan> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var spans = new List<TraceSpan>();
        foreach (var resourceSpans in FindArrays(doc.RootElement, "resourceSpans"))
        {
            foreach (var rs in resourceSpans.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var resourceAttributes = rs.TryGetProperty("resource", out var resource) ? Attributes(resource) : [];
                var service = resourceAttributes.FirstOrDefault(a => a.Key == "service.name").Value ?? "unknown";
                foreach (var scopeSpans in new[] { "scopeSpans", "instrumentationLibrarySpans" }
                    .Where(n => rs.TryGetProperty(n, out var a) && a.ValueKind == JsonValueKind.Array)
                    .SelectMany(n => rs.GetProperty(n).EnumerateArray()))
                {
                    var scope = Str(scopeSpans, "scope", "name") ?? Str(scopeSpans, "instrumentationLibrary", "name") ?? "";
                    if (!scopeSpans.TryGetProperty("spans", out var list) || list.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var s in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                    {
                        if (Long(s, "startTimeUnixNano") is not { } startNanos)
                        {
                            continue;
                        }

                        var parent = Str(s, "parentSpanId");
                        spans.Add(new TraceSpan(
                            Str(s, "spanId") ?? Guid.NewGuid().ToString("N")[..16],
                            string.IsNullOrEmpty(parent) ? null : parent,
                            Str(s, "name") ?? "(unnamed)",
                            service,
                            scope,
                            startNanos,
                            Long(s, "endTimeUnixNano") ?? startNanos,
                            Str(s, "status", "code"),
                            Str(s, "status", "message"),
                            Attributes(s)));
                    }
                }
            }
        }

        return TraceStages.Expand(spans);
    }

    private static IEnumerable<JsonElement> FindArrays(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.NameEquals(name) && p.Value.ValueKind == JsonValueKind.Array)
                {
                    yield return p.Value;
                }
                else if (p.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var inner in FindArrays(p.Value, name))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static List<KeyValuePair<string, string>> Attributes(JsonElement owner)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (!owner.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var a in attributes.EnumerateArray())
        {
            if (a.ValueKind == JsonValueKind.Object && Str(a, "key") is { } key && a.TryGetProperty("value", out var value))
            {
                result.Add(new(key, AnyValue(value)));
            }
        }

        return result;
    }

    /// <summary>An OTLP AnyValue ({"stringValue": …}, {"intValue": …} …) or a bare JSON value, as text.</summary>
    private static string AnyValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Object => v.EnumerateObject().Select(p => AnyValue(p.Value)).FirstOrDefault() ?? "",
        JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(AnyValue)),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => v.GetRawText(),
    };

    private static string? Str(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
    }

    private static long? Long(JsonElement e, string name) =>
        Str(e, name) is { } s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

public enum TraceOutcome
{
    Found,
    NotFound,
    NotConfigured,
    Unreachable,
}

/// <summary>What the trace page can show: the waterfall, or why there is none.</summary>
public sealed record TraceResult(TraceOutcome Outcome, Waterfall? Waterfall, string? Message);

/// <summary>Reads one trace from the Aspire dashboard's telemetry HTTP API.</summary>
public sealed class TraceService(HttpClient http, IOptions<DashboardOptions> options, ILogger<TraceService> logger)
{
    public async Task<TraceResult> GetAsync(string traceId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.AspireDashboardUrl))
        {
            return new TraceResult(TraceOutcome.NotConfigured, null, "No Aspire dashboard address is configured (Dossier:AspireDashboardUrl).");
        }

        try
        {
            using var request = new HttpRequestMessage(
                HttpMethod.Get, new Uri($"{o.AspireDashboardUrl.TrimEnd('/')}/api/telemetry/traces/{Uri.EscapeDataString(traceId)}"));
            if (!string.IsNullOrEmpty(o.AspireDashboardApiKey))
            {
                request.Headers.Add("X-API-Key", o.AspireDashboardApiKey);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new TraceResult(TraceOutcome.NotFound, null, "The Aspire dashboard has no spans for this trace (telemetry is kept in memory and lost when the app host restarts).");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new TraceResult(TraceOutcome.Unreachable, null, $"The Aspire dashboard's telemetry API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            var waterfall = Waterfall.Build(traceId, TraceJson.Parse(json));
            return waterfall.Rows.Count == 0
                ? new TraceResult(TraceOutcome.NotFound, null, "The Aspire dashboard has no spans for this trace (telemetry is kept in memory and lost when the app host restarts).")
                : new TraceResult(TraceOutcome.Found, waterfall, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Aspire telemetry API unreachable: {Message}", e.Message);
            return new TraceResult(TraceOutcome.Unreachable, null, $"The Aspire dashboard's telemetry API is not reachable ({e.GetType().Name}: {e.Message}).");
        }
    }
}
