using Dossier.Tests.Shared;
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

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-e2e", Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await DossierApp.StartAsync(DataDir, DashboardApiKey);
    }

    public GrpcChannel Channel(string resource) => DossierApp.Channel(App, resource);

    public HttpClient Http(string resource, string endpoint = "http") => new() { BaseAddress = App.GetEndpoint(resource, endpoint) };

    public async Task DisposeAsync()
    {
        await DossierApp.StopAsync(App, DataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
