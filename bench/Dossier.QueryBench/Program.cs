using System.Diagnostics;
using System.Globalization;
using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Pipeline;
using Dossier.QueryBench;
using Grpc.Net.Client;

// Usage: dotnet run -c Release --project bench/Dossier.QueryBench -- [--sizes 1000,10000,100000]
//        [--connection "Host=...;..."] [--queries 300] [--concurrency 4] [--batch 200] [--seed 7] [--data-dir DIR]
// --data-dir keeps the SQLite store in DIR (instead of a temporary folder deleted at the end), to query it afterwards;
// run again on the same DIR (same --seed), it measures the queries of sizes already indexed without indexing again.
// --batch N sends N articles per IndexFactsBatch call; --batch 1 sends one IndexFacts call per article.
var options = BenchOptions.Parse(args);
var generator = new CorpusGenerator();
var pipeline = ExtractionPipeline.CreateDefault();
await using var server = await QueryServer.StartAsync(options.Connection, options.DataDir);
using var channel = GrpcChannel.ForAddress(server.GrpcAddress, new GrpcChannelOptions
{
    MaxReceiveMessageSize = 64 * 1024 * 1024,
    HttpHandler = new Dossier.Contracts.ApiKeyHandler(QueryServer.ApiKey) { InnerHandler = new SocketsHttpHandler() },
});
var client = new QueryService.QueryServiceClient(channel);

Console.WriteLine($"engine {(await client.GetStatsAsync(new GetStatsRequest())).Engine}, corpus seed {options.Seed}, {generator.CountryCount} countries, concurrency {options.Concurrency}, "
    + (options.Batch <= 1 ? "one IndexFacts call per article" : $"IndexFactsBatch of {options.Batch}"));
Console.WriteLine();
Console.WriteLine("| articles | IndexFacts articles/s | Search p50 / p99 ms | ListEvents p50 / p99 ms | GetEntity p50 / p99 ms | facts indexed |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

// A kept store (--data-dir) of an earlier run holds the first articles of the same corpus already: go on from there.
var indexed = (await client.GetStatsAsync(new GetStatsRequest())).Articles;
long facts = 0;
foreach (var size in options.Sizes)
{
    var indexTime = TimeSpan.Zero;
    var added = 0;
    while (indexed < size)
    {
        var chunk = Enumerable.Range(indexed, Math.Min(2000, size - indexed))
            .AsParallel().AsOrdered()
            .Select(i =>
            {
                var (id, published, text) = generator.Article(options.Seed, i);
                var result = pipeline.Extract(new ExtractionRequest(id, text, published));
                return new IndexFactsRequest
                {
                    Document = new Document { Id = id, Text = text, Published = published, Title = text[..text.IndexOf('—', StringComparison.Ordinal)].Trim() },
                    Facts = result.Facts.ToProto(),
                };
            })
            .ToList();
        facts += chunk.Sum(c => (long)c.Facts.Count());

        var clock = Stopwatch.StartNew();
        if (options.Batch <= 1)
        {
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (request, ct) => await client.IndexFactsAsync(request, cancellationToken: ct));
        }
        else
        {
            await Parallel.ForEachAsync(chunk.Chunk(options.Batch), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (items, ct) => await client.IndexFactsBatchAsync(new IndexFactsBatchRequest { Items = { items } }, cancellationToken: ct));
        }

        indexTime += clock.Elapsed;
        indexed += chunk.Count;
        added += chunk.Count;
    }

    var entityIds = (await client.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 200 })).Entities.Select(e => e.Id).ToArray();
    var countryCodes = entityIds.Where(i => i.StartsWith("country:", StringComparison.Ordinal)).Select(i => i[8..]).ToArray();
    var words = new[] { "ministerial", "Daesh", "stabilization", "\"foreign terrorist fighters\"", "pledged", "Sahel", "cryptocurrency", "communiqué" }
        .Concat((await client.ListEntitiesAsync(new ListEntitiesRequest { Kind = "person", PageSize = 50 })).Entities.Select(e => e.Name.Split(' ')[^1]))
        .ToArray();

    var random = new Random(options.Seed);
    var search = await Latency.MeasureAsync(options.Queries, () => client.SearchAsync(new SearchRequest { Q = words[random.Next(words.Length)], PageSize = 20 }).ResponseAsync);
    var events = await Latency.MeasureAsync(options.Queries, () => client.ListEventsAsync(new ListEventsRequest { Country = countryCodes[random.Next(countryCodes.Length)], PageSize = 50 }).ResponseAsync);
    var entity = await Latency.MeasureAsync(options.Queries, () => client.GetEntityAsync(new GetEntityRequest { Id = entityIds[random.Next(entityIds.Length)] }).ResponseAsync);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {indexed:N0} | {(added == 0 ? "(kept)" : (added / indexTime.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture))} | {search.P50:F1} / {search.P99:F1} | {events.P50:F1} / {events.P99:F1} | {entity.P50:F1} / {entity.P99:F1} | {facts:N0} |"));
}

internal sealed record BenchOptions(int[] Sizes, string? Connection, int Queries, int Concurrency, int Batch, int Seed, string? DataDir)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            (Get("sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            Get("connection"),
            int.Parse(Get("queries") ?? "300", CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency") ?? "4", CultureInfo.InvariantCulture),
            int.Parse(Get("batch") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Get("seed") ?? "7", CultureInfo.InvariantCulture),
            Get("data-dir"));
    }
}

internal static class Latency
{
    /// <summary>Runs the call sequentially (after a short warm-up) and returns the 50th and 99th percentiles in ms.</summary>
    public static async Task<(double P50, double P99)> MeasureAsync<T>(int count, Func<Task<T>> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call();
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[(int)(count * 0.50)], samples[Math.Min(count - 1, (int)(count * 0.99))]);
    }
}
