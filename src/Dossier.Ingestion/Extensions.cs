using Dossier.Contracts.V1;
using Dossier.Store;

namespace Dossier.Ingestion;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        builder.Services.AddSingleton<IArticleStore>(_ => OpenStore(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.Section));

        // Endpoint "grpc" of resources "extraction" and "query", resolved by service discovery: with several extraction
        // replicas listed there, calls go round-robin across them (client-side load balancing).
        builder.Services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = new Uri("http://_grpc.extraction"))
            .AddDossierApiKey();
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query"))
            .AddDossierApiKey();

        builder.Services.AddSingleton<WorkQueue>();
        builder.Services.AddSingleton<ArticleProcessor>();
        builder.Services.AddSingleton<Ingestor>();
        builder.Services.AddHostedService<IngestionWorker>();
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        builder.Services.AddHostedService<SeedLoader>();
    }

    /// <summary>
    /// PostgreSQL when the connection string <c>ConnectionStrings:dossier</c> is set (several ingestion replicas share its
    /// queue), else embedded SQLite (<c>ingestion.db</c> in the data folder, one ingestion process).
    /// </summary>
    public static IArticleStore OpenStore(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("dossier");
        return string.IsNullOrWhiteSpace(connectionString)
            ? SqliteArticleStore.Open(Path.Combine(configuration.GetDossierDataDir(), "ingestion.db"))
            : PostgresArticleStore.Open(connectionString);
    }
}
