using System.Runtime.CompilerServices;
using Dossier.Store;

namespace Dossier.Ingestion;

/// <summary>The articles one re-extraction request follows, and how many of them it queued (the others were already waiting).</summary>
public sealed record ReextractionRequest(IReadOnlyList<string> Ids, int Queued);

/// <summary>
/// Re-extraction through the durable queue: a request marks the selected settled articles in the store (each queued
/// again as a new attempt that workers lease like any other; their old facts stay indexed until the new ones replace
/// them), and its progress is read back from the store. Nothing runs inline, so nothing races a worker, a transient
/// failure is retried like any attempt, and the marks survive a restart.
/// </summary>
public sealed class Reextraction(IArticleStore store, WorkQueue queue, TimeProvider time, ILogger<Reextraction> logger)
{
    /// <summary>The longest wait between two readings of the store while following a request.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Marks the given articles (or all when <paramref name="ids"/> is empty) for re-extraction and returns the ones to
    /// follow: the given ids (an article still waiting is followed until it settles: it is extracted by the current
    /// extractor anyway), or every article whose re-extraction is pending. NOT_FOUND for an unknown id (nothing marked).
    /// </summary>
    public ReextractionRequest Request(IReadOnlyCollection<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        // One query for all of them, without their texts.
        var known = store.States(distinct).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (distinct.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw GrpcErrors.NotFound($"document '{unknown}'");
        }

        var queued = store.MarkForReextraction(distinct, time.GetUtcNow());
        if (queued > 0)
        {
            queue.Wake();
        }

        var followed = distinct.Count > 0 ? distinct : store.PendingReextractions();
        logger.LogInformation("Re-extraction requested for {Count} articles ({Queued} queued now, the others already waiting)", followed.Count, queued);
        return new ReextractionRequest(followed, queued);
    }

    /// <summary>Each of the articles once it is settled (indexed or failed), as it then is, until all are (or the token ends).</summary>
    public async IAsyncEnumerable<ArticleState> FollowAsync(IReadOnlyList<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var waiting = new HashSet<string>(ids, StringComparer.Ordinal);
        while (waiting.Count > 0)
        {
            var states = store.States(waiting);

            // An article deleted meanwhile has nothing left to wait for.
            waiting.IntersectWith(states.Select(s => s.Id));
            foreach (var state in states.Where(s => s.Status is ArticleStatus.Indexed or ArticleStatus.Failed))
            {
                waiting.Remove(state.Id);
                yield return state;
            }

            if (waiting.Count == 0)
            {
                yield break;
            }

            // Woken when this replica settles an article (what other replicas settle is seen at the next reading), then a
            // moment more so that a burst of settled articles is read at once.
            await queue.WaitAnySettledAsync(PollInterval, cancellationToken);
            await Task.Delay(Debounce, time, cancellationToken);
        }
    }
}
