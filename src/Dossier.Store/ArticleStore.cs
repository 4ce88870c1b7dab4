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
}

/// <summary>The outcome of <see cref="IArticleStore.Add"/>.</summary>
/// <param name="Article">The stored article: the new one, or the one already there.</param>
/// <param name="Duplicate">True when nothing new was stored.</param>
public sealed record AddResult(StoredArticle Article, bool Duplicate);

/// <summary>How many articles are in each state.</summary>
public sealed record ArticleCounts(int Accepted, int Extracted, int Indexed, int Failed)
{
    /// <summary>Acknowledged but not yet indexed nor parked: the work queue's length.</summary>
    public int Pending => Accepted + Extracted;

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

    /// <summary>The ids of every stored article, in ingest order.</summary>
    IReadOnlyList<string> Ids();

    /// <summary>Articles in ingest order (optionally of one status), after the article <paramref name="afterId"/> when given.</summary>
    IReadOnlyList<StoredArticle> List(ArticleStatus? status, int limit, string? afterId = null);

    ArticleCounts Counts();

    /// <summary>
    /// Claims up to <paramref name="limit"/> due articles (accepted or extracted, due, not leased or lease expired) for
    /// <paramref name="owner"/> until <paramref name="leaseUntil"/>, counting one attempt each. Two claimers never get the
    /// same article while its lease runs (row locks skipped, not waited for, on PostgreSQL).
    /// </summary>
    IReadOnlyList<StoredArticle> Claim(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>Ends the owner's lease on a processed article: indexed (with its fact count), or parked as failed with the error.</summary>
    void Finish(string id, string owner, ArticleStatus status, string? error = null);

    /// <summary>Ends the owner's lease and makes the article due again at <paramref name="nextAttemptAt"/>, keeping the error.</summary>
    void Reschedule(string id, string owner, string error, DateTimeOffset nextAttemptAt);

    /// <summary>Ends the owner's lease without counting the attempt (the worker stopped before finishing, e.g. at shutdown).</summary>
    void Release(string id, string owner);

    /// <summary>
    /// Ends every lease: the articles they held are claimable at once. Only for a store with a single ingestion process
    /// (the embedded SQLite file), called when that process starts: any lease in it was its own before a crash.
    /// </summary>
    int ReleaseAllLeases();

    /// <summary>Puts failed articles (the given ones, or all when <paramref name="ids"/> is empty) back in the queue with fresh attempts; returns how many.</summary>
    int Retry(IReadOnlyCollection<string> ids, DateTimeOffset now);

    /// <summary>Removes the article; false when there was none.</summary>
    bool Delete(string id);
}

public sealed class ArticleConflictException(string id)
    : Exception($"document id '{id}' is already used by different content");
