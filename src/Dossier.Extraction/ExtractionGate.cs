using System.Threading.RateLimiting;

namespace Dossier.Extraction;

/// <summary>Limits of one extraction replica (configuration section <c>Dossier:Extraction</c>).</summary>
public sealed class ExtractionOptions
{
    public const string Section = "Dossier:Extraction";

    /// <summary>Extractions run at once; default: one per core (extraction is CPU-bound).</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Calls that may wait for a slot; beyond this the replica answers <c>RESOURCE_EXHAUSTED</c>.</summary>
    public int MaxQueue { get; set; } = 64;
}

/// <summary>
/// The replica's bounded work queue: at most <see cref="ExtractionOptions.MaxConcurrency"/> extractions run, at most
/// <see cref="ExtractionOptions.MaxQueue"/> calls wait (first come, first served), the rest are refused at once. Also
/// the replica's counters for <c>GetStatus</c>.
/// </summary>
public sealed class ExtractionGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private long _extracted;
    private long _refused;
    private int _inFlight;

    public ExtractionGate(Microsoft.Extensions.Options.IOptions<ExtractionOptions> options)
    {
        Options = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, Options.MaxConcurrency),
            QueueLimit = Math.Max(0, Options.MaxQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public ExtractionOptions Options { get; }

    /// <summary>Host name and process id: tells replicas apart.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public long Extracted => Interlocked.Read(ref _extracted);

    public long Refused => Interlocked.Read(ref _refused);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A slot, or null when the queue is full. Waiting ends with the call (deadline or cancellation).</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            Interlocked.Increment(ref _refused);
            return null;
        }

        Interlocked.Increment(ref _inFlight);
        return new Slot(this, lease);
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class Slot(ExtractionGate gate, RateLimitLease lease) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._inFlight);
                Interlocked.Increment(ref gate._extracted);
                lease.Dispose();
            }
        }
    }
}
