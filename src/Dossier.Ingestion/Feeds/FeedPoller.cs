using Dossier.Store;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Feeds;

/// <summary>
/// Polls due feeds in the background: claims up to <see cref="FeedOptions.Concurrency"/> due feeds under a lease (two
/// replicas never poll one feed at once), polls them, and looks again every <see cref="FeedOptions.PollerTick"/> or when
/// a subscription is added. A poll never throws (its error is recorded on the feed); a failing store is logged and
/// tried again. On the embedded store it first takes back the leases a crash left.
/// </summary>
public sealed class FeedPoller(
    IFeedStore feeds,
    FeedPoll poll,
    FeedSchedule schedule,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (!o.Poller)
        {
            logger.LogInformation("The feed poller is off ({Section}:Poller = false): feeds are polled only when asked", FeedOptions.Section);
            return;
        }

        if (feeds.Engine == "sqlite" && feeds.ReleaseAllLeases() is var released and > 0)
        {
            logger.LogInformation("Resumed {Count} feeds that were being polled when ingestion last stopped", released);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<FeedSubscription> due;
                try
                {
                    var now = time.GetUtcNow();
                    due = feeds.ClaimDue(poll.Owner, Math.Max(1, o.Concurrency), now, now + o.Lease);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError("Cannot read the feed subscriptions: {Error}", e.Message);
                    await Task.Delay(o.PollerTick, time, stoppingToken);
                    continue;
                }

                if (due.Count > 0)
                {
                    await Task.WhenAll(due.Select(feed => poll.PollAsync(feed, stoppingToken)));
                    continue;
                }

                await schedule.WaitAsync(o.PollerTick, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
