using Grpc.Net.Client;

namespace Dossier.Cli.Commands;

/// <summary><c>--server URL</c> and <c>--api-key KEY</c>, which every command against a running system takes.</summary>
public sealed record ServerOptions(string? Server = null, string? ApiKey = null);

/// <summary>Where the services listen when started by the app host (README: ports), and the key writes need.</summary>
public static class Servers
{
    public const string Ingestion = "http://localhost:5181";
    public const string Query = "http://localhost:5183";

    /// <summary>
    /// A channel to <c>--server</c> (or <paramref name="fallback"/>) that sends the API key: <c>--api-key</c>, else
    /// <c>DOSSIER_API_KEY</c>, else the key the app host keeps in the data folder (<c>DOSSIER_DATA_DIR</c> or
    /// <c>~/.local/share/dossier</c>, file <c>api-key</c>).
    /// </summary>
    public static GrpcChannel Channel(ServerOptions server, string fallback)
    {
        var url = server.Server ?? fallback;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server must be an http:// or https:// URL, not '{url}'");
        }

        HttpMessageHandler handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (ApiKey(server.ApiKey) is { } key)
        {
            handler = new Contracts.ApiKeyHandler(key) { InnerHandler = handler };
        }

        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024, HttpHandler = handler });
    }

    public static string? ApiKey(string? apiKey)
    {
        var key = apiKey ?? Environment.GetEnvironmentVariable("DOSSIER_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            var dataDir = Environment.GetEnvironmentVariable("DOSSIER_DATA_DIR") is { Length: > 0 } dir
                ? dir
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dossier");
            var file = Path.Combine(dataDir, "api-key");
            key = File.Exists(file) ? File.ReadAllText(file) : null;
        }

        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }
}
