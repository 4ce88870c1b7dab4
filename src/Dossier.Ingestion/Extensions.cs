using Dossier.Contracts.V1;
using Dossier.Store;

namespace Dossier.Ingestion;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        builder.Services.AddSingleton<IArticleStore>(_ =>
            SqliteArticleStore.Open(Path.Combine(builder.Configuration.GetDossierDataDir(), "ingestion.db")));

        // Endpoint "grpc" of resources "extraction" and "query", resolved by service discovery.
        builder.Services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = new Uri("http://_grpc.extraction"));
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query"));

        builder.Services.AddSingleton<Ingestor>();
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        builder.Services.AddHostedService<SeedLoader>();
    }
}
