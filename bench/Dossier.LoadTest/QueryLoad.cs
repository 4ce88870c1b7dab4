using System.Diagnostics;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.LoadTest;

/// <summary>
/// What queries ask about: entity ids, country codes and surnames the store knows, refreshed as articles get indexed
/// (the store starts empty), plus common words of the corpus.
/// </summary>
public sealed class QueryTargets
{
    private static readonly string[] Words =
        ["ministerial", "Daesh", "stabilization", "\"foreign terrorist fighters\"", "pledged", "Sahel", "cryptocurrency", "communiqué", "coalition members"];

    private volatile Snapshot _current = new([], [], Words);

    public Snapshot Current => _current;

    public sealed record Snapshot(string[] EntityIds, string[] CountryCodes, string[] SearchTerms);

    /// <summary>Reads the most mentioned entities and people again (every few seconds during the load).</summary>
    public async Task RefreshAsync(QueryService.QueryServiceClient client, LoadMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            var all = await client.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 200 }, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            var people = await client.ListEntitiesAsync(new ListEntitiesRequest { Kind = "person", PageSize = 50 }, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            var ids = all.Entities.Select(e => e.Id).ToArray();
            _current = new Snapshot(
                ids,
                ids.Where(i => i.StartsWith("country:", StringComparison.Ordinal)).Select(i => i[8..]).ToArray(),
                [.. Words, .. people.Entities.Select(e => e.Name.Split(' ')[^1])]);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Error("ListEntities", e.StatusCode);
        }
        catch (RpcException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>One query loop: Search, GetEntity and ListEvents in turn (random arguments from a seeded generator), back to back.</summary>
public sealed class QueryWorker(QueryService.QueryServiceClient client, QueryTargets targets, LoadMetrics metrics, int seed)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        for (var i = random.Next(3); !stop.IsCancellationRequested; i++)
        {
            var known = targets.Current;
            var kind = i % 3;
            if (kind == 1 && known.EntityIds.Length == 0)
            {
                kind = 0;
            }

            var (name, call) = kind switch
            {
                0 => ("Search", (Func<Task>)(() => client.SearchAsync(
                    new SearchRequest { Q = Pick(random, known.SearchTerms), PageSize = 20 }, deadline: Deadline(), cancellationToken: stop).ResponseAsync)),
                1 => ("GetEntity", () => client.GetEntityAsync(
                    new GetEntityRequest { Id = Pick(random, known.EntityIds) }, deadline: Deadline(), cancellationToken: stop).ResponseAsync),
                _ => ("ListEvents", () => client.ListEventsAsync(
                    new ListEventsRequest { Country = known.CountryCodes.Length == 0 ? "" : Pick(random, known.CountryCodes), PageSize = 50 },
                    deadline: Deadline(), cancellationToken: stop).ResponseAsync),
            };

            var started = Stopwatch.GetTimestamp();
            try
            {
                await call();
                metrics.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
                // The load ended during this call: neither a sample nor an error.
            }
            catch (RpcException e)
            {
                metrics.Error(name, e.StatusCode);
            }
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
