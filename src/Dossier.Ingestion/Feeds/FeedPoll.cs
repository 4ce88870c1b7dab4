using Dossier.Contracts.V1;
using Dossier.Store;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Feeds;

/// <summary>What one poll of a feed did.</summary>
public sealed record FeedPollResult(bool NotModified, int Items, IReadOnlyList<IngestReceipt> Receipts, string? Error);

/// <summary>
/// One poll of a feed its caller holds the lease of: a conditional GET; on 304 nothing more; else the feed is parsed
/// and each item new to the subscription (the one poller that inserts its seen row) has its page fetched and handed
/// to the <see cref="Ingestor"/> — the item's title and date as the caller's metadata, its URL as the article's url. The
/// outcome is recorded and the lease ended; a failed poll (fetch, parse, anything) backs off exponentially and never
/// throws. Validators are kept only when every new item was taken, so a 304 never hides an item still to retry.
/// </summary>
public sealed class FeedPoll(
    IFeedStore feeds,
    SafeFetcher fetcher,
    PageIngestor pages,
    Ingestor ingestor,
    WorkQueue queue,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedPoll> logger)
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    /// <summary>The poller's name in leases: this replica's.</summary>
    public string Owner => queue.Owner;

    public async Task<FeedPollResult> PollAsync(FeedSubscription feed, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        using var activity = ArticleProcessor.ActivitySource.StartActivity("feed poll");
        activity?.SetTag("dossier.feed.id", feed.Id);
        activity?.SetTag("dossier.feed.url", feed.Url);
        try
        {
            var fetched = await fetcher.FetchAsync(feed.Url, o.MaxFeedBytes, feed.ETag, feed.LastModified, Accept, cancellationToken);
            if (fetched.NotModified)
            {
                Record(feed, new FeedPollRecord(now, now + Interval(feed), true, null, 0, null, fetched.ETag, fetched.LastModified));
                logger.LogInformation("Feed {FeedId}: not modified", feed.Id);
                return new FeedPollResult(true, 0, [], null);
            }

            var parsed = FeedParser.Parse(fetched.Body, fetched.Url);
            var receipts = new List<IngestReceipt>();
            string? itemError = null;
            var complete = true;
            foreach (var item in parsed.Items)
            {
                if (receipts.Count >= o.MaxItemsPerPoll)
                {
                    complete = false;
                    break;
                }

                var claimedAt = time.GetUtcNow();
                if (!feeds.ClaimItem(feed.Id, item.Key, item.Url, claimedAt, claimedAt + o.Lease, o.MaxItemAttempts))
                {
                    continue;
                }

                var receipt = await IngestItemAsync(feed, item, cancellationToken);
                receipts.Add(receipt);
                if (receipt.Error.Length > 0 && receipt.Status == Contracts.V1.DocumentStatus.Rejected)
                {
                    itemError ??= $"item {item.Url}: {receipt.Error}";
                    complete = false;
                }
            }

            Record(feed, new FeedPollRecord(now, now + Interval(feed), true, itemError, 0, parsed.Title,
                complete ? fetched.ETag : null, complete ? fetched.LastModified : null));
            logger.LogInformation("Feed {FeedId}: {Items} items, {New} new", feed.Id, parsed.Items.Count, receipts.Count);
            return new FeedPollResult(false, parsed.Items.Count, receipts, itemError);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the feed is polled again later.
            throw;
        }
        catch (Exception e)
        {
            var error = e is FetchException or FeedFormatException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            var failures = feed.Failures + 1;
            // The interval doubled after each failure in a row (the first failure waits twice the interval).
            var delay = ExponentialBackoff.Delay(Interval(feed), failures + 1, o.MaxBackoff);
            logger.LogWarning("Feed {FeedId} ({Url}): poll failed ({Error}); {Failures} failures in a row, next poll in {Delay}",
                feed.Id, feed.Url, error, failures, delay);
            Record(feed, new FeedPollRecord(now, now + delay, false, error, failures));
            return new FeedPollResult(false, 0, [], error);
        }
    }

    /// <summary>Fetches and ingests one item's page; a failure is recorded on the item (tried again at a later poll) and in the receipt.</summary>
    private async Task<IngestReceipt> IngestItemAsync(FeedSubscription feed, FeedItem item, CancellationToken cancellationToken)
    {
        string error;
        try
        {
            var command = await pages.FetchAsync(item.Url, title: item.Title, published: item.Published, cancellationToken: cancellationToken);
            var receipt = ingestor.Accept(command);
            feeds.ItemIngested(feed.Id, item.Key, receipt.DocumentId);
            return receipt;
        }
        catch (FetchException e)
        {
            error = e.Message;
        }
        catch (RpcException e)
        {
            error = $"{e.StatusCode}: {e.Status.Detail}";
        }

        logger.LogWarning("Feed {FeedId}: item {Url} not ingested: {Error}", feed.Id, item.Url, error);
        feeds.ItemFailed(feed.Id, item.Key, error, time.GetUtcNow());
        return new IngestReceipt { Status = Contracts.V1.DocumentStatus.Rejected, Error = error };
    }

    private void Record(FeedSubscription feed, FeedPollRecord poll)
    {
        try
        {
            feeds.RecordPoll(feed.Id, Owner, poll);
        }
        catch (Exception e)
        {
            // The lease runs out and the feed is polled again: nothing is lost (seen items stay seen).
            logger.LogError("Could not record the poll of feed {FeedId}: {Error}", feed.Id, e.Message);
        }
    }

    private static TimeSpan Interval(FeedSubscription feed) => TimeSpan.FromSeconds(Math.Max(1, feed.IntervalSeconds));
}
