using System.Collections.Concurrent;
using Grpc.Core;

namespace Dossier.LoadTest;

/// <summary>Latency samples of one kind of call, in milliseconds; thread-safe.</summary>
public sealed class LatencySamples
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples.Add(milliseconds);
        }
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _samples];
        }

        Array.Sort(sorted);
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0)
            : new LatencySummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs);

/// <summary>Everything the load counts: per-call latencies, outcomes, errors by call and status code.</summary>
public sealed class LoadMetrics
{
    private long _acknowledged;
    private long _duplicates;
    private long _backpressure;

    public ConcurrentDictionary<string, LatencySamples> Latencies { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed calls (and rejected articles) keyed "Method StatusCode"; RESOURCE_EXHAUSTED of ingestion is not here.</summary>
    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Backpressure => Interlocked.Read(ref _backpressure);

    public void Record(string call, double milliseconds) =>
        Latencies.GetOrAdd(call, _ => new LatencySamples()).Add(milliseconds);

    public void Acknowledge() => Interlocked.Increment(ref _acknowledged);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void BackpressureEvent() => Interlocked.Increment(ref _backpressure);

    public void Error(string call, StatusCode code) => Error(call, code.ToString());

    public void Error(string call, string what) => Errors.AddOrUpdate($"{call} {what}", 1, (_, n) => n + 1);
}
