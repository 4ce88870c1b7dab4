using System.Diagnostics;
using System.Threading.Channels;
using Dossier.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

/// <summary>
/// Hands finished articles to query in batches. Each worker waits here for its own article, while one
/// <c>IndexFactsBatch</c> call carries every article finished since the last call went out (query writes a batch in one
/// transaction: one call and one transaction per article made query's indexing the bottleneck of the whole system).
/// A batch query refuses as a whole for one item (INVALID_ARGUMENT, or an error while storing) is sent again one article
/// at a time, so that only the bad article fails; an unreachable or overloaded query fails every article of the batch,
/// which the workers retry as before. Each item carries its worker's span (traceparent), so query records its indexing
/// in the article's own trace.
/// </summary>
public sealed class QueryIndexer : IAsyncDisposable
{
    /// <summary>The most articles one call carries.</summary>
    public const int MaxBatch = 64;

    private readonly QueryService.QueryServiceClient _query;
    private readonly IOptions<IngestionOptions> _options;
    private readonly ILogger<QueryIndexer> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    public QueryIndexer(QueryService.QueryServiceClient query, IOptions<IngestionOptions> options, ILogger<QueryIndexer> logger)
    {
        _query = query;
        _options = options;
        _logger = logger;
        // The loop must not run in the first caller's execution context: its calls would all join that article's trace.
        _loop = new Lazy<Task>(() =>
        {
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(RunAsync);
            }
        });
    }

    private sealed record Pending(IndexFactsRequest Request)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Indexes the article's facts; throws the <see cref="RpcException"/> query answered for it.</summary>
    public async Task IndexAsync(IndexFactsRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Traceparent) && Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            request.Traceparent = current.Id;
        }

        _ = _loop.Value;
        var pending = new Pending(request);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await SendAsync(batch);
            }
            catch (Exception e)
            {
                // Never lose a waiting worker to an unexpected error: each gets it as its attempt's failure.
                batch.ForEach(p => p.Done.TrySetException(e));
            }
        }
    }

    private async Task SendAsync(List<Pending> batch)
    {
        if (batch.Count == 1)
        {
            await SendOneAsync(batch[0]);
            return;
        }

        // The call's own span links the articles' traces (query adds a span to each of them).
        using var span = ArticleProcessor.ActivitySource.StartActivity(ActivityKind.Internal, links: batch
            .Select(p => ActivityContext.TryParse(p.Request.Traceparent, null, out var context) ? new ActivityLink(context) : default)
            .Where(link => link.Context != default), name: "index batch");
        span?.SetTag("dossier.batch.size", batch.Count);
        try
        {
            await _query.IndexFactsBatchAsync(
                new IndexFactsBatchRequest { Items = { batch.Select(p => p.Request) } },
                deadline: DateTime.UtcNow + _options.Value.CallTimeout);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled
            or StatusCode.ResourceExhausted or StatusCode.Unauthenticated or StatusCode.PermissionDenied))
        {
            _logger.LogWarning("Query refused a batch of {Count} articles ({Status}: {Detail}); sending them one by one",
                batch.Count, e.StatusCode, e.Status.Detail);
            foreach (var pending in batch)
            {
                await SendOneAsync(pending);
            }
        }
        catch (RpcException e)
        {
            batch.ForEach(p => p.Done.TrySetException(e));
        }
    }

    private async Task SendOneAsync(Pending pending)
    {
        // One article alone: the call joins its trace, as if its worker had made it.
        using var span = ActivityContext.TryParse(pending.Request.Traceparent, null, out var parent)
            ? ArticleProcessor.ActivitySource.StartActivity("index", ActivityKind.Internal, parent)
            : null;
        try
        {
            await _query.IndexFactsAsync(pending.Request, deadline: DateTime.UtcNow + _options.Value.CallTimeout);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }
}
