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
        // No HTTP-level resilience on these two: the durable queue retries with its own back-off, and a circuit breaker
        // or hidden retries in between would turn "service down" into opaque errors and delay the worker's pause.
        builder.Services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = new Uri("http://_grpc.extraction"))
            .WithoutResilience().AddDossierApiKey();
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query"))
            .WithoutResilience().AddDossierApiKey();

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

    private static IHttpClientBuilder WithoutResilience(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental
        return client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
