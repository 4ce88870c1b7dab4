using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Dossier.Cli.Progress;
using Dossier.Domain;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary><c>extract --in DIR --out DIR [--threads N] [--sources FILE] [--verbose]</c>; <c>Threads</c> is at least 1.</summary>
public sealed record ExtractOptions(string In, string Out, int Threads, string? Sources, bool Verbose);

/// <summary>
/// <c>extract --in DIR --out DIR [--threads N] [--sources FILE] [--verbose]</c>: runs the extraction pipeline
/// in-process over every <c>*.txt</c> in a folder and writes one <c>&lt;stem&gt;.json</c> per article in the facts
/// JSON of FORMAT.md. Articles are extracted on N threads (default: one per processor) by one shared pipeline; each
/// output depends on its article alone, so the files are the same whatever N is. <c>--sources</c> gives each
/// article its url from a sources.tsv (<see cref="SourcesFile"/>). One summary line goes to stderr; <c>--verbose</c>
/// also prints a line per article, in file order.
/// </summary>
public static class ExtractCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="extractor">The extractor to run (default: <see cref="ExtractionPipeline.CreateDefault"/>).</param>
    public static int Run(ExtractOptions args, TextWriter stdout, TextWriter stderr, ProgressFactory progressFactory, IFactExtractor? extractor = null)
    {
        var input = args.In;
        var output = args.Out;
        var threads = args.Threads;
        var verbose = args.Verbose;
        var sources = args.Sources is { } sourcesPath ? SourcesFile.Read(sourcesPath) : null;
        if (!Directory.Exists(input))
        {
            throw new UsageException($"input folder not found: {input}");
        }

        Directory.CreateDirectory(output);
        var started = Stopwatch.StartNew();
        var pipeline = extractor ?? ExtractionPipeline.CreateDefault();
        var loaded = started.Elapsed;
        var files = Directory.GetFiles(input, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var lines = new string?[files.Length];
        var failed = new bool[files.Length];
        var nextLine = 0;
        long chars = 0;
        long bytes = 0;
        using var progress = progressFactory.Start("extract", "articles");
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var stem = Path.GetFileNameWithoutExtension(files[i]);
            string line;
            try
            {
                var raw = File.ReadAllBytes(files[i]);
                var text = Decode(raw);
                Interlocked.Add(ref chars, text.Length);
                Interlocked.Add(ref bytes, raw.Length);
                var result = pipeline.Extract(new ExtractionRequest(stem, text, Url: sources?.UrlOf(stem)));
                Write(Path.Combine(output, stem + ".json"), JsonSerializer.SerializeToUtf8Bytes(result.Facts, FactsJson.Options));
                line = string.Create(CultureInfo.InvariantCulture, $"{stem}: {result.Facts.Count} facts");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed[i] = true;
                line = $"{stem}: failed: {e.Message}";
            }

            lock (lines)
            {
                lines[i] = line;
                for (; nextLine < files.Length && lines[nextLine] is { } ready; nextLine++)
                {
                    if (failed[nextLine])
                    {
                        progress.WriteLine(stderr, ready);
                    }
                    else if (verbose)
                    {
                        progress.WriteLine(stdout, ready);
                    }
                }

                progress.Report(nextLine, files.Length);
            }
        });

        progress.Dispose();

        var seconds = started.Elapsed.TotalSeconds;
        var failures = failed.Count(f => f);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extracted {files.Length - failures} articles ({chars:N0} characters, {bytes / 1e6:F1} MB) in {seconds:F2} s ({bytes / 1e6 / seconds:F1} MB/s; knowledge loaded in {loaded.TotalSeconds:F2} s) on {threads} thread{(threads > 1 ? "s" : "")} with extractor {pipeline.Version}"));
        if (verbose)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runtime: JIT compiled {JitInfo.GetCompiledMethodCount()} methods in {JitInfo.GetCompilationTime().TotalSeconds:F2} s; GC gen0/gen1/gen2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB; {Environment.ProcessorCount} processors, server GC {GCSettings.IsServerGC}"));
        }

        if (failures > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{failures} articles failed"));
            return 1;
        }

        return 0;
    }

    /// <summary>The file's bytes decoded as UTF-8 with a leading byte-order mark dropped, nothing else changed.</summary>
    public static string ReadOriginalText(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Writes the file in one call on a bare handle (no FileStream, no buffer of its own to fill and flush).</summary>
    private static void Write(string path, byte[] bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, fileOffset: 0);
    }

    private static string Decode(byte[] raw)
    {
        var text = StrictUtf8.GetString(raw);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
