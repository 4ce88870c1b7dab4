using Dossier.Domain;

namespace Dossier.Store;

/// <summary>The article metadata the knowledge store keeps beside its facts.</summary>
public sealed record ArticleInfo
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string Title { get; init; } = "";
    public string? Published { get; init; }
    public string Source { get; init; } = "";
    public string Url { get; init; } = "";
    public string TraceId { get; init; } = "";
}

/// <summary>How many facts of each kind an article has.</summary>
public sealed record FactCounts(
    int Countries, int People, int Organizations, int Meetings, int MemberCounts,
    int NewMembers, int Money, int Quotes, int AttackStats)
{
    public int Total => Countries + People + Organizations + Meetings + MemberCounts + NewMembers + Money + Quotes + AttackStats;

    public static FactCounts Of(DocumentFacts f) => new(
        f.Countries.Count, f.People.Count, f.Organizations.Count, f.Meetings.Count, f.MemberCounts.Count,
        f.NewMembers.Count, f.Money.Count, f.Quotes.Count, f.AttackStats.Count);

    public int[] ToArray() => [Countries, People, Organizations, Meetings, MemberCounts, NewMembers, Money, Quotes, AttackStats];

    public static FactCounts FromArray(int[] c) => new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
}

/// <summary>An indexed article as lists show it.</summary>
public sealed record ArticleSummary(
    string Id, string Title, string? Published, string Source, string Url, bool Relevant,
    FactCounts Counts, string TraceId, DateTimeOffset IndexedAt, string ExtractorVersion, string Preview)
{
    /// <summary>The canonical (first-seen) article of the story this one reprints; null for a canonical article.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>How many articles tell this story (near-duplicates of one another), this one included.</summary>
    public int ClusterSize { get; init; } = 1;
}

/// <summary>An indexed article with its text, facts and highlightable annotations.</summary>
/// <param name="Cluster">The other articles of its cluster of near-duplicates (the same story from other outlets), first seen first.</param>
public sealed record IndexedArticle(ArticleSummary Summary, string Text, DocumentFacts Facts, IReadOnlyList<Annotation> Annotations)
{
    public IReadOnlyList<ArticleSummary> Cluster { get; init; } = [];
}

/// <summary>A search result: the article, a plain fragment of its text, the matched words in it, and its relevance (higher is better).</summary>
/// <param name="Highlights">The matched words: half-open <c>[Start, End)</c> ranges of UTF-16 code units in <paramref name="Snippet"/>, in order.</param>
public sealed record SearchHit(ArticleSummary Article, string Snippet, IReadOnlyList<TextSpan> Highlights, double Score);

/// <summary>One page of results and the offset of the next page, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? NextOffset, int Total);

/// <summary>A query the store cannot take: the caller's mistake.</summary>
public sealed class InvalidQueryException(string message) : Exception(message);

/// <summary>
/// What query knows: indexed articles, their facts, and the knowledge merged across them — canonical entities,
/// events with all their sources, and claims over time. Every engine passes the same store test suite. Reads are
/// asynchronous: a cancelled token (a caller's deadline) cancels the query (on PostgreSQL the running command; on SQLite,
/// whose driver runs synchronously underneath, before the work starts).
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>The engine's name (sqlite, postgresql).</summary>
    string Engine { get; }

    /// <summary>
    /// Stores the article's facts, replacing earlier ones and everything derived from them. True when it replaced.
    /// <paramref name="ct"/> cancels the wait for the writer and, where the engine allows, the write itself (rolled back).
    /// </summary>
    Task<bool> IndexAsync(ArticleInfo article, DocumentFacts facts, CancellationToken ct = default);

    /// <summary>Removes an article and everything derived from it (mentions, event sources, claims); false when it was not there.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Stores several articles as that many <see cref="IndexAsync"/> calls would, in order (a later copy of an id replaces
    /// an earlier one), in as few transactions as the engine allows. An article that fails is rolled back alone and its
    /// error thrown once the others are stored. True for each article that replaced earlier facts.
    /// </summary>
    Task<IReadOnlyList<bool>> IndexManyAsync(IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)> articles, CancellationToken ct = default);

    Task<Page<ArticleSummary>> ListAsync(int offset, int limit, CancellationToken ct = default);

    Task<IndexedArticle?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Matching articles, best first, with highlighted snippets. The page's <see cref="Page{T}.Total"/> is exact while the
    /// matches fit the engine's ranking window and a lower bound beyond it (matches are not counted in full).
    /// </summary>
    Task<Page<SearchHit>> SearchAsync(SearchQuery query, int offset, int limit, CancellationToken ct = default);

    Task<Page<EntitySummary>> ListEntitiesAsync(EntityQuery query, int offset, int limit, CancellationToken ct = default);

    Task<EntityDetail?> GetEntityAsync(string id, CancellationToken ct = default);

    Task<Page<EventSummary>> ListEventsAsync(EventQuery query, int offset, int limit, CancellationToken ct = default);

    Task<EventDetail?> GetEventAsync(string id, CancellationToken ct = default);

    Task<ClaimTimeline> GetClaimTimelineAsync(string kind, CancellationToken ct = default);

    /// <summary>Every article's facts, in id order, read as they are enumerated; the token (or the enumerator's) cancels the read.</summary>
    IAsyncEnumerable<DocumentFacts> ExportFactsAsync(CancellationToken ct = default);

    Task<StoreTotals> TotalsAsync(CancellationToken ct = default);
}

public static class KnowledgeStoreExtensions
{
    public static Task<Page<SearchHit>> SearchAsync(this IKnowledgeStore store, string text, int offset, int limit, CancellationToken ct = default) =>
        store.SearchAsync(new SearchQuery(text), offset, limit, ct);
}
