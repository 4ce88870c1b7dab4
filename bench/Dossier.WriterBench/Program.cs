using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dossier.Domain;
using Dossier.Pipeline;
using Dossier.Store;
using Npgsql;

// Writers of the PostgreSQL knowledge store, as query replicas are: the same articles indexed into a fresh schema by one
// writer, then by several at once (each its own store and connection pool, the articles dealt out in turn), in batches as
// query's IndexFactsBatch sends them. Prints articles per second, the transactions written again after losing a race with
// another writer, and the share of write time spent waiting for other writers' locks.
//   bench/make-corpus.py /tmp/writer-corpus --articles 1500 --label writer
//   dotnet run -c Release --project bench/Dossier.WriterBench -- --in /tmp/writer-corpus \
//       --connection "Host=127.0.0.1;Port=55490;Username=postgres;Database=postgres" [--writers 1,2,4] [--batch 50]
// Articles: every *.txt of --in, e.g. the benchmarks' real-sized corpus (bench/make-corpus.py: copies of 59 real
// articles, so near-duplicates of one story, which writers take turns to cluster); or, with --generated N instead,
// N distinct articles of QueryBench's generator (seed 7), as a stream of different stories is.
// With --sqlite instead of a connection: one writer into a fresh embedded SQLite store (a temporary file), the in-process
// figure that bench/e2e-ratio.sh's query share compares with.
var sqlite = args.Contains("--sqlite");
var connection = sqlite ? "" : Option("--connection") ?? Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES")
    ?? throw new ArgumentException("--connection (or DOSSIER_TEST_POSTGRES) is required: an Npgsql connection string of a server where the user may create schemas (or --sqlite)");
var folder = Option("--in");
var generated = Option("--generated") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0;
if ((folder is null) == (generated == 0))
{
    throw new ArgumentException("either --in DIR (a folder of *.txt articles, bench/make-corpus.py makes one) or --generated N is required");
}
var writerCounts = (Option("--writers") ?? "1,2,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
var batch = int.Parse(Option("--batch") ?? "50", CultureInfo.InvariantCulture);

var files = folder is null ? [] : Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
var count = folder is null ? generated : files.Length;
if (count == 0)
{
    throw new InvalidOperationException($"no *.txt articles in {folder}");
}

var pipeline = ExtractionPipeline.CreateDefault();
var generator = new Dossier.QueryBench.CorpusGenerator();
var clock = Stopwatch.StartNew();
var articles = Enumerable.Range(0, count).AsParallel().AsOrdered().Select(i =>
{
    var (id, published, text) = folder is null
        ? generator.Article(7, i)
        : (Path.GetFileNameWithoutExtension(files[i]), (string?)null, File.ReadAllText(files[i]));
    var facts = pipeline.Extract(new ExtractionRequest(id, text, published)).Facts;
    return (Article: new ArticleInfo { Id = id, Text = text, Title = "Article " + id, Published = published ?? facts.Published }, Facts: facts);
}).ToList();
Console.WriteLine($"{count} articles ({articles.Sum(a => a.Article.Text!.Length):N0} chars) extracted in {clock.Elapsed.TotalSeconds:F1} s; batches of {batch}");
Console.WriteLine();
Console.WriteLine("| writers | articles/s | write transactions | retried | lock wait / write time | entities | events |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");

double lockWait = 0, writeTime = 0;
long transactions = 0, retries = 0;
using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Meter.Name == StoreMetrics.MeterName)
    {
        l.EnableMeasurementEvents(instrument);
    }
};
listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
{
    if (instrument == StoreMetrics.LockWait)
    {
        Add(ref lockWait, value);
    }
    else if (instrument == StoreMetrics.WriteDuration)
    {
        Add(ref writeTime, value);
        Interlocked.Increment(ref transactions);
    }
});
listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
{
    if (instrument == StoreMetrics.WriteRetries)
    {
        Interlocked.Add(ref retries, value);
    }
});
listener.Start();

if (sqlite)
{
    var file = Path.Combine(Path.GetTempPath(), $"writer-bench-{Guid.NewGuid():N}.db");
    try
    {
        var store = SqliteKnowledgeStore.Open(file);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        foreach (var chunk in articles.Chunk(batch))
        {
            await store.IndexManyAsync(chunk);
        }

        var elapsed = clock.Elapsed;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var totals = await store.TotalsAsync();
        Console.WriteLine($"| 1 (SQLite) | {count / elapsed.TotalSeconds:F0} ({cpuMs / count:F2} ms CPU each) | {transactions} | {retries} | – | {totals.Entities} | {totals.Events} |");
    }
    finally
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }
    }

    return 0;
}

foreach (var writers in writerCounts)
{
    var schema = "writer_bench_" + Guid.NewGuid().ToString("N")[..12];
    Execute(connection, $"CREATE SCHEMA {schema}");
    try
    {
        var schemaConnection = new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema }.ConnectionString;
        var stores = Enumerable.Range(0, writers).Select(_ => PostgresKnowledgeStore.Open(schemaConnection)).ToArray();
        (lockWait, writeTime, transactions, retries) = (0, 0, 0, 0);
        clock.Restart();
        await Parallel.ForAsync(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (w, ct) =>
        {
            var mine = articles.Where((_, i) => i % writers == w).ToList();
            foreach (var chunk in mine.Chunk(batch))
            {
                await stores[w].IndexManyAsync(chunk, ct);
            }
        });
        var elapsed = clock.Elapsed;
        var totals = await stores[0].TotalsAsync();
        Console.WriteLine($"| {writers} | {count / elapsed.TotalSeconds:F0} | {transactions} | {retries} | {(writeTime > 0 ? lockWait / writeTime : 0):P1} | {totals.Entities} | {totals.Events} |");
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }
    finally
    {
        Execute(connection, $"DROP SCHEMA {schema} CASCADE");
    }
}

return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static void Add(ref double total, double value)
{
    double seen, sum;
    do
    {
        seen = Volatile.Read(ref total);
        sum = seen + value;
    }
    while (Interlocked.CompareExchange(ref total, sum, seen) != seen);
}

static void Execute(string connectionString, string sql)
{
    using var connection = new NpgsqlConnection(connectionString);
    connection.Open();
    using var command = new NpgsqlCommand(sql, connection);
    command.ExecuteNonQuery();
}
