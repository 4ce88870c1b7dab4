using Microsoft.Extensions.Configuration;

/// <summary>
/// What the app host hands to the services: the data folder (configuration <c>Dossier:DataDir</c> or
/// <c>DOSSIER_DATA_DIR</c>, default <c>~/.local/share/dossier</c>), the seed folder to ingest at start
/// (<c>Dossier:Seeds</c>: a folder, or <c>off</c>; default the repo's <c>seeds/</c>), and the Aspire dashboard's URL and
/// API key (<c>AppHost:DashboardApiKey</c>; empty when the dashboard is open without login) so the Dossier dashboard
/// can read traces from it. With a connection string <c>ConnectionStrings:dossier</c> the query service keeps its
/// knowledge in that PostgreSQL database.
/// </summary>
internal sealed record DossierSettings(string DataDir, string Seeds, string AspireDashboardUrl, string AspireDashboardApiKey, bool UsePostgres)
{
    public static DossierSettings From(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataDir = FirstSet(config["Dossier:DataDir"], config["DOSSIER_DATA_DIR"])
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dossier");
        var seeds = FirstSet(config["Dossier:Seeds"]) ?? Path.Combine(builder.AppHostDirectory, "..", "seeds");
        var dashboard = FirstSet(config["ASPNETCORE_URLS"])?.Split(';')[0] ?? "";
        return new DossierSettings(
            Path.GetFullPath(dataDir),
            seeds.Equals("off", StringComparison.OrdinalIgnoreCase) ? "off" : Path.GetFullPath(seeds),
            dashboard,
            config["AppHost:DashboardApiKey"] ?? "",
            !string.IsNullOrWhiteSpace(config.GetConnectionString("dossier")));
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
