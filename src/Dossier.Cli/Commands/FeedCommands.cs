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
    public static async Task<int> RunAsync(Args args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var verb = args.Positional.FirstOrDefault() ?? throw new UsageException("feeds needs add, list, remove or poll");
        var operand = args.Positional.Skip(1).FirstOrDefault();
        using var channel = Servers.Channel(args, Servers.Ingestion);
        var client = new FeedService.FeedServiceClient(channel);
        switch (verb)
        {
            case "add":
                var interval = args.Get("interval") is { } s
                    ? int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : throw new UsageException("--interval takes seconds")
                    : 0;
                var feed = await client.AddFeedAsync(
                    new AddFeedRequest { Url = operand ?? throw new UsageException("feeds add needs a URL"), IntervalSeconds = interval },
                    cancellationToken: cancellationToken);
                Print(args, stdout, feed, () => $"{feed.Id}\t{feed.Url}\tevery {feed.IntervalSeconds} s\t(polled now, then on its interval)");
                return 0;

            case "list":
                var list = await client.ListFeedsAsync(new ListFeedsRequest(), cancellationToken: cancellationToken);
                Print(args, stdout, list, () => List(list));
                return 0;

            case "remove":
                var removed = await client.RemoveFeedAsync(
                    new RemoveFeedRequest { Id = operand ?? throw new UsageException("feeds remove needs a feed id") }, cancellationToken: cancellationToken);
                Print(args, stdout, removed, () => $"{removed.Id} removed (its articles stay)");
                return 0;

            case "poll":
                var polled = await client.PollFeedAsync(
                    new PollFeedRequest { Id = operand ?? throw new UsageException("feeds poll needs a feed id") }, cancellationToken: cancellationToken);
                Print(args, stdout, polled, () => Poll(polled));
                return polled.Error.Length == 0 ? 0 : 1;

            default:
                throw new UsageException($"unknown feeds command '{verb}' (add, list, remove, poll)");
        }
    }

    private static void Print(Args args, TextWriter stdout, Google.Protobuf.IMessage message, Func<string> table) =>
        stdout.WriteLine(args.Has("json") ? Google.Protobuf.JsonFormatter.Default.Format(message) : table());

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
