using Dossier.Contracts.V1;
using Dossier.Extraction.Services;
using Dossier.Ingestion.Services;
using Dossier.Query.Services;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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
        Query = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b => b.UseSetting("Dossier:DataDir", DataDir));
        Ingestion = new WebApplicationFactory<IngestionGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", DataDir);
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

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-tests", Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<ExtractionGrpcService> Extraction { get; }

    public WebApplicationFactory<QueryGrpcService> Query { get; }

    public WebApplicationFactory<IngestionGrpcService> Ingestion { get; }

    public static GrpcChannel Channel<T>(WebApplicationFactory<T> factory)
        where T : class =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

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
