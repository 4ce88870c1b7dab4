using Dossier.Store;

namespace Dossier.Query;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        builder.Services.AddSingleton<IKnowledgeStore>(_ => OpenStore(builder.Configuration));
    }

    /// <summary>
    /// PostgreSQL when the connection string <c>ConnectionStrings:dossier</c> is set (the scale-out store several replicas
    /// can share), else embedded SQLite in the data folder.
    /// </summary>
    public static IKnowledgeStore OpenStore(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("dossier");
        return string.IsNullOrWhiteSpace(connectionString)
            ? SqliteKnowledgeStore.Open(Path.Combine(configuration.GetDossierDataDir(), "query.db"))
            : PostgresKnowledgeStore.Open(connectionString);
    }
}
