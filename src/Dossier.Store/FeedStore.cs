namespace Dossier.Store;

/// <summary>A feed subscription and its polling state.</summary>
public sealed record FeedSubscription
{
    public required string Id { get; init; }
    public required string Url { get; init; }

    /// <summary>The feed's own title, once polled.</summary>
    public string Title { get; init; } = "";

    public int IntervalSeconds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastPollAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset NextPollAt { get; init; }
    public string? LastError { get; init; }

    /// <summary>Failed polls in a row.</summary>
    public int Failures { get; init; }

    /// <summary>Distinct items seen in the feed, and those of them ingested.</summary>
    public int ItemsFound { get; init; }

    public int ItemsIngested { get; init; }
}

/// <summary>
/// What one poll of a feed left: when it ran and when the next is due, and either success (the validators of the
/// response, <see cref="Error"/> saying what went wrong with single items) or failure (the error, failures in a row).
/// </summary>
public sealed record FeedPollRecord(
    DateTimeOffset PolledAt, DateTimeOffset NextPollAt, bool Succeeded, string? Error, int Failures,
    string? Title = null, string? ETag = null, string? LastModified = null);

/// <summary>
/// Ingestion's feed subscriptions and the items seen in them, beside its articles (SQLite or PostgreSQL). A feed is
/// polled by one replica at a time (a lease); an item is ingested by the poller that inserts its seen row (insert or
/// ignore), or retried by one that takes it over after a failed attempt. Safe from several threads and replicas.
/// </summary>
public interface IFeedStore
{
    string Engine { get; }

    /// <summary>Subscribes to the URL (due at once); the same URL again keeps its subscription and takes the new interval.</summary>
    (FeedSubscription Feed, bool Existed) Add(string id, string url, int intervalSeconds, DateTimeOffset now);

    FeedSubscription? Get(string id);

    /// <summary>Every subscription, oldest first.</summary>
    IReadOnlyList<FeedSubscription> List();

    /// <summary>Removes the subscription and its seen items (not the articles ingested from it); false when there was none.</summary>
    bool Remove(string id);

    /// <summary>Takes up to <paramref name="limit"/> due feeds no one else is polling, for <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
    IReadOnlyList<FeedSubscription> ClaimDue(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>Takes one feed (due or not) unless another poller holds it; null when it is held or does not exist.</summary>
    FeedSubscription? Claim(string id, string owner, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>Records the owner's poll and ends its lease.</summary>
    void RecordPoll(string id, string owner, FeedPollRecord poll);

    /// <summary>
    /// True when the caller is to ingest the item: it inserted the item's seen row, or took over an item whose earlier
    /// attempts failed (fewer than <paramref name="maxAttempts"/>, not being tried by anyone now).
    /// </summary>
    bool ClaimItem(string feedId, string itemKey, string url, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts);

    /// <summary>The item's page was ingested as <paramref name="documentId"/>: it is never ingested again.</summary>
    void ItemIngested(string feedId, string itemKey, string documentId);

    /// <summary>The item's page could not be ingested; the next poll may try it again.</summary>
    void ItemFailed(string feedId, string itemKey, string error, DateTimeOffset now);

    /// <summary>Ends every feed lease (embedded SQLite only, at start: any lease was this process's before a crash).</summary>
    int ReleaseAllLeases();
}
