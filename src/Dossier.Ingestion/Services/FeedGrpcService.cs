using System.Security.Cryptography;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Ingestion.Feeds;
using Dossier.Store;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Services;

/// <summary>gRPC front of the feed subscriptions (<see cref="IFeedStore"/>) and of <see cref="FeedPoll"/>. Writes need the API key.</summary>
public sealed class FeedGrpcService(
    IFeedStore feeds,
    FeedPoll poll,
    FeedSchedule schedule,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedGrpcService> logger) : FeedService.FeedServiceBase
{
    [RequiresApiKey]
    public override Task<Feed> AddFeed(AddFeedRequest request, ServerCallContext context)
    {
        var o = options.Value;
        GrpcErrors.ThrowIfInvalid(SafeFetcher.CheckUrl(request.Url, out var uri));
        var interval = request.IntervalSeconds == 0 ? o.DefaultIntervalSeconds : request.IntervalSeconds;
        if (interval < o.MinIntervalSeconds || interval > 7 * 24 * 3600)
        {
            GrpcErrors.ThrowIfInvalid($"interval_seconds must be between {o.MinIntervalSeconds} and {7 * 24 * 3600} (or 0 for the default of {o.DefaultIntervalSeconds}), not {interval}");
        }

        var url = uri!.ToString();
        var (feed, existed) = feeds.Add(IdOf(url), url, interval, time.GetUtcNow());
        schedule.Wake();
        logger.LogInformation("Feed {FeedId} {Url}: {State}, every {Interval} s", feed.Id, url, existed ? "already subscribed" : "subscribed", interval);
        return Task.FromResult(ToProto(feed));
    }

    public override Task<ListFeedsResponse> ListFeeds(ListFeedsRequest request, ServerCallContext context)
    {
        var response = new ListFeedsResponse();
        response.Feeds.AddRange(feeds.List().Select(ToProto));
        return Task.FromResult(response);
    }

    [RequiresApiKey]
    public override Task<RemoveFeedResponse> RemoveFeed(RemoveFeedRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Id) || !feeds.Remove(request.Id))
        {
            throw GrpcErrors.NotFound($"feed '{request.Id}'");
        }

        logger.LogInformation("Feed {FeedId} removed", request.Id);
        return Task.FromResult(new RemoveFeedResponse { Id = request.Id });
    }

    [RequiresApiKey]
    public override async Task<PollFeedResponse> PollFeed(PollFeedRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var feed = string.IsNullOrEmpty(request.Id) ? null : feeds.Claim(request.Id, poll.Owner, now, now + options.Value.Lease);
        if (feed is null)
        {
            throw feeds.Get(request.Id) is null
                ? GrpcErrors.NotFound($"feed '{request.Id}'")
                : new RpcException(new Status(StatusCode.Aborted, $"feed '{request.Id}' is being polled right now; try again in a moment"));
        }

        var result = await poll.PollAsync(feed, context.CancellationToken);
        var response = new PollFeedResponse
        {
            Feed = ToProto(feeds.Get(feed.Id) ?? feed),
            NotModified = result.NotModified,
            Items = result.Items,
            NewItems = result.Receipts.Count,
            Error = result.Error ?? "",
        };
        response.Receipts.AddRange(result.Receipts);
        return response;
    }

    /// <summary>A subscription's id: from its URL, so that replicas adding the same feed at once agree.</summary>
    public static string IdOf(string url) =>
        "feed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..12];

    public static Feed ToProto(FeedSubscription feed)
    {
        var proto = new Feed
        {
            Id = feed.Id, Url = feed.Url, Title = feed.Title, IntervalSeconds = feed.IntervalSeconds,
            CreatedAt = Timestamp.FromDateTimeOffset(feed.CreatedAt), NextPollAt = Timestamp.FromDateTimeOffset(feed.NextPollAt),
            ItemsFound = feed.ItemsFound, ItemsIngested = feed.ItemsIngested, LastError = feed.LastError ?? "", Failures = feed.Failures,
        };
        if (feed.LastPollAt is { } polled)
        {
            proto.LastPollAt = Timestamp.FromDateTimeOffset(polled);
        }

        if (feed.LastSuccessAt is { } succeeded)
        {
            proto.LastSuccessAt = Timestamp.FromDateTimeOffset(succeeded);
        }

        return proto;
    }
}
