using System.Diagnostics;
using System.Globalization;
using Dossier.Domain;

namespace Dossier.Pipeline.Benchmarks;

/// <summary>
/// <c>-- loop [passes]</c>: extracts the benchmark corpus on one thread with nothing listening (one warm-up pass, then
/// the passes), printing wall and thread-CPU throughput and the bytes allocated per byte of text. The process to attach a sampling profiler to
/// (<c>dotnet-trace collect -- dotnet …dll loop 3</c>), and a quick before/after figure without
/// <see cref="ComponentProfile"/>'s listener, which costs about a third of the time it measures.
/// </summary>
public static class CorpusLoop
{
    public static int Run(string[] args)
    {
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var docs = Corpus.Load(out var bytes);
        var pipeline = ExtractionPipeline.CreateDefault();
        var facts = Pass(pipeline, docs);
        var allocatedStart = GC.GetAllocatedBytesForCurrentThread();
        var gen0Start = GC.CollectionCount(0);
        var cpuStart = ComponentProfile.ThreadCpuMs();
        var wall = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            facts += Pass(pipeline, docs);
        }

        wall.Stop();
        var cpu = (ComponentProfile.ThreadCpuMs() - cpuStart) / 1e3;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedStart;
        var mb = bytes * passes / 1e6;
        Console.WriteLine($"{passes} passes over {bytes / 1e6:F1} MB ({facts} facts): {wall.Elapsed.TotalSeconds:F2} s, {mb / wall.Elapsed.TotalSeconds:F2} MB/s wall; thread CPU {cpu:F2} s, {mb / cpu:F2} MB/s of CPU; allocated {allocated / 1e6:F0} MB ({allocated / (double)(bytes * passes):F0} B per byte of text), gen0 {GC.CollectionCount(0) - gen0Start}");
        return 0;
    }

    private static int Pass(ExtractionPipeline pipeline, IReadOnlyList<string> docs)
    {
        var facts = 0;
        foreach (var d in docs)
        {
            facts += pipeline.Extract(new ExtractionRequest("d", d)).Facts.Count;
        }

        return facts;
    }
}
