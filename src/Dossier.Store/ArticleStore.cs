namespace Dossier.Store;

/// <summary>Where an article is in its way through Dossier.</summary>
public enum ArticleStatus
{
    /// <summary>Stored and acknowledged; waiting for (or being retried through) extraction.</summary>
    Accepted = 1,

    /// <summary>Extracted; its facts are on their way to the query service.</summary>
    Extracted = 2,

    /// <summary>Its facts are in the knowledge store.</summary>
    Indexed = 3,

    /// <summary>Parked after its last allowed attempt (or a permanent error), with the error; retryable.</summary>
    Failed = 4,
}

/// <summary>Where an article is in its latest requested re-extraction (a new attempt through the queue for the current extractor).</summary>
public enum ReextractState
{
    /// <summary>Never asked for.</summary>
    None = 0,

    /// <summary>Queued again (accepted or extracted, under the same lease protocol); its old facts stay indexed meanwhile.</summary>
    Pending = 1,

    /// <summary>Indexed by its re-extraction.</summary>
    Done = 2,

    /// <summary>Parked as failed during its re-extraction (its old facts stay indexed); a retry makes it pending again.</summary>
    Failed = 3,
}

/// <summary>An article as ingestion keeps it.</summary>
public sealed record StoredArticle
{
    public required string Id { get; init; }
    public required string ContentHash { get; init; }
    public required string Text { get; init; }
    public string Title { get; init; } = "";
    public string Source { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Published { get; init; }
    public string ContentType { get; init; } = "text/plain";
    public ArticleStatus Status { get; init; } = ArticleStatus.Accepted;
    public string? Error { get; init; }
    public string TraceId { get; init; } = "";
    public int FactCount { get; init; }
    public DateTimeOffset IngestedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Processing attempts so far (counted when a worker claims the article).</summary>
    public int Attempts { get; init; }

    /// <summary>When the article may be claimed next (a retry waits out its back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Its latest requested re-extraction, if any.</summary>
    public ReextractState Reextract { get; init; }

    /// <summary>The version of the extractor whose facts were last indexed (null when unknown).</summary>
    public string? ExtractorVersion { get; init; }
}

/// <summary>What a caller following an article's processing needs, without its text.</summary>
public sealed record ArticleState(string Id, ArticleStatus Status, int FactCount, string? Error, string? ExtractorVersion, ReextractState Reextract);

/// <summary>The outcome of <see cref="IArticleStore.Add"/>.</summary>
/// <param name="Article">The stored article: the new one, or the one already there.</param>
/// <param name="Duplicate">True when nothing new was stored.</param>
public sealed record AddResult(StoredArticle Article, bool Duplicate);

/// <summary>
/// How many articles are in each state, and in each state of their latest requested re-extraction (the pending ones are
/// also counted as accepted or extracted, the done ones as indexed, the failed ones as failed).
/// </summary>
public sealed record ArticleCounts(int Accepted, int Extracted, int Indexed, int Failed, int ReextractPending = 0, int ReextractDone = 0, int ReextractFailed = 0)
{
    /// <summary>Acknowledged but not yet indexed nor parked: the work queue's length (re-extractions included).</summary>
    public int Pending => Accepted + Extracted;

    /// <summary>The pending articles that are new (not re-extractions): what backpressure limits.</summary>
    public int NewPending => Pending - ReextractPending;

    public int Total => Accepted + Extracted + Indexed + Failed;
}

/// <summary>
/// The articles ingestion has accepted, and its durable work queue: an article is stored (and so acknowledged) before
/// it is processed; workers claim due articles under a lease, and an article whose lease ran out (its worker died) is
/// claimable again. Every method is safe to call from several threads, and — on PostgreSQL — from several replicas.
/// </summary>
public interface IArticleStore
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Engine { get; }

    /// <summary>
    /// Stores the article (accepted, due now) unless the same content (or the same id with the same content) is already
    /// there; concurrent adds of one content store it once. Throws <see cref="ArticleConflictException"/> when the id is
    /// taken by different content.
    /// </summary>
    AddResult Add(StoredArticle article);

    StoredArticle? Get(string id);

    /// <summary>
    /// Records progress: status, error, facts found, trace, and the text of record when extraction settled it. The
    /// date, title, source and url extraction found (on the page, or the date in the text) fill only what is still
    /// empty: the caller's metadata, stored when the article was added, wins.
    /// </summary>
    void Update(string id, ArticleStatus status, string? error = null, int? factCount = null, string? text = null, string? published = null,
        string? traceId = null, string? title = null, string? source = null, string? url = null);

    /// <summary>Articles in ingest order (optionally of one status), after the article <paramref name="afterId"/> when given.</summary>
    IReadOnlyList<StoredArticle> List(ArticleStatus? status, int limit, string? afterId = null);

    ArticleCounts Counts();

    /// <summary>
    /// Claims up to <paramref name="limit"/> due articles (accepted or extracted, due, not leased or lease expired) for
    /// <paramref name="owner"/> until <paramref name="leaseUntil"/>, counting one attempt each. Two claimers never get the
    /// same article while its lease runs (row locks skipped, not waited for, on PostgreSQL).
    /// </summary>
    IReadOnlyList<StoredArticle> Claim(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>
    /// Ends the owner's lease on a processed article: indexed (with its fact count and the version of the extractor that
    /// made them), or parked as failed with the error. A pending re-extraction becomes done or failed with it.
    /// </summary>
    void Finish(string id, string owner, ArticleStatus status, string? error = null, string? extractorVersion = null);

    /// <summary>Ends the owner's lease and makes the article due again at <paramref name="nextAttemptAt"/>, keeping the error.</summary>
    void Reschedule(string id, string owner, string error, DateTimeOffset nextAttemptAt);

    /// <summary>Ends the owner's lease without counting the attempt (the worker stopped before finishing, e.g. at shutdown).</summary>
    void Release(string id, string owner);

    /// <summary>
    /// Ends every lease: the articles they held are claimable at once. Only for a store with a single ingestion process
    /// (the embedded SQLite file), called when that process starts: any lease in it was its own before a crash.
    /// </summary>
    int ReleaseAllLeases();

    /// <summary>
    /// Puts failed articles (the given ones, or all when <paramref name="ids"/> is empty) back in the queue with fresh
    /// attempts; returns how many. A failed re-extraction becomes pending again.
    /// </summary>
    int Retry(IReadOnlyCollection<string> ids, DateTimeOffset now);

    /// <summary>
    /// Marks settled articles (indexed or failed; the given ones, or all when <paramref name="ids"/> is empty) for
    /// re-extraction: each is queued again, due at <paramref name="now"/> with fresh attempts, its re-extraction pending.
    /// Articles already waiting (new ones, or re-extractions not yet done) are left alone, so a second call while the
    /// first one's work is under way queues nothing. Returns how many were marked.
    /// </summary>
    int MarkForReextraction(IReadOnlyCollection<string> ids, DateTimeOffset now);

    /// <summary>The ids of the articles whose re-extraction is pending, in ingest order.</summary>
    IReadOnlyList<string> PendingReextractions();

    /// <summary>The state of each of the given articles (without its text), in ingest order; unknown ids are left out.</summary>
    IReadOnlyList<ArticleState> States(IReadOnlyCollection<string> ids);

    /// <summary>Removes the article; false when there was none.</summary>
    bool Delete(string id);
}

public sealed class ArticleConflictException(string id)
    : Exception($"document id '{id}' is already used by different content");
