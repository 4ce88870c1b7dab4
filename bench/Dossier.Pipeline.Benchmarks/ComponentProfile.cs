using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dossier.Domain;

namespace Dossier.Pipeline.Benchmarks;

/// <summary>
/// <c>-- profile [passes] [file …]</c>: where the pipeline spends its time and memory, per component, over the benchmark corpus on
/// one thread (the components' own activities, "pipeline.&lt;component&gt;", timed and their allocations counted). A
/// profile, not a benchmark: use it to find the component to work on, then measure with BenchmarkDotNet. Files given
/// after the passes replace the corpus (a hostile input, a long page). Besides wall time it reports the thread's CPU time
/// (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>), which a shared, loaded machine inflates far less than wall time.
/// </summary>
public static class ComponentProfile
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread in milliseconds (0 where the clock is not available).</summary>
    internal static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        const int threadCpuTime = 3;
        return ClockGetTime(threadCpuTime, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : 0;
    }

    public static int Run(string[] args)
    {
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var bytes = 0L;
        var docs = args.Length > 2 ? args[2..].Select(File.ReadAllText).ToList() : Corpus.Load(out bytes);
        if (args.Length > 2)
        {
            bytes = args[2..].Sum(f => new FileInfo(f).Length);
        }

        var pipeline = ExtractionPipeline.CreateDefault();
        var time = new Dictionary<string, double>(StringComparer.Ordinal);
        var alloc = new Dictionary<string, long>(StringComparer.Ordinal);
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var starts = new Dictionary<Activity, (long Bytes, double Cpu)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ExtractionPipeline.ActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => starts[a] = (GC.GetAllocatedBytesForCurrentThread(), ThreadCpuMs()),
            ActivityStopped = a =>
            {
                var name = a.OperationName;
                var (bytesAtStart, cpuAtStart) = starts[a];
                time[name] = time.GetValueOrDefault(name) + a.Duration.TotalMilliseconds;
                alloc[name] = alloc.GetValueOrDefault(name) + (GC.GetAllocatedBytesForCurrentThread() - bytesAtStart);
                cpu[name] = cpu.GetValueOrDefault(name) + (ThreadCpuMs() - cpuAtStart);
                starts.Remove(a);
            },
        };
        ActivitySource.AddActivityListener(listener);

        // One warm-up pass (JIT), then the measured passes.
        foreach (var d in docs)
        {
            pipeline.Extract(new ExtractionRequest("d", d));
        }

        time.Clear();
        alloc.Clear();
        cpu.Clear();
        var cpuStart = ThreadCpuMs();
        var wall = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            foreach (var d in docs)
            {
                pipeline.Extract(new ExtractionRequest("d", d));
            }
        }

        wall.Stop();
        var cpuTotal = ThreadCpuMs() - cpuStart;
        var mb = bytes * passes / 1e6;
        Console.WriteLine($"GC: gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB, server {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"{passes} passes over {bytes / 1e6:F1} MB: {wall.Elapsed.TotalSeconds:F2} s, {mb / wall.Elapsed.TotalSeconds:F2} MB/s on one thread; thread CPU {cpuTotal / 1e3:F2} s, {mb / (cpuTotal / 1e3):F2} MB/s of CPU");
        Console.WriteLine($"{"component",-28}{"ms",8}{"cpu ms",8}{"share",8}{"MB alloc",10}{"B/char",8}");
        var total = cpu.GetValueOrDefault("pipeline");
        foreach (var (name, ms) in cpu.OrderByDescending(kv => kv.Value))
        {
            var a = alloc.GetValueOrDefault(name);
            Console.WriteLine($"{name,-28}{time.GetValueOrDefault(name),8:F0}{ms,8:F0}{ms / total,8:P0}{a / 1e6,10:F0}{a / (bytes * (double)passes),8:F0}");
        }

        return 0;
    }
}
