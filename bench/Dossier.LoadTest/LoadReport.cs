using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.LoadTest;

/// <summary>The outcome of one load run; printed as text or JSON.</summary>
public sealed record LoadReport(
    DateTimeOffset Finished,
    string RunId,
    int Seed,
    int Streams,
    int Queriers,
    int Window,
    double LoadSeconds,
    IngestReport Ingest,
    IndexingReport Indexing,
    Dictionary<string, QueryReport> Queries,
    SortedDictionary<string, long> Errors,
    long ErrorTotal,
    StoreReport Store,
    string MemoryScope,
    IReadOnlyList<ProcessMemory> Memory)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToText()
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        static string Ms(LatencySummary s) => string.Create(CultureInfo.InvariantCulture, $"p50 {s.P50Ms:F1} ms, p99 {s.P99Ms:F1} ms, max {s.MaxMs:F1} ms ({s.Count:N0} calls)");

        Line(string.Create(CultureInfo.InvariantCulture, $"Load run {RunId} (seed {Seed}): {Streams} ingest streams (window {Window}), {Queriers} query loops, {LoadSeconds:F1} s"));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"  ingest      {Ingest.Acknowledged:N0} articles acknowledged = {Ingest.AcknowledgedPerSecond:F1}/s; ack latency {Ms(Ingest.AckLatency)}"));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"              {Ingest.BackpressureEvents} backpressure events (RESOURCE_EXHAUSTED), {Ingest.Duplicates} duplicates, {Ingest.UnacknowledgedAtEnd} written but unacknowledged at the end"));
        var i = Indexing;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"  indexing    {i.IndexedDuringLoad:N0} indexed during the load = {i.IndexedPerSecondDuringLoad:F1}/s ({i.Workers} workers, {i.Engine}); pending at load end {i.PendingAtLoadEnd:N0}, at most {i.MaxPending:N0}"));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"              {(i.Drained ? $"drained in {i.DrainSeconds:F1} s" : $"NOT drained after {i.DrainSeconds:F1} s ({i.PendingAfterDrain:N0} still pending)")}; " +
            $"{i.IndexedTotal:N0} indexed in all = {i.IndexedPerSecondEndToEnd:F1}/s over load + drain; {i.FailedDelta} parked as failed"));
        foreach (var (name, q) in Queries)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  {name,-11} {Ms(q.Latency)}, {q.PerSecond:F1}/s"));
        }

        Line(string.Create(CultureInfo.InvariantCulture,
            $"  store       {Store.ArticlesBefore:N0} → {Store.ArticlesAfter:N0} articles; {Store.Entities:N0} entities, {Store.Events:N0} events, {Store.Claims:N0} claims"));
        Line(ErrorTotal == 0 ? "  errors      none (other than backpressure)" : $"  errors      {ErrorTotal}:");
        foreach (var (what, count) in Errors)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"              {what}: {count}"));
        }

        Line($"  processes   (memory in MiB, CPU time over the run; {MemoryScope})");
        foreach (var m in Memory)
        {
            Line(string.Create(CultureInfo.InvariantCulture,
                $"              {m.Service,-11} pid {m.Pid,-7} RSS first {m.FirstRssMiB,7:F1}  last {m.LastRssMiB,7:F1}  peak {m.PeakRssMiB,7:F1}  VmHWM {m.HwmMiB,7:F1}  CPU {m.CpuSeconds,6:F1} s{(m.Exited ? "  (exited)" : "")}"));
        }

        return text.ToString().TrimEnd();
    }
}

public sealed record IngestReport(
    long Acknowledged, double AcknowledgedPerSecond, long Duplicates, int UnacknowledgedAtEnd, long BackpressureEvents, LatencySummary AckLatency);

public sealed record IndexingReport(
    int IndexedBefore,
    int IndexedDuringLoad,
    double IndexedPerSecondDuringLoad,
    int PendingAtLoadEnd,
    int MaxPending,
    int IndexedTotal,
    int FailedDelta,
    int PendingAfterDrain,
    bool Drained,
    double DrainSeconds,
    double IndexedPerSecondEndToEnd,
    int Workers,
    string Engine);

public sealed record QueryReport(LatencySummary Latency, double PerSecond);

public sealed record StoreReport(int ArticlesBefore, int ArticlesAfter, int Entities, int Events, int Claims);
