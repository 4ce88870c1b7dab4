using Dossier.Contracts.V1;
using Dossier.Dashboard.Services;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new RenderTimingFilter()));
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query"));
        builder.Services.AddGrpcClient<IngestionService.IngestionServiceClient>(o => o.Address = new Uri("http://_grpc.ingestion"));
        builder.Services.AddScoped<ArticlesService>();
        builder.Services.AddScoped<KnowledgeService>();
        builder.Services.AddScoped<IngestStatusService>();
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
