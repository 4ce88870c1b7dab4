using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dossier.QueryBench;

/// <summary>
/// The real query service in its own process (Release build), listening on free loopback ports, with a fresh data
/// folder (SQLite; kept when it was given) or the given PostgreSQL connection string. Disposing stops it and deletes a
/// folder it made.
/// </summary>
public sealed class QueryServer : IAsyncDisposable
{
    /// <summary>The write key the benchmark's query service is started with (IndexFacts needs it).</summary>
    public static string ApiKey { get; } = Guid.NewGuid().ToString("N");

    private readonly Process _process;
    private readonly string? _ownDataDir;

    private QueryServer(Process process, string? ownDataDir, Uri grpc)
    {
        _process = process;
        _ownDataDir = ownDataDir;
        GrpcAddress = grpc;
    }

    public Uri GrpcAddress { get; }

    public static async Task<QueryServer> StartAsync(string? connection, string? keepDataDir = null)
    {
        var root = RepoRoot();
        var dataDir = keepDataDir ?? Path.Combine(Path.GetTempPath(), "dossier-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var (grpcPort, httpPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "-c", "Release", "--no-launch-profile", "--project", Path.Combine(root, "src", "Dossier.Query"), "--",
                $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOSSIER_DATA_DIR"] = dataDir;
        start.Environment["Dossier__ApiKey"] = ApiKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (connection is not null)
        {
            start.Environment["ConnectionStrings__dossier"] = connection;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the query service");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("query: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the query service exited with {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"))).IsSuccessStatusCode)
                {
                    return new QueryServer(process, keepDataDir is null ? dataDir : null, new Uri($"http://127.0.0.1:{grpcPort}"));
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the query service did not become healthy");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            if (_ownDataDir is not null)
            {
                Directory.Delete(_ownDataDir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Services.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
