using System.Diagnostics;
using Dossier.Store;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

/// <summary>
/// Works the durable queue: claims due articles under a lease (as many as it has free workers), processes each, and
/// records the outcome — indexed; or due again after an exponential back-off with jitter; or, after the last allowed
/// attempt or a permanent error, parked as failed with its error. When a service is unreachable every worker pauses
/// (the pause doubles while the outage lasts). On the embedded store it first takes back the leases a crash left.
/// </summary>
public sealed class IngestionWorker(
    IArticleStore store,
    ArticleProcessor processor,
    WorkQueue queue,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (o.Workers <= 0)
        {
            logger.LogWarning("Ingestion workers are off (Dossier:Ingestion:Workers = {Workers}): articles are stored but not processed", o.Workers);
            return;
        }

        if (store.Engine == "sqlite")
        {
            var released = store.ReleaseAllLeases();
            if (released > 0)
            {
                logger.LogInformation("Resumed {Count} articles that were being processed when ingestion last stopped", released);
            }
        }

        var counts = store.Counts();
        queue.Recount();
        logger.LogInformation("Ingestion queue: {Pending} articles to process, {Failed} parked; {Workers} workers",
            counts.Pending, counts.Failed, o.Workers);

        using var slots = new SemaphoreSlim(o.Workers, o.Workers);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var pause = queue.PauseLeft();
                if (pause > TimeSpan.Zero)
                {
                    slots.Release();
                    await Task.Delay(pause, time, stoppingToken);
                    continue;
                }

                var free = 1;
                while (slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                var now = time.GetUtcNow();
                IReadOnlyList<StoredArticle> claimed;
                try
                {
                    claimed = store.Claim(queue.Owner, free, now, now + o.Lease);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store itself is failing (locked, gone): say so, and try again later rather than crash.
                    slots.Release(free);
                    logger.LogError("Cannot claim work from the article store: {Error}", e.Message);
                    await Task.Delay(o.RetryMaxDelay / 4, time, stoppingToken);
                    continue;
                }

                if (free > claimed.Count)
                {
                    slots.Release(free - claimed.Count);
                }

                // At most Workers tasks run; drop the finished ones here, or a queue that never empties keeps them all.
                running.RemoveWhere(t => t.IsCompleted);
                if (claimed.Count == 0)
                {
                    await queue.WaitForWorkAsync(stoppingToken);
                    if (queue.Busy == 0)
                    {
                        queue.Recount();
                    }

                    continue;
                }

                foreach (var article in claimed)
                {
                    running.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await ProcessAsync(article, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(StoredArticle article, CancellationToken stoppingToken)
    {
        queue.Started();
        using var activity = ArticleProcessor.ActivitySource.StartActivity("process", ActivityKind.Internal);
        activity?.SetTag("dossier.document.id", article.Id);
        activity?.SetTag("dossier.attempt", article.Attempts);
        if (article.Reextract == ReextractState.Pending)
        {
            activity?.SetTag("dossier.reextract", true);
        }

        var traceId = activity?.TraceId.ToHexString() ?? article.TraceId;
        try
        {
            var attempt = await processor.ProcessAsync(article, traceId, stoppingToken);
            Record(article, attempt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-attempt: give the article back uncounted; the next start takes it up again.
            TryStore(() => store.Release(article.Id, queue.Owner), article.Id);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Processing document {DocumentId} failed unexpectedly", article.Id);
            Record(article, new Attempt(Outcome.Transient, $"{e.GetType().Name}: {e.Message}"));
        }
        finally
        {
            queue.Stopped();
        }
    }

    private void Record(StoredArticle article, Attempt attempt)
    {
        var o = options.Value;
        var counted = article.Reextract != ReextractState.Pending;
        switch (attempt.Outcome)
        {
            case Outcome.Indexed:
                queue.Resume();
                TryStore(() => store.Finish(article.Id, queue.Owner, ArticleStatus.Indexed, extractorVersion: attempt.ExtractorVersion), article.Id);
                queue.Settled(article.Id, counted);
                return;

            case Outcome.Transient when attempt.ExtractionDeadline && RanPastTheDeadlineBefore(article):
                // The second extraction in a row that ran past its deadline: the article is too slow to extract, and
                // further attempts would only spend a deadline each (DEADLINE_EXCEEDED is otherwise transient).
                var slow = $"{attempt.Error}, twice in a row (parked after {article.Attempts} attempts)";
                logger.LogWarning("Document {DocumentId} parked as failed: {Error}", article.Id, slow);
                TryStore(() => store.Finish(article.Id, queue.Owner, ArticleStatus.Failed, slow), article.Id);
                queue.Settled(article.Id, counted);
                return;

            case Outcome.Transient when article.Attempts < o.MaxAttempts:
                if (attempt.Unreachable)
                {
                    queue.Pause(attempt.Error ?? "a service is unreachable");
                }

                // Base × 2^(attempt − 1), capped, ±25 % so that retries of many articles do not arrive together.
                var delay = ExponentialBackoff.Delay(o.RetryBaseDelay, article.Attempts, o.RetryMaxDelay, jitter: 0.25);
                logger.LogWarning("Document {DocumentId}: attempt {Attempt} of {MaxAttempts} failed ({Error}); next in {Delay:F1} s",
                    article.Id, article.Attempts, o.MaxAttempts, attempt.Error, delay.TotalSeconds);
                TryStore(() => store.Reschedule(article.Id, queue.Owner, attempt.Error ?? "", time.GetUtcNow() + delay), article.Id);
                return;

            default:
                var why = attempt.Outcome == Outcome.Permanent
                    ? attempt.Error
                    : $"{attempt.Error} (gave up after {article.Attempts} attempts)";
                logger.LogWarning("Document {DocumentId} parked as failed: {Error}", article.Id, why);
                TryStore(() => store.Finish(article.Id, queue.Owner, ArticleStatus.Failed, why), article.Id);
                queue.Settled(article.Id, counted);
                return;
        }
    }

    /// <summary>Whether the attempt before this one ended with its extraction past the deadline (its error is kept with the article).</summary>
    private static bool RanPastTheDeadlineBefore(StoredArticle article) =>
        article.Error?.StartsWith(Attempt.ExtractionDeadlinePrefix, StringComparison.Ordinal) == true;

    private void TryStore(Action write, string id)
    {
        try
        {
            write();
        }
        catch (Exception e)
        {
            // The lease runs out and another attempt follows: nothing is lost.
            logger.LogError("Could not record the outcome for document {DocumentId}: {Error}", id, e.Message);
        }
    }
}
