using System.Globalization;
using System.Text;

namespace Dossier.LoadTest;

/// <summary>
/// Memory of one process over the run, in MiB: resident set at the first and last sample, the largest sample, and the
/// kernel's high-water mark (since the process started); and the CPU time it used between the first and last sample.
/// </summary>
public sealed record ProcessMemory(string Service, int Pid, double FirstRssMiB, double LastRssMiB, double PeakRssMiB, double HwmMiB, double CpuSeconds, bool Exited);

/// <summary>
/// Samples VmRSS and VmHWM of <c>/proc/&lt;pid&gt;/status</c> (and CPU time of <c>/proc/&lt;pid&gt;/stat</c>) every second for the Dossier services (processes whose
/// program is Dossier.Ingestion/Extraction/Query/Dashboard) and this tool. Only the services of the system under load
/// are taken: the descendants of the orchestrator (DCP) at or above the process listening on ingestion's port (DCP's
/// proxy, or the service), so another app host or test run on the same machine is left out; that orchestrator is
/// sampled too. Linux only; elsewhere it samples nothing.
/// </summary>
public sealed class MemorySampler(int ingestionPort)
{
    private static readonly string[] Services = ["Dossier.Ingestion", "Dossier.Extraction", "Dossier.Query", "Dossier.Dashboard"];
    private readonly Dictionary<int, Tracked> _tracked = [];
    private readonly Lock _lock = new();

    /// <summary>How the services were found (for the report).</summary>
    public string Scope { get; private set; } = "not yet scanned";

    public async Task RunAsync(CancellationToken stop)
    {
        if (!OperatingSystem.IsLinux())
        {
            Scope = "not Linux: no memory samples";
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var tick = 0;
        do
        {
            if (tick++ % 10 == 0)
            {
                Discover();
            }

            Sample();
        }
        while (await WaitAsync(timer, stop));
    }

    public IReadOnlyList<ProcessMemory> Results()
    {
        lock (_lock)
        {
            return _tracked.Values
                .OrderBy(t => t.Service is "loadtest" or "dcp" ? 1 : 0).ThenBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Pid)
                .Select(t => new ProcessMemory(t.Service, t.Pid, Mib(t.FirstKb), Mib(t.LastKb), Mib(t.PeakKb), Mib(t.HwmKb), Math.Round((t.LastCpu - (t.FirstCpu ?? t.LastCpu)) / 100.0, 1), t.Exited))
                .ToList();
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Discover()
    {
        var candidates = new List<(int Pid, string Service)>();
        foreach (var pid in Pids())
        {
            if (ServiceOf(Read($"/proc/{pid}/cmdline")) is { } service)
            {
                candidates.Add((pid, service));
            }
        }

        var parents = Pids().ToDictionary(p => p, ParentOf);
        var orchestrators = parents.Keys.Where(p => IsOrchestrator(p)).ToList();

        // The process listening on ingestion's port: the service itself, or the orchestrator's proxy in front of it
        // (the app host's endpoints are proxied by DCP by default).
        var listener = candidates.Where(c => c.Service == "Dossier.Ingestion").Select(c => c.Pid).Concat(orchestrators)
            .FirstOrDefault(p => Listens(p, ingestionPort));
        int? root = null;
        if (listener != 0)
        {
            // The orchestrator at or above the listener (its program's name starts with "dcp"): the services are its descendants.
            for (var p = listener; p > 1 && root is null; p = parents.GetValueOrDefault(p))
            {
                root = IsOrchestrator(p) ? p : null;
            }

            root ??= parents.GetValueOrDefault(listener);
        }

        bool InScope(int pid)
        {
            if (root is null)
            {
                return true;
            }

            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p == root)
                {
                    return true;
                }
            }

            return false;
        }

        Scope = root is null
            ? $"every Dossier service process on this machine (no process found listening on port {ingestionPort})"
            : listener == root
                ? $"processes under the orchestrator pid {root} (dcp), whose proxy listens on ingestion's port {ingestionPort}"
                : $"processes under the orchestrator pid {root} (dcp) above pid {listener}, which listens on ingestion's port {ingestionPort}";
        lock (_lock)
        {
            foreach (var (pid, service) in candidates.Where(c => InScope(c.Pid)))
            {
                var name = service["Dossier.".Length..].ToLowerInvariant();
                _tracked.TryAdd(pid, new Tracked(name, pid));
            }

            if (root is { } orchestrator)
            {
                _tracked.TryAdd(orchestrator, new Tracked("dcp", orchestrator));
            }

            _tracked.TryAdd(Environment.ProcessId, new Tracked("loadtest", Environment.ProcessId));
        }
    }

