using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Contracts.V1;

namespace Dossier.Browser.Tests;

/// <summary>
/// Measures (does not assert) how long each page takes on the server with the seeds loaded: the dashboard reports its
/// handler-to-render time in a Server-Timing header; the wall time of the HTTP GET is recorded too. Results go to
/// render-times.md in the test output folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RenderTimeTests(BrowserFixture system)
{
    private const int Warmup = 3;
    private const int Runs = 20;

    [Fact]
    public async Task EveryPage_RenderTimeIsMeasuredAndWritten()
    {
        var query = new QueryService.QueryServiceClient(system.Channel("query"));
        var ev = (await query.ListEventsAsync(new ListEventsRequest { PageSize = 1 })).Events[0].Id;
        var person = (await query.ListEntitiesAsync(new ListEntitiesRequest { Kind = "person", PageSize = 1 })).Entities[0].Id;
        var article = BrowserFixture.SeedIds[1];
        string[] paths =
        [
            "/", "/articles", "/articles?country=IQ", $"/articles/{article}", $"/articles/{article}/trace", "/events", $"/events/{ev}",
            "/membership", "/entities", $"/entities/{Uri.EscapeDataString(person)}", "/search?q=coalition",
        ];
        using var http = new HttpClient { BaseAddress = system.DashboardUrl };

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Runs} GETs per page after {Warmup} warm-up GETs.")
            .AppendLine()
            .AppendLine("| Page | Server (Server-Timing) median ms | p95 ms | max ms | HTTP GET median ms | Status |")
            .AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var path in paths)
        {
            var server = new List<double>();
            var wall = new List<double>();
            var status = 0;
            for (var i = 0; i < Warmup + Runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                status = (int)response.StatusCode;
                if (i >= Warmup)
                {
                    wall.Add(elapsed);
                    server.Add(ServerTiming(response) ?? double.NaN);
                }
            }

            server.Sort();
            wall.Sort();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{path}` | {server[Runs / 2]:0.0} | {server[(int)Math.Ceiling(Runs * 0.95) - 1]:0.0} | {server[^1]:0.0} | {wall[Runs / 2]:0.0} | {status} |");
            Assert.True(status is 200, $"{path} answered {status}");
        }

        var file = Path.Combine(AppContext.BaseDirectory, "render-times.md");
        await File.WriteAllTextAsync(file, report.ToString());
    }

    private static double? ServerTiming(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && values.SelectMany(v => v.Split(',')).Select(v => v.Trim()).FirstOrDefault(v => v.StartsWith("handler;", StringComparison.Ordinal)) is { } h
        && h.Split("dur=") is [_, var d]
        && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : null;
}
