using Dossier.Contracts.V1;
using Dossier.Extraction.Services;
using Dossier.Ingestion.Services;
using Dossier.Query.Services;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>
/// The three services in memory, chained as in production: ingestion's gRPC clients talk to the extraction and
/// query test servers through their handlers. Each fixture has its own data folder.
/// </summary>
public sealed class ServicesFixture : IDisposable
{
    public ServicesFixture()
    {
        Directory.CreateDirectory(DataDir);
        Extraction = new WebApplicationFactory<ExtractionGrpcService>();
        Query = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", DataDir);
            b.UseSetting(ApiKeys.ConfigKey, ApiKey);
        });
        Ingestion = new WebApplicationFactory<IngestionGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", DataDir);
            b.UseSetting(ApiKeys.ConfigKey, ApiKey);
            b.UseSetting("Dossier:Ingestion:PollInterval", "00:00:00.100");
            b.UseSetting("Dossier:Ingestion:RetryBaseDelay", "00:00:00.050");
            b.UseSetting("Dossier:Seeds", "off");
            b.ConfigureTestServices(services =>
            {
                services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = Extraction.Server.BaseAddress)
                    .ConfigurePrimaryHttpMessageHandler(() => Extraction.Server.CreateHandler());
                services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = Query.Server.BaseAddress)
                    .ConfigurePrimaryHttpMessageHandler(() => Query.Server.CreateHandler());
            });
        });
    }

    /// <summary>The write key of the query and ingestion test servers; clients of <see cref="Channel{T}"/> send it.</summary>
    public const string ApiKey = "test-key-3f9c2a";

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-tests", Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<ExtractionGrpcService> Extraction { get; }

    public WebApplicationFactory<QueryGrpcService> Query { get; }

    public WebApplicationFactory<IngestionGrpcService> Ingestion { get; }

    /// <summary>A channel to the test server that sends <paramref name="apiKey"/> (the fixture's key unless told otherwise; null for none).</summary>
    public static GrpcChannel Channel<T>(WebApplicationFactory<T> factory, string? apiKey = ApiKey)
        where T : class =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = apiKey is null ? factory.Server.CreateHandler() : new Dossier.Contracts.ApiKeyHandler(apiKey) { InnerHandler = factory.Server.CreateHandler() },
        });

    /// <summary>An HTTP client of the test server (REST through JSON transcoding) that sends the fixture's key.</summary>
    public static HttpClient Http<T>(WebApplicationFactory<T> factory, string? apiKey = ApiKey)
        where T : class
    {
        var client = factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, apiKey);
        }

        return client;
    }

    public ExtractionService.ExtractionServiceClient ExtractionClient() => new(Channel(Extraction));

    public QueryService.QueryServiceClient QueryClient() => new(Channel(Query));

    public IngestionService.IngestionServiceClient IngestionClient() => new(Channel(Ingestion));

    public void Dispose()
    {
        Ingestion.Dispose();
        Query.Dispose();
        Extraction.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
