using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Dossier settings every service reads the same way.</summary>
public static class DossierConfiguration
{
    public const string DataDirKey = "Dossier:DataDir";
    public const string DataDirVariable = "DOSSIER_DATA_DIR";

    /// <summary>
    /// The data folder: configuration <c>Dossier:DataDir</c>, else the environment variable <c>DOSSIER_DATA_DIR</c>,
    /// else <see cref="DefaultDataDir"/>.
    /// </summary>
    public static string GetDossierDataDir(this IConfiguration configuration)
    {
        var dir = configuration[DataDirKey];
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = configuration[DataDirVariable];
        }

        return Path.GetFullPath(string.IsNullOrWhiteSpace(dir) ? DefaultDataDir : dir);
    }

    /// <summary><c>~/.local/share/dossier</c> on Linux (the user's local application data folder).</summary>
    public static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "dossier");
}
