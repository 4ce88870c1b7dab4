using System.Globalization;
using Dossier.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>feeds add URL [--interval S]</c>, <c>feeds list</c>, <c>feeds remove ID</c>, <c>feeds poll ID</c>: ingestion's feed
/// subscriptions (writes send the API key). <c>--json</c> prints the API's JSON.
/// </summary>
public static class FeedCommands
{
    /// <summary><c>feeds add URL [--interval S]</c> (0: ingestion's default interval).</summary>
    public static async Task<int> AddAsync(string url, int interval, bool json, ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var feed = await new FeedService.FeedServiceClient(channel).AddFeedAsync(
            new AddFeedRequest { Url = url, IntervalSeconds = interval }, cancellationToken: cancellationToken);
        Print(json, stdout, feed, () => $"{feed.Id}\t{feed.Url}\tevery {feed.IntervalSeconds} s\t(polled now, then on its interval)");
        return 0;
    }

    /// <summary><c>feeds list</c>.</summary>
    public static async Task<int> ListAsync(bool json, ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var list = await new FeedService.FeedServiceClient(channel).ListFeedsAsync(new ListFeedsRequest(), cancellationToken: cancellationToken);
        Print(json, stdout, list, () => List(list));
        return 0;
    }

    /// <summary><c>feeds remove ID</c>.</summary>
    public static async Task<int> RemoveAsync(string id, bool json, ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var removed = await new FeedService.FeedServiceClient(channel).RemoveFeedAsync(new RemoveFeedRequest { Id = id }, cancellationToken: cancellationToken);
        Print(json, stdout, removed, () => $"{removed.Id} removed (its articles stay)");
        return 0;
    }

    /// <summary><c>feeds poll ID</c>: 1 when the poll failed.</summary>
    public static async Task<int> PollAsync(string id, bool json, ServerOptions server, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(server, Servers.Ingestion);
        var polled = await new FeedService.FeedServiceClient(channel).PollFeedAsync(new PollFeedRequest { Id = id }, cancellationToken: cancellationToken);
        Print(json, stdout, polled, () => Poll(polled));
        return polled.Error.Length == 0 ? 0 : 1;
    }

    private static void Print(bool json, TextWriter stdout, Google.Protobuf.IMessage message, Func<string> table) =>
        stdout.WriteLine(json ? Google.Protobuf.JsonFormatter.Default.Format(message) : table());

    private static string List(ListFeedsResponse list)
    {
        if (list.Feeds.Count == 0)
        {
            return "no feeds (dossier feeds add URL)";
        }

        var lines = new List<string> { "id\turl\tlast poll\tnext poll\titems (ingested)\tlast error" };
        lines.AddRange(list.Feeds.Select(f =>
            $"{f.Id}\t{f.Url}\t{Time(f.LastPollAt)}\t{Time(f.NextPollAt)}\t{f.ItemsFound} ({f.ItemsIngested})\t" +
            (f.LastError.Length > 0 ? $"{f.LastError} ({f.Failures} failures in a row)" : "")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Poll(PollFeedResponse p)
    {
        if (p.Error.Length > 0 && p.Items == 0)
        {
            return $"{p.Feed.Id}: poll failed: {p.Error}; next poll {Time(p.Feed.NextPollAt)}";
        }

        var head = p.NotModified
            ? $"{p.Feed.Id}: not modified"
            : $"{p.Feed.Id}: {p.Items} items, {p.NewItems} new";
        var lines = new List<string> { head };
        lines.AddRange(p.Receipts.Select(r => r.Status == DocumentStatus.Rejected
            ? $"  not ingested: {r.Error}"
            : $"  {r.DocumentId}{(r.Duplicate ? " (already stored)" : "")}"));
        if (p.Error.Length > 0)
        {
            lines.Add($"  {p.Error}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Time(Timestamp? t) =>
        t is null ? "-" : t.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
