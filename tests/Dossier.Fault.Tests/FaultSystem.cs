using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Fault.Tests;

/// <summary>
/// The three services as child processes over one fresh data folder (SQLite), wired by environment as the app host
/// would: ports, data folder, API key, service discovery entries, fast retries. Logs go to
/// <c>fault-logs/&lt;test&gt;/</c> in the test's output folder; the data folder is deleted at the end.
/// </summary>
internal sealed class FaultSystem : IDisposable
{
    public const string ApiKey = "fault-key-7d1e42";

    /// <summary>The hang guard of every wait: far beyond what a healthy run needs, short of a stuck test run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public FaultSystem(string test)
    {
        Directory.CreateDirectory(DataDir);
        LogDir = Path.Combine(AppContext.BaseDirectory, "fault-logs", test);
        if (Directory.Exists(LogDir))
        {
            Directory.Delete(LogDir, recursive: true);
        }

        var common = new Dictionary<string, string>
        {
            ["Dossier__DataDir"] = DataDir,
            ["Dossier__ApiKey"] = ApiKey,
            ["Dossier__Seeds"] = "off",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        Extraction = new ServiceProcess("extraction", "Dossier.Extraction", LogDir, common);
        Query = new ServiceProcess("query", "Dossier.Query", LogDir, common);
        Ingestion = new ServiceProcess("ingestion", "Dossier.Ingestion", LogDir, new Dictionary<string, string>(common)
        {
            ["services__extraction__grpc__0"] = Extraction.GrpcAddress,
            ["services__query__grpc__0"] = Query.GrpcAddress,
            ["Dossier__Ingestion__RetryBaseDelay"] = "00:00:00.200",
            ["Dossier__Ingestion__RetryMaxDelay"] = "00:00:02",
            ["Dossier__Ingestion__PollInterval"] = "00:00:00.200",
            // An outage must cost retries, never an article: nothing may be parked in these tests.
            ["Dossier__Ingestion__MaxAttempts"] = "1000",
            ["Dossier__Ingestion__Workers"] = "8",
        });
    }

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-fault", Guid.NewGuid().ToString("N"));

    public string LogDir { get; }

    public ServiceProcess Extraction { get; }

    public ServiceProcess Query { get; }

    public ServiceProcess Ingestion { get; }

    public IngestionService.IngestionServiceClient IngestionClient => new(Ingestion.Channel);

    public QueryService.QueryServiceClient QueryClient => new(Query.Channel);

    public static Metadata KeyHeader => new() { { "x-api-key", ApiKey } };

    /// <summary>Starts the services and waits until each answers <c>/health</c> with 200.</summary>
    public async Task StartAsync(params ServiceProcess[] services)
    {
        foreach (var service in services)
        {
            service.Start();
        }

        await Task.WhenAll(services.Select(s => s.WaitForHealthAsync(timeout: Patience)));
    }

    /// <summary>
    /// Streams the articles through <c>IngestStream</c> as a careful client does (at most <paramref name="window"/> requests
    /// without a receipt; with <paramref name="backlog"/>, at most that many acknowledged articles not yet indexed, so
    /// that the stream lasts as long as the processing), calling <paramref name="onReceipt"/> after each receipt with the
    /// count so far. Returns the receipts read, and the error that ended the stream early (null when it completed).
    /// </summary>
    public async Task<(List<IngestReceipt> Receipts, RpcException? Error)> IngestStreamAsync(
        IEnumerable<IngestRequest> requests, Action<int>? onReceipt = null, int window = 100, int? backlog = null)
    {
        // Wait for ready: after a restart the channel may still be backing off from the refused connections of the
        // outage, and a call that does not wait fails at once with Unavailable although the service is back.
        using var call = IngestionClient.IngestStream(new CallOptions(KeyHeader, DateTime.UtcNow + Patience).WithWaitForReady());
        using var inFlight = new SemaphoreSlim(window);
        using var ended = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            try
            {
                var sent = 0;
                foreach (var request in requests)
                {
                    if (backlog is { } most && sent % 100 == 0 && sent > most)
                    {
                        await WaitForIndexedAsync(sent - most, ended.Token);
                    }

                    sent++;
                    await inFlight.WaitAsync(ended.Token);
                    await call.RequestStream.WriteAsync(request, ended.Token);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException or OperationCanceledException)
            {
                // The call ended (the server died): the reader sees why.
            }
        });

        var receipts = new List<IngestReceipt>();
        RpcException? error = null;
        try
        {
            await foreach (var receipt in call.ResponseStream.ReadAllAsync())
            {
                receipts.Add(receipt);
                inFlight.Release();
                onReceipt?.Invoke(receipts.Count);
            }
        }
        catch (RpcException e)
        {
            error = e;
        }

        await ended.CancelAsync();
        await writer;
        return (receipts, error);
    }

    /// <summary>Polls until ingestion has indexed at least <paramref name="count"/> articles.</summary>
    public async Task WaitForIndexedAsync(int count, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            var status = await IngestionClient.GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            if (status.Indexed >= count)
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"fewer than {count} articles indexed within {Patience}");
    }

    /// <summary>
    /// Polls until ingestion has nothing pending and <paramref name="expected"/> articles settled (indexed or parked), and
    /// query holds as many articles as ingestion indexed; returns ingestion's last queue status. Calls to a service that
    /// is down are retried.
    /// </summary>
    public async Task<QueueStatus> WaitUntilSettledAsync(int expected)
    {
        var until = DateTime.UtcNow + Patience;
        QueueStatus? status = null;
        var indexedInQuery = -1;
        while (DateTime.UtcNow < until)
        {
            try
            {
                status = await IngestionClient.GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
                if (status.Pending == 0 && status.Indexed + status.Failed >= expected)
                {
                    indexedInQuery = (await QueryClient.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(30))).TotalSize;
                    if (indexedInQuery >= status.Indexed)
                    {
                        return status;
                    }
                }
            }
            catch (RpcException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException(
            $"not settled within {Patience}: ingestion {status}, query holds {indexedInQuery}\n{Ingestion.LogTail()}\n{Query.LogTail()}\n{Extraction.LogTail()}");
    }

    /// <summary>
    /// A read made again when it does not answer in time: a call without a deadline once waited for ever on a stalled
    /// HTTP/2 stream (the service itself answered other calls), hanging the whole test run.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<DateTime, Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(DateTime.UtcNow.AddSeconds(20));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable && attempt < 5)
            {
            }
        }
    }

    /// <summary>Ids of the articles ingestion holds as indexed, every page.</summary>
    public async Task<List<string>> IndexedInIngestionAsync()
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var request = new ListIngestedRequest { Status = DocumentStatus.Indexed, PageSize = 500, PageToken = token, WithoutText = true };
            var page = await ReadAsync(deadline => IngestionClient.ListDocumentsAsync(request, deadline: deadline).ResponseAsync);
            ids.AddRange(page.Documents.Select(d => d.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return ids;
    }

    /// <summary>Ids of every article in query's knowledge store, every page, and the total it reports.</summary>
    public async Task<(List<string> Ids, int Total)> InQueryAsync()
    {
        var ids = new List<string>();
        var token = "";
        var total = 0;
        do
        {
            var request = new ListDocumentsRequest { PageSize = 200, PageToken = token };
            var page = await ReadAsync(deadline => QueryClient.ListDocumentsAsync(request, deadline: deadline).ResponseAsync);
            ids.AddRange(page.Documents.Select(d => d.Id));
            total = page.TotalSize;
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (ids, total);
    }

    public void Dispose()
    {
        Ingestion.Dispose();
        Query.Dispose();
        Extraction.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
