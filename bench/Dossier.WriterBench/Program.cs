using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dossier.Domain;
using Dossier.Pipeline;
using Dossier.Store;
using Npgsql;

// Writers of the PostgreSQL knowledge store, as query replicas are: the same articles indexed into a fresh schema by one
// writer, then by several at once (each its own store and connection pool, the articles dealt out in turn), in batches as
// query's IndexFactsBatch sends them. Prints articles per second and the share of write time spent waiting for the lock.
//   bench/make-corpus.py /tmp/writer-corpus --articles 1500 --label writer
//   dotnet run -c Release --project bench/Dossier.WriterBench -- --in /tmp/writer-corpus \
//       --connection "Host=127.0.0.1;Port=55490;Username=postgres;Database=postgres" [--writers 1,2,4] [--batch 50]
// Articles: every *.txt of --in, e.g. the benchmarks' real-sized corpus (bench/make-corpus.py).
var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES")
    ?? throw new ArgumentException("--connection (or DOSSIER_TEST_POSTGRES) is required: an Npgsql connection string of a server where the user may create schemas");
var folder = Option("--in") ?? throw new ArgumentException("--in DIR is required: a folder of *.txt articles (bench/make-corpus.py makes one)");
var writerCounts = (Option("--writers") ?? "1,2,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
var batch = int.Parse(Option("--batch") ?? "50", CultureInfo.InvariantCulture);

var files = Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
var count = files.Length;
if (count == 0)
{
    throw new InvalidOperationException($"no *.txt articles in {folder}");
}

var pipeline = ExtractionPipeline.CreateDefault();
var clock = Stopwatch.StartNew();
var articles = Enumerable.Range(0, count).AsParallel().AsOrdered().Select(i =>
{
    var id = Path.GetFileNameWithoutExtension(files[i]);
    var text = File.ReadAllText(files[i]);
    var facts = pipeline.Extract(new ExtractionRequest(id, text, null)).Facts;
    return (Article: new ArticleInfo { Id = id, Text = text, Title = "Article " + id, Published = facts.Published }, Facts: facts);
}).ToList();
Console.WriteLine($"{count} articles ({articles.Sum(a => a.Article.Text!.Length):N0} chars) extracted in {clock.Elapsed.TotalSeconds:F1} s; batches of {batch}");
Console.WriteLine();
Console.WriteLine("| writers | articles/s | write transactions | lock wait / write time | entities | events |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

double lockWait = 0, writeTime = 0;
long transactions = 0;
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
listener.Start();

foreach (var writers in writerCounts)
{
    var schema = "writer_bench_" + Guid.NewGuid().ToString("N")[..12];
    Execute(connection, $"CREATE SCHEMA {schema}");
    try
    {
        var schemaConnection = new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema }.ConnectionString;
        var stores = Enumerable.Range(0, writers).Select(_ => PostgresKnowledgeStore.Open(schemaConnection)).ToArray();
        (lockWait, writeTime, transactions) = (0, 0, 0);
        clock.Restart();
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            var mine = articles.Where((_, i) => i % writers == w).ToList();
            foreach (var chunk in mine.Chunk(batch))
            {
                stores[w].IndexMany(chunk);
            }
        });
        var elapsed = clock.Elapsed;
        var totals = stores[0].Totals();
        Console.WriteLine($"| {writers} | {count / elapsed.TotalSeconds:F0} | {transactions} | {(writeTime > 0 ? lockWait / writeTime : 0):P1} | {totals.Entities} | {totals.Events} |");
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
