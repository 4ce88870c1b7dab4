using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Feeds;

/// <summary>Politeness: requests of this replica to one host are at least <see cref="FeedOptions.HostInterval"/> apart.</summary>
public sealed class HostThrottle(IOptions<FeedOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Turn> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until a request to <paramref name="host"/> may go, and books that moment.</summary>
    public async Task WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        var turn = _hosts.GetOrAdd(host, _ => new Turn());
        await turn.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = turn.Last + options.Value.HostInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            turn.Last = time.GetUtcNow();
        }
        finally
        {
            turn.Gate.Release();
        }
    }

    private sealed class Turn
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;
    }
}
