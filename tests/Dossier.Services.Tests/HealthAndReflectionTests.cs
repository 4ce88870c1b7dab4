using System.Net;
using Dossier.Contracts.V1;
using Dossier.Query.Services;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>
/// /health names the store only in Development or to a caller with the API key (everyone else gets the status);
/// /alive stays open; gRPC reflection is on in Development and switchable with Dossier:Reflection.
/// </summary>
public sealed class HealthAndReflectionTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "dossier-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Health_ProductionWithoutKey_GivesOnlyTheStatus()
    {
        using var query = Query("Production");
        using var http = ServicesFixture.Http(query, apiKey: null);

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy\n", body);
    }

    [Fact]
    public async Task Health_ProductionWrongKey_GivesOnlyTheStatus()
    {
        using var query = Query("Production");
        using var http = ServicesFixture.Http(query, apiKey: "not-the-key");

        var body = await http.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("Healthy\n", body);
    }

    [Fact]
    public async Task Health_ProductionWithKey_NamesTheStore()
    {
        using var query = Query("Production");
        using var http = ServicesFixture.Http(query);

        var body = await http.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.StartsWith("Healthy\n", body, StringComparison.Ordinal);
        Assert.Contains("store: Healthy", body, StringComparison.Ordinal);
        Assert.Contains(_dataDir, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Development_NamesTheStore()
    {
        using var query = Query("Development");
        using var http = ServicesFixture.Http(query, apiKey: null);

        var body = await http.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Contains(_dataDir, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alive_ProductionLockedReadsWithoutKey_IsOpen()
    {
        using var query = Query("Production", ("Dossier:LockReads", "true"));
        using var http = ServicesFixture.Http(query, apiKey: null);

        using var alive = await http.GetAsync(new Uri("/alive", UriKind.Relative));
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy\n", await health.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public async Task Reflection_ByEnvironmentAndSetting_IsServedOrNot(string environment, string? setting, bool served)
    {
        using var query = setting is null ? Query(environment) : Query(environment, ("Dossier:Reflection", setting));
        var client = new ServerReflection.ServerReflectionClient(ServicesFixture.Channel(query));

        async Task<IReadOnlyList<string>> ListAsync()
        {
            using var call = client.ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        }

        if (served)
        {
            Assert.Contains(QueryService.Descriptor.FullName, await ListAsync());
        }
        else
        {
            var e = await Assert.ThrowsAsync<RpcException>(ListAsync);
            Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        }
    }

    private WebApplicationFactory<QueryGrpcService> Query(string environment, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Dossier:DataDir", _dataDir);
            b.UseSetting(ApiKeys.ConfigKey, ServicesFixture.ApiKey);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
