using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.LoadTest;

/// <summary>
/// One bulk-ingest stream: writes articles (at most <c>window</c> unacknowledged), times each from write to receipt,
/// and on RESOURCE_EXHAUSTED ("from sequence N") backs off (200 ms doubling to 2 s) and resends, on a new call, every
/// article that got no receipt. Any other failure is an error; its unacknowledged articles are resent too.
/// </summary>
public sealed partial class IngestStreamWorker(
    IngestionService.IngestionServiceClient client, Metadata headers, ArticleSource articles, LoadMetrics metrics, int window)
{
    public const string Call = "IngestStream";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly Queue<IngestRequest> _resend = new();

    /// <summary>Articles written but never acknowledged (refused by backpressure when the load stopped).</summary>
    public int Unacknowledged => _resend.Count;

    /// <summary>Writes until <paramref name="stop"/>, then waits for the last receipts; <paramref name="abort"/> ends everything.</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var backoff = FirstBackoff;
        while (!stop.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            var outcome = await OneCallAsync(stop, abort);
            if (outcome == CallOutcome.Progressed)
            {
                backoff = FirstBackoff;
            }

            if (outcome != CallOutcome.Ended || !stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private enum CallOutcome
    {
        /// <summary>The stream was completed normally (the load stopped).</summary>
        Ended,

        /// <summary>The stream failed after at least one receipt.</summary>
        Progressed,

        /// <summary>The stream failed before any receipt.</summary>
        Failed,
    }

    private async Task<CallOutcome> OneCallAsync(CancellationToken stop, CancellationToken abort)
    {
        using var call = client.IngestStream(headers, cancellationToken: abort);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        using var slots = new SemaphoreSlim(window);
        var inFlight = new ConcurrentQueue<(IngestRequest Request, long Written)>();
        var receipts = 0;
        RpcException? error = null;

        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var receipt in call.ResponseStream.ReadAllAsync(abort))
                {
                    var now = Stopwatch.GetTimestamp();
                    if (!inFlight.TryDequeue(out var sent))
                    {
                        metrics.Error(Call, "receipt without request");
                        continue;
                    }

                    slots.Release();
                    if (receipt.Sequence != receipts)
                    {
                        metrics.Error(Call, "receipt out of order");
                    }

                    receipts++;
                    metrics.Record(Call, Stopwatch.GetElapsedTime(sent.Written, now).TotalMilliseconds);
                    switch (receipt.Status)
                    {
                        case DocumentStatus.Rejected:
                            metrics.Error(Call, "REJECTED");
                            break;
                        case DocumentStatus.Unspecified or DocumentStatus.Failed:
                            metrics.Error(Call, receipt.Status.ToString().ToUpperInvariant());
                            break;
                        default:
                            if (receipt.Duplicate)
                            {
                                metrics.Duplicate();
                            }
                            else
                            {
                                metrics.Acknowledge();
                            }

                            break;
                    }
                }
            }
            catch (RpcException e)
            {
                error = e;
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                // Unblocks the writer: nothing more will be acknowledged on this call.
                await failed.CancelAsync();
            }
        }, CancellationToken.None);

        try
        {
            while (!failed.IsCancellationRequested)
            {
                await slots.WaitAsync(failed.Token);
                var request = _resend.Count > 0 ? _resend.Dequeue() : articles.Next();
                inFlight.Enqueue((request, Stopwatch.GetTimestamp()));

                // Not cancelled by the end of the load: cancelling a write cancels the whole call, and the articles
                // in flight would lose their receipts. The end of the load stops the loop at the next wait instead.
                await call.RequestStream.WriteAsync(request, abort);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The call already ended; the reader has (or will have) its status.
        }

        if (stop.IsCancellationRequested && error is null)
        {
            try
            {
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException)
            {
            }
        }

        await reader;

        // Whatever got no receipt goes again, in order, on the next call (unless the load is over).
        foreach (var (request, _) in inFlight)
        {
            _resend.Enqueue(request);
        }

        if (error is null)
        {
            return CallOutcome.Ended;
        }

        if (error.StatusCode == StatusCode.ResourceExhausted)
        {
            metrics.BackpressureEvent();
            if (FromSequence(error.Status.Detail) is { } from && from != receipts)
            {
                metrics.Error(Call, $"backpressure from sequence {from} after {receipts} receipts");
            }
        }
        else if (!(error.StatusCode == StatusCode.Cancelled && abort.IsCancellationRequested))
        {
            metrics.Error(Call, error.StatusCode);
        }

        return receipts > 0 ? CallOutcome.Progressed : CallOutcome.Failed;
    }

    private static int? FromSequence(string detail) =>
        SequencePattern().Match(detail) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"from sequence (\d+)")]
    private static partial Regex SequencePattern();
}
