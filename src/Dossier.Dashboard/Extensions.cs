using Dossier.Contracts.V1;
using Dossier.Dashboard.Services;

namespace Dossier.Dashboard;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = new Uri("http://_grpc.query"));
        builder.Services.AddScoped<ArticlesService>();
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
    }
}

public sealed class DashboardOptions
{
    public const string Section = "Dossier";

    /// <summary>Base URL of the Aspire dashboard, for links to traces.</summary>
    public string AspireDashboardUrl { get; set; } = "";

    public string? TraceUrl(string traceId) =>
        string.IsNullOrEmpty(traceId) || string.IsNullOrEmpty(AspireDashboardUrl)
            ? null
            : $"{AspireDashboardUrl.TrimEnd('/')}/traces/detail/{Uri.EscapeDataString(traceId)}";
}
