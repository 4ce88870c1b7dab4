using Grpc.Net.Client;

namespace Dossier.Cli.Commands;

/// <summary>Where the services listen when started by the app host (README: ports).</summary>
public static class Servers
{
    public const string Ingestion = "http://localhost:5181";
    public const string Query = "http://localhost:5183";

    public static GrpcChannel Channel(Args args, string fallback)
    {
        var url = args.Get("server") ?? fallback;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server must be an http:// or https:// URL, not '{url}'");
        }

        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }
}
