using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Dossier.Tests.Shared;
using Grpc.Net.Client;

namespace Dossier.Fault.Tests;

/// <summary>The services' builds: <c>src/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;/&lt;project&gt;.dll</c> of this test's build.</summary>
internal static class ServiceBinaries
{
    private static string Metadata(string key, string fallback) =>
        typeof(ServiceBinaries).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? fallback;

    public static string Dll(string project)
    {
        var configuration = Metadata("ServicesConfiguration", "Debug");
        var framework = Metadata("ServicesTargetFramework", "net10.0");
        var path = Path.Combine(RepoRoot.Path, "src", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} is not built for {configuration}/{framework}: build Services.sln first", path);
    }
}

/// <summary>
/// One Dossier service as a real child process (<c>dotnet Dossier.X.dll</c> from its build folder) on fixed loopback
/// ports, so that it can be killed (SIGKILL, by PID) and started again at the same address. Each start's stdout and
/// stderr go to a log file of their own.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly string _dll;
    private readonly string _logDir;
    private readonly Dictionary<string, string> _environment;
    private Process? _process;
    private StreamWriter? _log;
    private int _starts;

    public ServiceProcess(string name, string project, string logDir, Dictionary<string, string> environment)
    {
        Name = name;
        _dll = ServiceBinaries.Dll(project);
        _logDir = logDir;
        GrpcPort = FreePort();
        HttpPort = FreePort();
        _environment = new Dictionary<string, string>(environment)
        {
            ["Kestrel__Endpoints__grpc__Url"] = GrpcAddress,
            ["Kestrel__Endpoints__http__Url"] = HttpAddress,
        };
        Channel = GrpcChannel.ForAddress(GrpcAddress);
    }

    public string Name { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    /// <summary>A channel to the gRPC endpoint; it reconnects by itself after a restart.</summary>
    public GrpcChannel Channel { get; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>How many times the process was started (a restart by anyone but the test would show here).</summary>
    public int Starts => _starts;

    public string LogFile => Path.Combine(_logDir, $"{Name}-{_starts}.log");

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is already running (pid {_process.Id})");
        }

        _starts++;
        Directory.CreateDirectory(_logDir);
        _log?.Dispose();
        _log = new StreamWriter(LogFile, append: false) { AutoFlush = true };
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { _dll },
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "ASPNETCORE_URLS", "DOSSIER_DATA_DIR", "DOSSIER_API_KEY", "ConnectionStrings__dossier" })
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var log = _log;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>SIGKILL to the process (by its PID): no shutdown, no flush, nothing released.</summary>
    public void Kill()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started");
        using var byPid = Process.GetProcessById(process.Id);
        byPid.Kill(entireProcessTree: true);
        if (!process.WaitForExit(30_000))
        {
            throw new TimeoutException($"{Name} (pid {process.Id}) did not die within 30 s of SIGKILL");
        }
    }

    /// <summary>GET on the HTTP endpoint: status and body, or null when nothing answers.</summary>
    public async Task<(HttpStatusCode Status, string Body)?> GetAsync(string path)
    {
        try
        {
            // With the service's key: in Production /health gives its details (the store and its problem) only to a keyed caller.
            using var request = new HttpRequestMessage(HttpMethod.Get, HttpAddress + path);
            if (_environment.TryGetValue("Dossier__ApiKey", out var key))
            {
                request.Headers.Add("x-api-key", key);
            }

            using var response = await Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until <c>/health</c> answers (any status when <paramref name="healthy"/> is false); fails if the process exits first.</summary>
    public async Task<(HttpStatusCode Status, string Body)> WaitForHealthAsync(bool healthy = true, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited (code {_process?.ExitCode}) before it was ready:\n{LogTail()}");
            }

            var answer = await GetAsync("/health");
            if (answer is { } a && (!healthy || a.Status == HttpStatusCode.OK))
            {
                return a;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name} not {(healthy ? "healthy" : "answering")} within the timeout (last: {answer?.Status} {answer?.Body}):\n{LogTail()}");
            }

            await Task.Delay(250);
        }
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {LogFile} (last {lines} lines)\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return $"--- {LogFile}: not readable";
        }
    }

    /// <summary>A loopback port free right now (the OS picks it).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process?.Dispose();
        Channel.Dispose();
        _log?.Dispose();
    }
}
