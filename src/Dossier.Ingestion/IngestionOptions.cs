namespace Dossier.Ingestion;

/// <summary>How ingestion works its queue (configuration section <c>Dossier:Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Dossier:Ingestion";

    /// <summary>
    /// Articles this replica processes at once (extraction and indexing calls in flight). Workers mostly wait on calls; the
    /// more articles finish together, the larger the batches query indexes in one transaction (16 drained a backlog ~40 %
    /// faster than 4 on two cores: BENCHMARKS.md).
    /// </summary>
    public int Workers { get; set; } = 16;

    /// <summary>Attempts before an article is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Back-off after the first failed attempt; it doubles with each further one (with jitter), up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of one extraction call, and of one indexing call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed article stays with its worker; after that (the worker died) another may claim it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often idle workers look for due articles (new ones wake them at once on this replica).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Acknowledged articles waiting to be indexed; beyond this, ingest answers <c>RESOURCE_EXHAUSTED</c>.</summary>
    public int MaxPending { get; set; } = 50_000;

    /// <summary>Longest a <c>wait = true</c> ingest waits when its call has no deadline.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);
}
