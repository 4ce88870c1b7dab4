using System.Diagnostics;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.LoadTest;

/// <summary>Polls ingestion's GetQueueStatus once a second: indexed and pending over time.</summary>
public sealed class QueueMonitor(IngestionService.IngestionServiceClient client, LoadMetrics metrics)
{
    private readonly Lock _lock = new();
    private QueueStatus? _last;
    private int _maxPending;

    public QueueStatus? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    public int MaxPending
    {
        get
        {
            lock (_lock)
            {
                return _maxPending;
            }
        }
    }

    public async Task<QueueStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = await client.GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        metrics.Record("GetQueueStatus", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        lock (_lock)
        {
            _last = status;
            _maxPending = Math.Max(_maxPending, status.Pending);
        }

        return status;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await ReadAsync(stop);
                }
                catch (RpcException e) when (!stop.IsCancellationRequested)
                {
                    metrics.Error("GetQueueStatus", e.StatusCode);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RpcException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits (polling every 500 ms) until nothing is pending, or the timeout; returns how long it took, or null.</summary>
    public async Task<TimeSpan?> WaitDrainedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await ReadAsync(cancellationToken)).Pending == 0)
                {
                    return clock.Elapsed;
                }
            }
            catch (RpcException e)
            {
                metrics.Error("GetQueueStatus", e.StatusCode);
            }

            if (clock.Elapsed >= timeout)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
