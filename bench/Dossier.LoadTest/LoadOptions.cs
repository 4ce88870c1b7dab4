using System.Globalization;

namespace Dossier.LoadTest;

/// <summary>What to load, how hard and for how long; parsed from <c>--name value</c> pairs.</summary>
public sealed record LoadOptions(
    Uri Ingestion,
    Uri Query,
    string ApiKey,
    string ApiKeyOrigin,
    int Streams,
    int Queriers,
    TimeSpan Duration,
    int Seed,
    string RunId,
    int Window,
    TimeSpan DrainTimeout,
    bool Json)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Dossier.LoadTest -- [options]
          --ingestion URL       ingestion gRPC address (default http://localhost:5181)
          --query URL           query gRPC address (default http://localhost:5183)
          --api-key KEY         write key (default: DOSSIER_API_KEY, else <DOSSIER_DATA_DIR or ~/.local/share/dossier>/api-key)
          --streams N           concurrent IngestStream calls (default 4)
          --queriers M          concurrent query loops, a Search/GetEntity/ListEvents mix (default 4)
          --duration 60s        how long to load (s, m or plain seconds; default 60s)
          --seed S              corpus seed (default 7)
          --run-id ID           marks this run's articles, starting with a letter (default: from the clock), so their content is new
          --window W            unacknowledged articles per stream at most (default 16)
          --drain-timeout 300s  longest wait for the queue to drain after the load (default 300s; 0 = do not wait)
          --json                print the summary as JSON
        Exit code: 0 when every call succeeded or was refused by backpressure (RESOURCE_EXHAUSTED), 1 otherwise, 2 on bad usage.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--json")
            {
                json = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && Known.Contains(arg[2..]))
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown or incomplete option '{arg}'");
            }
        }

        string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;
        var (key, origin) = Get("api-key") is { Length: > 0 } given ? (given, "--api-key") : ApiKeyFromEnvironment();
        return new LoadOptions(
            new Uri(Get("ingestion") ?? "http://localhost:5181"),
            new Uri(Get("query") ?? "http://localhost:5183"),
            key,
            origin,
            Positive("streams", Get("streams") ?? "4", allowZero: true),
            Positive("queriers", Get("queriers") ?? "4", allowZero: true),
            ParseDuration("duration", Get("duration") ?? "60s"),
            int.Parse(Get("seed") ?? "7", CultureInfo.InvariantCulture),
            CheckRunId(Get("run-id") ?? ClockRunId()),
            Positive("window", Get("window") ?? "16", allowZero: false),
            ParseDuration("drain-timeout", Get("drain-timeout") ?? "300s"),
            json);
    }

    private static readonly HashSet<string> Known =
        ["ingestion", "query", "api-key", "streams", "queriers", "duration", "seed", "run-id", "window", "drain-timeout"];

    /// <summary>DOSSIER_API_KEY, else the key file the app host keeps in the data folder.</summary>
    private static (string Key, string Origin) ApiKeyFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_API_KEY") is { Length: > 0 } variable)
        {
            return (variable.Trim(), "DOSSIER_API_KEY");
        }

        var dataDir = Environment.GetEnvironmentVariable("DOSSIER_DATA_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dossier");
        var file = Path.Combine(dataDir, "api-key");
        return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored
            ? (stored, file)
            : throw new ArgumentException($"no API key: pass --api-key, set DOSSIER_API_KEY or start the app host once (it writes {file})");
    }

    public static TimeSpan ParseDuration(string name, string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"--{name}: '{text}' is not a duration (e.g. 60s, 2m)");
    }

    private static int Positive(string name, string text, bool allowZero) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a {(allowZero ? "non-negative" : "positive")} whole number");

    /// <summary>"r" and the seconds since 2020 in base 36, e.g. r1q8xk3: short, new each second, no long run of digits.</summary>
    private static string ClockRunId()
    {
        var seconds = (long)(DateTime.UtcNow - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        var digits = new Stack<char>();
        do
        {
            digits.Push("0123456789abcdefghijklmnopqrstuvwxyz"[(int)(seconds % 36)]);
            seconds /= 36;
        }
        while (seconds > 0);
        return "r" + new string([.. digits]);
    }

    // A letter first: the id is written into each article's text, and a long bare number there is read as a figure.
    private static string CheckRunId(string id) =>
        id.Length is > 0 and <= 24 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : throw new ArgumentException("--run-id: 1 to 24 letters, digits, '-' or '_', starting with a letter");
}
