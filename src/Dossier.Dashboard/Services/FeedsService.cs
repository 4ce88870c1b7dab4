using Dossier.Contracts.V1;

namespace Dossier.Dashboard.Services;

/// <summary>Ingestion's feed subscriptions, as the feeds page shows them.</summary>
public sealed class FeedsService(FeedService.FeedServiceClient client)
{
    public async Task<IReadOnlyList<FeedRow>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.ListFeedsAsync(new ListFeedsRequest(), cancellationToken: cancellationToken);
        return list.Feeds.Select(f => new FeedRow(
            f.Id, f.Url, f.Title, f.IntervalSeconds, f.LastPollAt?.ToDateTimeOffset(), f.LastSuccessAt?.ToDateTimeOffset(),
            f.NextPollAt?.ToDateTimeOffset(), f.ItemsFound, f.ItemsIngested, f.LastError, f.Failures)).ToList();
    }
}

public sealed record FeedRow(
    string Id, string Url, string Title, int IntervalSeconds, DateTimeOffset? LastPollAt, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? NextPollAt, int ItemsFound, int ItemsIngested, string LastError, int Failures);