    private void Sample()
    {
        lock (_lock)
        {
            foreach (var tracked in _tracked.Values.Where(t => !t.Exited))
            {
                var status = Read($"/proc/{tracked.Pid}/status");
                if (status.Length == 0)
                {
                    tracked.Exited = true;
                    continue;
                }

                var rss = Kb(status, "VmRSS:");
                var cpu = CpuTicks(tracked.Pid);
                tracked.FirstCpu ??= cpu;
                tracked.LastCpu = cpu;
                tracked.FirstKb = tracked.FirstKb == 0 ? rss : tracked.FirstKb;
                tracked.LastKb = rss;
                tracked.PeakKb = Math.Max(tracked.PeakKb, rss);
                tracked.HwmKb = Math.Max(tracked.HwmKb, Kb(status, "VmHWM:"));
            }
        }
    }

    private static bool IsOrchestrator(int pid) =>
        Path.GetFileName(Read($"/proc/{pid}/cmdline").Split('\0')[0]).StartsWith("dcp", StringComparison.Ordinal);

    /// <summary>The service a command line runs (its program, or the .dll given to dotnet), or null.</summary>
    private static string? ServiceOf(string cmdline)
    {
        var argv = cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (argv.Length == 0)
        {
            return null;
        }

        var program = Path.GetFileName(argv[0]);
        if (Services.Contains(program, StringComparer.Ordinal))
        {
            return program;
        }

        return program == "dotnet"
            ? argv.Skip(1).Select(Path.GetFileName).FirstOrDefault(a => a is not null && a.EndsWith(".dll", StringComparison.Ordinal)) is { } dll
                && Services.Contains(dll[..^4], StringComparer.Ordinal) ? dll[..^4] : null
            : null;
    }

    /// <summary>True when the process holds the listening TCP socket of the port.</summary>
    private static bool Listens(int pid, int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in Read(table).Split('\n').Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1].EndsWith(hexPort, StringComparison.Ordinal) && columns[3] == "0A")
                {
                    inodes.Add($"socket:[{columns[9]}]");
                }
            }
        }

        try
        {
            return inodes.Count > 0 && Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>User + system CPU time of the process so far, in clock ticks (1/100 s).</summary>
    private static long CpuTicks(int pid)
    {
        var fields = StatFields(pid);
        return fields.Length > 12
            && long.TryParse(fields[11], CultureInfo.InvariantCulture, out var user)
            && long.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
            ? user + system
            : 0;
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name: state, ppid, … (utime is [11], stime [12]).</summary>
    private static string[] StatFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var close = stat.LastIndexOf(')');
        return close < 0 ? [] : stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static int ParentOf(int pid)
    {
        var fields = StatFields(pid);
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : 0;
    }

    private static IEnumerable<int> Pids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    private static long Kb(string status, string field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var value = line[field.Length..].Trim().Split(' ')[0];
                return long.TryParse(value, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
            }
        }

        return 0;
    }

    private static double Mib(long kb) => Math.Round(kb / 1024.0, 1);

    /// <summary>A /proc file's text, or empty when the process is gone or the file cannot be read.</summary>
    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private sealed class Tracked(string service, int pid)
    {
        public string Service { get; } = service;

        public int Pid { get; } = pid;

        public long FirstKb { get; set; }

        public long LastKb { get; set; }

        public long PeakKb { get; set; }

        public long HwmKb { get; set; }

        public bool Exited { get; set; }

        public long? FirstCpu { get; set; }

        public long LastCpu { get; set; }
    }
}
