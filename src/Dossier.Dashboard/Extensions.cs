using Dossier.Contracts.V1;
using Dossier.Dashboard.Services;
using Dossier.Dashboard.SignIn;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new RenderTimingFilter()));
        builder.AddDashboardSignIn();
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query")).WithQuickFailure().AddDossierApiKey();
        builder.Services.AddGrpcClient<IngestionService.IngestionServiceClient>(o => o.Address = new Uri("http://_grpc.ingestion")).WithQuickFailure().AddDossierApiKey();
        builder.Services.AddScoped<ArticlesService>();
        builder.Services.AddScoped<KnowledgeService>();
        builder.Services.AddGrpcClient<FeedService.FeedServiceClient>(o => o.Address = new Uri("http://_grpc.ingestion")).WithQuickFailure().AddDossierApiKey();
        builder.Services.AddScoped<IngestStatusService>();
        builder.Services.AddScoped<FeedsService>();
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));

        // The telemetry API is read with a plain client and a short timeout (no retries): when it is down the trace page
        // says so at once instead of waiting out the standard resilience pipeline.
        builder.Services.AddSingleton(sp => new TraceService(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(3) })
            {
                Timeout = TimeSpan.FromSeconds(8),
            },
            sp.GetRequiredService<IOptions<DashboardOptions>>(),
            sp.GetRequiredService<ILogger<TraceService>>()));
    }
}

internal static class ResilienceExtensions
{
    /// <summary>
    /// A page waits on these reads: one quick retry and short timeouts instead of the service defaults' standard pipeline
    /// (several retries with exponential back-off), so a service that is down is reported in about a second, not fifteen.
    /// </summary>
    public static IHttpClientBuilder WithQuickFailure(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.FromMilliseconds(200);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(12);
        });
        return client;
    }
}

public sealed class DashboardOptions
{
    public const string Section = "Dossier";

    /// <summary>Base URL of the Aspire dashboard, for links to traces and its telemetry API.</summary>
    public string AspireDashboardUrl { get; set; } = "";

    /// <summary>The Aspire dashboard's API key (header X-API-Key); empty when it is open without one.</summary>
    public string AspireDashboardApiKey { get; set; } = "";

    public string? TraceUrl(string traceId) =>
        string.IsNullOrEmpty(traceId) || string.IsNullOrEmpty(AspireDashboardUrl)
            ? null
            : $"{AspireDashboardUrl.TrimEnd('/')}/traces/detail/{Uri.EscapeDataString(traceId)}";
}
