using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

/// <summary>
/// What the app host hands to the services: the data folder (configuration <c>Dossier:DataDir</c> or
/// <c>DOSSIER_DATA_DIR</c>, default <c>~/.local/share/dossier</c>), the seed folder to ingest at start
/// (<c>Dossier:Seeds</c>: a folder, or <c>off</c>; default the repo's <c>seeds/</c>), the API key of write calls
/// (<c>Dossier:ApiKey</c> or <c>DOSSIER_API_KEY</c>; else the one kept in the data folder's <c>api-key</c> file, made on
/// first start), the number of extraction replicas (<c>Dossier:ExtractionReplicas</c>, default 1), and the Aspire
/// dashboard's URL and API key (<c>AppHost:DashboardApiKey</c>; empty when the dashboard is open without login) so the
/// Dossier dashboard can read traces from it, and the Dossier dashboard's sign-in: the lifetime of its one-time link
/// (<c>Dossier:Dashboard:SignInLinkLifetime</c>, default 15 minutes) and an optional password hash
/// (<c>Dossier:Dashboard:PasswordHash</c>). With a connection string <c>ConnectionStrings:dossier</c> ingestion and
/// query keep their data in that PostgreSQL database.
/// </summary>
internal sealed record DossierSettings(
    string DataDir, string Seeds, string ApiKey, string ApiKeyOrigin, string? ApiKeyPath, int ExtractionReplicas, bool LockReads,
    string AspireDashboardUrl, string AspireDashboardApiKey, bool UsePostgres, TimeSpan SignInLinkLifetime, string? DashboardPasswordHash)
{
    /// <summary>The file in the data folder that keeps a generated key (the CLI reads it too).</summary>
    public const string ApiKeyFile = "api-key";

    public static DossierSettings From(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataDir = Path.GetFullPath(FirstSet(config["Dossier:DataDir"], config["DOSSIER_DATA_DIR"])
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dossier"));
        var seeds = FirstSet(config["Dossier:Seeds"]) ?? Path.Combine(builder.AppHostDirectory, "..", "seeds");
        var dashboard = FirstSet(config["ASPNETCORE_URLS"])?.Split(';')[0] ?? "";
        var (apiKey, origin, keyPath) = FirstSet(config["Dossier:ApiKey"], config["DOSSIER_API_KEY"]) is { } given
            ? (given.Trim(), "from configuration", null)
            : StoredOrNewKey(dataDir);
        return new DossierSettings(
            dataDir,
            seeds.Equals("off", StringComparison.OrdinalIgnoreCase) ? "off" : Path.GetFullPath(seeds),
            apiKey,
            origin,
            keyPath,
            Math.Clamp(config.GetValue("Dossier:ExtractionReplicas", 1), 1, 16),
            config.GetValue<bool>("Dossier:LockReads"),
            dashboard,
            config["AppHost:DashboardApiKey"] ?? "",
            !string.IsNullOrWhiteSpace(config.GetConnectionString("dossier")),
            config.GetValue("Dossier:Dashboard:SignInLinkLifetime", TimeSpan.FromMinutes(15)),
            FirstSet(config["Dossier:Dashboard:PasswordHash"])?.Trim());
    }

    /// <summary>The key kept in the data folder, or a new random one written there (readable by the user only).</summary>
    private static (string Key, string Origin, string? Path) StoredOrNewKey(string dataDir)
    {
        var path = Path.Combine(dataDir, ApiKeyFile);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return (stored, $"kept in {path}", path);
        }

        Directory.CreateDirectory(dataDir);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            writer.Write(key);
        }

        return (key, $"generated, kept in {path}", path);
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
