using Dossier.Contracts.V1;
using Dossier.Ingestion.Feeds;
using Dossier.Store;

namespace Dossier.Ingestion;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        AddStore(builder);
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
        builder.Services.AddSingleton<QueryIndexer>();
        builder.Services.AddSingleton<ArticleProcessor>();
        builder.Services.AddSingleton<Ingestor>();
        builder.Services.AddSingleton<Reextraction>();
        builder.Services.AddHostedServiceAfterStores<IngestionWorker>();
        AddFeeds(builder);
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        builder.Services.AddHostedServiceAfterStores<SeedLoader>();
    }

    /// <summary>Fetching pages by URL under the safety rules, feed subscriptions and their poller.</summary>
    private static void AddFeeds(IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.Section));
        builder.Services.AddSingleton<HostThrottle>();
        builder.Services.AddSingleton<SafeFetcher>();
        builder.Services.AddSingleton<PageIngestor>();
        builder.Services.AddSingleton<FeedSchedule>();
        builder.Services.AddSingleton<FeedPoll>();
        builder.Services.AddHostedServiceAfterStores<FeedPoller>();
    }

    /// <summary>
    /// PostgreSQL when the connection string <c>ConnectionStrings:dossier</c> is set (several ingestion replicas share its
    /// queue), else embedded SQLite (<c>ingestion.db</c> in the data folder, one ingestion process). Opened on first use
    /// and guarded: while it cannot be used, calls answer UNAVAILABLE with the reason and /health says so.
    /// </summary>
    private static void AddStore(IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("dossier");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = Path.Combine(builder.Configuration.GetDossierDataDir(), "ingestion.db");
            var location = StoreLocation.Sqlite(path);
            builder.AddDossierStore<IArticleStore>(location.Name, () => SqliteArticleStore.Open(path), location.Probe, StoreProblems.Describe);
            builder.AddDossierStore<IFeedStore>(location.Name, () => SqliteFeedStore.Open(path), location.Probe, StoreProblems.Describe, check: "feed-store");
        }
        else
        {
            var location = StoreLocation.Postgres(connectionString);
            builder.AddDossierStore<IArticleStore>(location.Name, () => PostgresArticleStore.Open(connectionString), location.Probe, StoreProblems.Describe);
            builder.AddDossierStore<IFeedStore>(location.Name, () => PostgresFeedStore.Open(connectionString), location.Probe, StoreProblems.Describe, check: "feed-store");
        }
    }

    private static IHttpClientBuilder WithoutResilience(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental
        return client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
