using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dossier.Tests.Shared;

/// <summary>
/// The whole system started through the real app host (Aspire.Hosting.Testing, random ports) with a fresh data folder,
/// the repo's seeds ingested at start and the Aspire dashboard on (its API read with <c>apiKey</c>).
/// </summary>
internal static class DossierApp
{
    /// <summary>The write key the app host is started with (and hands to every service).</summary>
    public const string ApiKey = "dossier-test-write-key";

    /// <summary>Extraction replicas started (the tests check that ingestion spreads work across them).</summary>
    public const int ExtractionReplicas = 2;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <param name="configure">Changes to the app host's services before it is built (e.g. a log capture).</param>
    public static async Task<DistributedApplication> StartAsync(string dataDir, string apiKey, Action<IServiceCollection>? configure = null)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dossier_AppHost>(
            [
                $"--Dossier:DataDir={dataDir}",
                $"--AppHost:DashboardApiKey={apiKey}",
                $"--Dossier:ApiKey={ApiKey}",
                $"--Dossier:ExtractionReplicas={ExtractionReplicas}",
                // Feeds and pages served by a test's local server (loopback) may be fetched.
                "--Dossier:Ingestion:Feeds:AllowPrivateNetworks=true",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            (options, _) => options.DisableDashboard = false);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        configure?.Invoke(builder.Services);

        var app = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(cts.Token);
        foreach (var resource in new[] { "extraction", "extraction-2", "query", "ingestion", "dashboard" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }

        return app;
    }

    /// <summary>A gRPC channel to a resource's grpc endpoint that sends the write key.</summary>
    public static Grpc.Net.Client.GrpcChannel Channel(DistributedApplication app, string resource) =>
        Grpc.Net.Client.GrpcChannel.ForAddress(app.GetEndpoint(resource, "grpc"), new Grpc.Net.Client.GrpcChannelOptions
        {
            HttpHandler = new Dossier.Contracts.ApiKeyHandler(ApiKey) { InnerHandler = new SocketsHttpHandler() },
        });

    /// <summary>Stops the system (when it started) and deletes its data folder.</summary>
    public static async Task StopAsync(DistributedApplication? app, string dataDir)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
