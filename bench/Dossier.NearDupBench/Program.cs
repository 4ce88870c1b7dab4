using System.Diagnostics;
using System.Globalization;
using Dossier.Domain;
using Dossier.Domain.NearDuplicates;
using Dossier.NearDupBench;
using Dossier.Store;

// Near-duplicate detection measured (bench/BENCHMARKS-neardup.md):
//   dotnet run -c Release --project bench/Dossier.NearDupBench -- [--docs DIR]... [--reprints 3] [--sizes 1000,10000,100000]
// 1. A labelled set: real articles (../shared/eval/dev/docs and seeds/ by default) and seeded reprints of each
//    (ReprintGenerator); every pair of the same story is a duplicate, every other pair (other articles, many about the
//    same events) is not. Pairwise precision and recall of the rule for several thresholds and bandings (LSH candidates,
//    then the estimate), and the same through the knowledge store (SQLite): clusters read back after indexing.
// 2. The cost of one ingest (Index, one transaction) into a store of 1k, 10k, 100k articles, with and without detection.
var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;
var originals = options.Docs.SelectMany(d => Directory.GetFiles(d, "*.txt").Order(StringComparer.Ordinal))
    .Select(f => (Id: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToList();
var generator = new ReprintGenerator();
var items = new List<(string Id, int Story, string Text)>();
for (var s = 0; s < originals.Count; s++)
{
    items.Add((originals[s].Id, s, originals[s].Text));
    for (var r = 0; r < options.Reprints; r++)
    {
        items.Add(($"{originals[s].Id}-reprint{r}", s, generator.Reprint(originals[s].Text, 7919 * s + r)));
    }
}

Console.WriteLine($"# Labelled set: {originals.Count} real articles, {options.Reprints} reprints each, {items.Count} texts");
var positives = 0;
var pairs = new List<(int A, int B, bool Same)>();
for (var a = 0; a < items.Count; a++)
{
    for (var b = a + 1; b < items.Count; b++)
    {
        var same = items[a].Story == items[b].Story;
        positives += same ? 1 : 0;
        pairs.Add((a, b, same));
    }
}

Console.WriteLine($"{pairs.Count} pairs, {positives} of the same story");
Console.WriteLine();

// Similarities under the default hasher: the margin between the two kinds of pairs.
var rule = NearDuplicateRule.Default;
var signatures = items.Select(i => rule.Hasher.Sign(i.Text).Signature).ToList();
var similarity = pairs.Select(p => MinHasher.Similarity(signatures[p.A], signatures[p.B])).ToList();
var positive = pairs.Select((p, i) => (p, s: similarity[i])).Where(x => x.p.Same).Select(x => x.s).Order().ToList();
var negative = pairs.Select((p, i) => (p, s: similarity[i])).Where(x => !x.p.Same).OrderByDescending(x => x.s).ToList();
Console.WriteLine(string.Create(invariant, $"Estimated Jaccard, same story: min {positive[0]:0.000}, 5th percentile {positive[positive.Count / 20]:0.000}, median {positive[positive.Count / 2]:0.000}"));
Console.WriteLine(string.Create(invariant, $"Estimated Jaccard, other articles: max {negative[0].s:0.000}; the closest pairs:"));
foreach (var (p, s) in negative.Take(5))
{
    Console.WriteLine(string.Create(invariant, $"  {s:0.000}  {items[p.A].Id} ~ {items[p.B].Id}"));
}

Console.WriteLine();
Console.WriteLine("## By banding and threshold: pairwise (LSH candidates, then the estimate) and through the knowledge store");
Console.WriteLine();
Console.WriteLine("Store: SQLite, the texts indexed one by one in a shuffled order, clusters read back; a pair is found when both are in one cluster.");
Console.WriteLine();
Console.WriteLine("| hashes | bands × rows | threshold | candidate pairs | pairwise precision | pairwise recall | store precision | store recall | stories in one cluster |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (bands, rows) in new[] { (16, 8), (32, 4), (48, 3), (64, 3), (64, 2) })
{
    var banding = new LshBands(bands, rows);
    var hasher = new MinHasher(bands * rows, 5);
    var sigs = items.Select(i => hasher.Sign(i.Text).Signature).ToList();
    var sims = pairs.Select(p => MinHasher.Similarity(sigs[p.A], sigs[p.B])).ToList();
    var keys = sigs.Select(s => banding.Keys(s).ToHashSet()).ToList();
    var candidate = pairs.Select(p => keys[p.A].Overlaps(keys[p.B])).ToList();
    foreach (var threshold in new[] { 0.2, 0.3, 0.4, 0.5 })
    {
        int tp = 0, fp = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (candidate[i] && sims[i] >= threshold)
            {
                if (pairs[i].Same)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
        }

        var (storeTp, storeFp, whole, _) = await ThroughStoreAsync(new NearDuplicateRule(hasher, banding, threshold, minShingles: 20), items, pairs);
        Console.WriteLine(string.Create(invariant,
            $"| {bands * rows} | {bands} × {rows} | {threshold:0.00} | {candidate.Count(c => c) / (double)pairs.Count:0.000} | {Ratio(tp, tp + fp):0.000} | {Ratio(tp, positives):0.000} | {Ratio(storeTp, storeTp + storeFp):0.000} | {Ratio(storeTp, positives):0.000} | {whole} of {originals.Count} |"));
    }
}

// Through the knowledge store, in a shuffled order: the clusters it records.
Console.WriteLine();
Console.WriteLine("## Through the knowledge store (SQLite), the default rule, texts indexed in a shuffled order");
Console.WriteLine();
var folder = Directory.CreateTempSubdirectory("neardup-bench-");
try
{
    var (tpDefault, fpDefault, wholeDefault, falsePairs) = await ThroughStoreAsync(rule, items, pairs);
    foreach (var (a, b) in falsePairs)
    {
        Console.WriteLine($"  false duplicate: {a} ~ {b}");
    }

    Console.WriteLine("| pairs of the same story | in one cluster | other pairs in one cluster | precision | recall | stories in one cluster |");
    Console.WriteLine("|---|---|---|---|---|---|");
    Console.WriteLine(string.Create(invariant, $"| {positives} | {tpDefault} | {fpDefault} | {Ratio(tpDefault, tpDefault + fpDefault):0.000} | {Ratio(tpDefault, positives):0.000} | {wholeDefault} of {originals.Count} |"));

    // The cost of an ingest as the store grows.
    Console.WriteLine();
    Console.WriteLine("## Cost of one ingest (Index: one article, one transaction, facts empty) by store size");
    Console.WriteLine();
    var filler = new FillerGenerator(originals.Select(o => o.Text));
    Console.WriteLine("Filler articles: a word-bigram chain over the real articles' words, 4–8 paragraphs, under one of twenty outlets' footers; probes: 400 new articles, one in ten a reprint of a stored one.");
    Console.WriteLine();
    Console.WriteLine("Wall time is what a caller waits (on a shared machine: noisy); CPU time is the process's, per ingest, averaged over the probes.");
    Console.WriteLine();
    Console.WriteLine("| articles stored | detection on: wall µs (median / p90), CPU µs | detection off: wall µs (median / p90), CPU µs | detection's CPU | signing alone (µs) | reprints clustered |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var path = Path.Combine(folder.FullName, "growth.db");
    var filled = 0;
    var grower = SqliteKnowledgeStore.Open(path);
    var off = new SqliteKnowledgeStore(new SqliteDatabase(path, SqliteKnowledgeStore.Schema))
    {
        NearDuplicates = new NearDuplicateRule(new MinHasher(), new LshBands(), threshold: 1.1, minShingles: int.MaxValue),
    };
    foreach (var size in options.Sizes)
    {
        var fill = Stopwatch.StartNew();
        while (filled < size)
        {
            var batch = Enumerable.Range(filled, Math.Min(500, size - filled)).Select(i => (new ArticleInfo { Id = $"f{i:D7}", Text = filler.Article(i) }, Empty($"f{i:D7}"))).ToList();
            await grower.IndexManyAsync(batch);
            filled += batch.Count;
        }

        fill.Stop();
        var onTimes = new List<double>();
        var offTimes = new List<double>();
        var signing = new List<double>();
        TimeSpan onCpu = default, offCpu = default;
        var joined = 0;
        const int probes = 400;
        for (var p = 0; p < probes; p++)
        {
            var text = p % 10 == 0 ? generator.Reprint(filler.Article((p * 7919) % size), p) : filler.Article(10_000_000 + size + p);
            var sign = Stopwatch.StartNew();
            rule.Sign(text);
            signing.Add(sign.Elapsed.TotalMicroseconds);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await off.IndexAsync(new ArticleInfo { Id = $"off-{size}-{p}", Text = text }, Empty("x"));
            offTimes.Add(watch.Elapsed.TotalMicroseconds);
            offCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var id = $"on-{size}-{p}";
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            await grower.IndexAsync(new ArticleInfo { Id = id, Text = text }, Empty(id));
            onTimes.Add(watch.Elapsed.TotalMicroseconds);
            onCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            joined += p % 10 == 0 && (await grower.GetAsync(id))?.Summary.DuplicateOf is not null ? 1 : 0;
            await off.DeleteAsync($"off-{size}-{p}");
            await grower.DeleteAsync(id);
        }

        var onCpuPer = onCpu.TotalMicroseconds / probes;
        var offCpuPer = offCpu.TotalMicroseconds / probes;
        Console.WriteLine(string.Create(invariant,
            $"| {size:N0} | {Median(onTimes):0} / {P90(onTimes):0}, {onCpuPer:0} | {Median(offTimes):0} / {P90(offTimes):0}, {offCpuPer:0} | {onCpuPer - offCpuPer:0} µs | {Median(signing):0} | {joined} of {probes / 10} (filled in {fill.Elapsed.TotalSeconds:0} s) |"));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (options.Keep)
    {
        Console.WriteLine($"kept {folder.FullName}");
    }
    else
    {
        folder.Delete(recursive: true);
    }
}

// Indexes the labelled texts into a new SQLite store under the rule, in a shuffled order, and counts the pairs in one cluster.
static async Task<(int Tp, int Fp, int Whole, List<(string, string)> FalsePairs)> ThroughStoreAsync(
    NearDuplicateRule rule, List<(string Id, int Story, string Text)> items, List<(int A, int B, bool Same)> pairs)
{
    var folder = Directory.CreateTempSubdirectory("neardup-labelled-");
    try
    {
        var store = new SqliteKnowledgeStore(new SqliteDatabase(Path.Combine(folder.FullName, "labelled.db"), SqliteKnowledgeStore.Schema)) { NearDuplicates = rule };
        foreach (var item in items.Select((item, i) => (item, key: new Random(i * 31 + 7).Next())).OrderBy(x => x.key).Select(x => x.item))
        {
            await store.IndexAsync(new ArticleInfo { Id = item.Id, Text = item.Text }, Empty(item.Id));
        }

        var cluster = new Dictionary<string, string>();
        foreach (var item in items)
        {
            var s = (await store.GetAsync(item.Id))!.Summary;
            cluster[item.Id] = s.DuplicateOf ?? s.Id;
        }

        int tp = 0, fp = 0;
        var falsePairs = new List<(string, string)>();
        foreach (var (a, b, same) in pairs)
        {
            if (cluster[items[a].Id] == cluster[items[b].Id])
            {
                if (same)
                {
                    tp++;
                }
                else
                {
                    fp++;
                    falsePairs.Add((items[a].Id, items[b].Id));
                }
            }
        }

        var whole = items.GroupBy(i => i.Story).Count(g => g.Select(i => cluster[i.Id]).Distinct().Count() == 1);
        return (tp, fp, whole, falsePairs);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static double P90(List<double> values) => values.Order().ElementAt(values.Count * 9 / 10);

static DocumentFacts Empty(string id) => new() { Doc = id, ExtractorVersion = "bench" };

internal sealed record Options(IReadOnlyList<string> Docs, int Reprints, IReadOnlyList<int> Sizes, bool Keep)
{
    public static Options Parse(string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Services.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("run inside the repository");
        }

        var docs = new List<string>();
        var reprints = 3;
        var keep = false;
        int[] sizes = [1000, 10000];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs":
                    docs.Add(args[++i]);
                    break;
                case "--reprints":
                    reprints = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--sizes":
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if (docs.Count == 0)
        {
            docs.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "dev", "docs")));
            docs.Add(Path.Combine(root, "seeds"));
        }

        return new Options(docs, reprints, sizes, keep);
    }
}
