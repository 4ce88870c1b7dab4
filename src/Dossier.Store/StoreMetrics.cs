using System.Diagnostics.Metrics;

namespace Dossier.Store;

/// <summary>
/// The knowledge store's write metrics (meter <c>Dossier.Store</c>, exported with the services' other Dossier meters):
/// how long each write transaction takes and how much of it is spent waiting for other writers, per engine, so that an
/// operator sees when replicas queue behind one another.
/// </summary>
public static class StoreMetrics
{
    public const string MeterName = "Dossier.Store";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>A write transaction, from its start to its commit, in milliseconds.</summary>
    public static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>(
        "dossier.store.write.duration", unit: "ms", description: "Time of a knowledge store write transaction, start to commit.");

    /// <summary>The part of a write transaction spent waiting for other writers' locks, in milliseconds.</summary>
    public static readonly Histogram<double> LockWait = Meter.CreateHistogram<double>(
        "dossier.store.write.lock_wait", unit: "ms", description: "Time a knowledge store write transaction waited for other writers.");

    /// <summary>Write transactions written again after losing a race with another writer (a deadlock, a key needed alone).</summary>
    public static readonly Counter<long> WriteRetries = Meter.CreateCounter<long>(
        "dossier.store.write.retries", description: "Knowledge store write transactions written again after losing a race with another writer.");
}
