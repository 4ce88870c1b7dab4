using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dossier.Contracts.V1;
using Dossier.LoadTest;
using Grpc.Core;
using Grpc.Net.Client;

// Load on the running system (start it first: dotnet run --project AppHost), e.g.
//   dotnet run -c Release --project bench/Dossier.LoadTest -- --streams 4 --queriers 4 --duration 60s [--json]
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var ingestionChannel = Channel(options.Ingestion);
using var queryChannel = Channel(options.Query);
var ingestion = new IngestionService.IngestionServiceClient(ingestionChannel);
var query = new QueryService.QueryServiceClient(queryChannel);
var metrics = new LoadMetrics();
var monitor = new QueueMonitor(ingestion, metrics);

QueueStatus before;
Stats statsBefore;
try
{
    before = await monitor.ReadAsync(CancellationToken.None);
    statsBefore = await query.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
}
catch (RpcException e)
{
    Console.Error.WriteLine($"The system is not reachable ({options.Ingestion}, {options.Query}): {e.Status.StatusCode} {e.Status.Detail}");
    return 2;
}

Log($"run {options.RunId}, seed {options.Seed}: {options.Streams} ingest streams (window {options.Window}), {options.Queriers} query loops, " +
    $"{options.Duration.TotalSeconds:F0} s; key from {options.ApiKeyOrigin}; queue before: {before.Indexed} indexed, {before.Pending} pending " +
    $"(at most {before.MaxPending}), {before.Workers} workers, {before.Engine}; store: {statsBefore.Articles} articles");

using var sampling = new CancellationTokenSource();
var sampler = new MemorySampler(options.Ingestion.Port);
var samplerTask = sampler.RunAsync(sampling.Token);
var monitorTask = monitor.RunAsync(sampling.Token);

using var stop = new CancellationTokenSource(options.Duration);
using var abort = new CancellationTokenSource(options.Duration + TimeSpan.FromSeconds(60));
var targets = new QueryTargets();
await targets.RefreshAsync(query, metrics, stop.Token);
var refresher = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
    try
    {
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            await targets.RefreshAsync(query, metrics, stop.Token);
        }
    }
    catch (OperationCanceledException)
    {
    }
});

var headers = new Metadata { { "x-api-key", options.ApiKey } };
var articles = new ArticleSource(options.Seed, options.RunId);
var streams = Enumerable.Range(0, options.Streams).Select(_ => new IngestStreamWorker(ingestion, headers, articles, metrics, options.Window)).ToList();
var clock = Stopwatch.StartNew();
var progress = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
    try
    {
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            var q = monitor.Last;
            Log($"{clock.Elapsed.TotalSeconds,4:F0} s: {metrics.Acknowledged} acknowledged, {metrics.Backpressure} backpressure, " +
                $"{metrics.Errors.Values.Sum()} errors; queue {q?.Indexed - before.Indexed} indexed, {q?.Pending} pending");
        }
    }
    catch (OperationCanceledException)
    {
    }
});

await Task.WhenAll(
    streams.Select(s => Task.Run(() => s.RunAsync(stop.Token, abort.Token)))
        .Concat(Enumerable.Range(0, options.Queriers).Select(i => Task.Run(() => new QueryWorker(query, targets, metrics, options.Seed * 1000 + i).RunAsync(stop.Token))))
        .Concat([refresher, progress]));
var loadSeconds = clock.Elapsed.TotalSeconds;

var atLoadEnd = await monitor.ReadAsync(CancellationToken.None);
Log($"load over after {loadSeconds:F1} s: {metrics.Acknowledged} acknowledged; {atLoadEnd.Indexed - before.Indexed} indexed, {atLoadEnd.Pending} pending; waiting for the queue to drain");
var drain = options.DrainTimeout > TimeSpan.Zero ? await monitor.WaitDrainedAsync(options.DrainTimeout, CancellationToken.None) : null;
var after = monitor.Last ?? atLoadEnd;
var statsAfter = await query.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
var drainSeconds = drain?.TotalSeconds ?? Math.Min(options.DrainTimeout.TotalSeconds, clock.Elapsed.TotalSeconds - loadSeconds);

await sampling.CancelAsync();
await Task.WhenAll(samplerTask, monitorTask);

var report = new LoadReport(
    DateTimeOffset.UtcNow,
    options.RunId,
    options.Seed,
    options.Streams,
    options.Queriers,
    options.Window,
    Math.Round(loadSeconds, 1),
    new IngestReport(
        metrics.Acknowledged,
        Math.Round(metrics.Acknowledged / loadSeconds, 1),
        metrics.Duplicates,
        streams.Sum(s => s.Unacknowledged),
        metrics.Backpressure,
        Summary(IngestStreamWorker.Call)),
    new IndexingReport(
        before.Indexed,
        atLoadEnd.Indexed - before.Indexed,
        Math.Round((atLoadEnd.Indexed - before.Indexed) / loadSeconds, 1),
        atLoadEnd.Pending,
        monitor.MaxPending,
        after.Indexed - before.Indexed,
        after.Failed - before.Failed,
        after.Pending,
        drain is not null,
        Math.Round(drainSeconds, 1),
        Math.Round((after.Indexed - before.Indexed) / (loadSeconds + drainSeconds), 1),
        before.Workers,
        before.Engine),
    new[] { "Search", "GetEntity", "ListEvents" }.ToDictionary(n => n, n => new QueryReport(Summary(n), Math.Round(Summary(n).Count / loadSeconds, 1))),
    new SortedDictionary<string, long>(metrics.Errors, StringComparer.Ordinal),
    metrics.Errors.Values.Sum(),
    new StoreReport(statsBefore.Articles, statsAfter.Articles, statsAfter.Entities, statsAfter.Events, statsAfter.Claims),
    sampler.Scope,
    sampler.Results());

Console.WriteLine(options.Json ? report.ToJson() : report.ToText());
return report.ErrorTotal == 0 ? 0 : 1;

LatencySummary Summary(string call) => metrics.Latencies.TryGetValue(call, out var samples) ? samples.Summarize() : new LatencySummary(0, 0, 0, 0);

static GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, AutomaticDecompression = DecompressionMethods.None },
    MaxReceiveMessageSize = 64 * 1024 * 1024,
});

static void Log(string message) =>
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
