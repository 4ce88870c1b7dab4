using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dossier.EndToEnd.Tests;

/// <summary>
/// The whole system started once through the real app host (Aspire.Hosting.Testing, random ports), with the
/// repo's seeds ingested at start, a fresh data folder, and the Aspire dashboard on so traces can be read back.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string DashboardApiKey = "dossier-e2e-key";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-e2e", Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dossier_AppHost>(
            [
                $"--Dossier:DataDir={DataDir}",
                $"--AppHost:DashboardApiKey={DashboardApiKey}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            (options, _) => options.DisableDashboard = false);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        App = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(cts.Token);
        foreach (var resource in new[] { "extraction", "query", "ingestion", "dashboard" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }
    }

    public GrpcChannel Channel(string resource) => GrpcChannel.ForAddress(App.GetEndpoint(resource, "grpc"));

    public HttpClient Http(string resource, string endpoint = "http") => new() { BaseAddress = App.GetEndpoint(resource, endpoint) };

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
