using System.Collections.Concurrent;
using Dossier.Store;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

/// <summary>
/// The in-process side of the durable queue (the queue itself is the article store): wakes workers when articles
/// arrive, wakes callers waiting for an article to settle, keeps the pending count for backpressure, and holds the
/// pause that stops every worker while a service is unreachable (so an outage does not burn every article's attempts).
/// </summary>
public sealed class WorkQueue(IArticleStore store, IOptions<IngestionOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _work = new(0, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _settled = new(StringComparer.Ordinal);
    private readonly Lock _pauseLock = new();
    private int _pending = -1;
    private TaskCompletionSource _anySettled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _pause;

    /// <summary>The worker's name in leases: host and process, unique per replica.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Pending new articles (acknowledged, not yet indexed or parked), as last counted plus those added since.
    /// Re-extractions wait in the same queue but are not counted: re-extracting a large store does not refuse ingests.
    /// </summary>
    public int Pending => _pending >= 0 ? _pending : Recount();

    public int Recount() => _pending = store.Counts().NewPending;

    /// <summary>Refuses new work when the queue is full.</summary>
    public bool IsFull => Pending >= options.Value.MaxPending;

    public DateTimeOffset PausedUntil { get; private set; }

    public string PausedReason { get; private set; } = "";

    private int _busy;

    /// <summary>Workers processing an article right now.</summary>
    public int Busy => _busy;

    public void Started() => Interlocked.Increment(ref _busy);

    public void Stopped() => Interlocked.Decrement(ref _busy);

    /// <summary>Articles were stored (or put back): count them and wake a worker.</summary>
    public void Added(int count = 1)
    {
        Interlocked.Add(ref _pending, count);
        Wake();
    }

    public void Wake()
    {
        try
        {
            if (_work.CurrentCount == 0)
            {
                _work.Release();
            }
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for new work or the poll interval, whichever comes first.</summary>
    public Task WaitForWorkAsync(CancellationToken cancellationToken) =>
        _work.WaitAsync(options.Value.PollInterval, cancellationToken);

    /// <summary>
    /// An article reached indexed or failed: wake whoever waits for it (or for any article). <paramref name="counted"/>:
    /// whether it was in <see cref="Pending"/> (a re-extraction is not).
    /// </summary>
    public void Settled(string id, bool counted = true)
    {
        if (counted)
        {
            Interlocked.Decrement(ref _pending);
        }

        if (_settled.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult();
        }

        Interlocked.Exchange(ref _anySettled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// Waits until this replica settles any article, or <paramref name="timeout"/> passes (what another replica settles
    /// is only seen by reading the store again).
    /// </summary>
    public async Task WaitAnySettledAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _anySettled).Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Waits until the article is indexed or failed (or the token ends), and returns it as it then is. Settlement by
    /// another replica is seen by polling the store.
    /// </summary>
    public async Task<StoredArticle?> WaitSettledAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var waiter = _settled.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var article = store.Get(id);
            if (article is null || article.Status is ArticleStatus.Indexed or ArticleStatus.Failed || cancellationToken.IsCancellationRequested)
            {
                return article;
            }

            try
            {
                await waiter.Task.WaitAsync(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return store.Get(id);
            }
        }
    }

    /// <summary>A service could not be reached: pause every worker, twice as long as last time (up to the retry maximum).</summary>
    public void Pause(string reason)
    {
        lock (_pauseLock)
        {
            var o = options.Value;
            _pause = _pause == TimeSpan.Zero ? o.RetryBaseDelay : TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, o.RetryMaxDelay.Ticks));
            var until = time.GetUtcNow() + _pause;
            if (until > PausedUntil)
            {
                PausedUntil = until;
                PausedReason = reason;
            }
        }
    }

    /// <summary>A call went through: the services are back.</summary>
    public void Resume()
    {
        if (_pause == TimeSpan.Zero)
        {
            return;
        }

        lock (_pauseLock)
        {
            _pause = TimeSpan.Zero;
            PausedUntil = default;
            PausedReason = "";
        }
    }

    /// <summary>How long workers should still wait before claiming, or zero.</summary>
    public TimeSpan PauseLeft()
    {
        var left = PausedUntil - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
