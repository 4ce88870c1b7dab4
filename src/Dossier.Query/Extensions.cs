using Dossier.Store;

namespace Dossier.Query;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        AddStore(builder);
    }

    /// <summary>
    /// PostgreSQL when the connection string <c>ConnectionStrings:dossier</c> is set (the scale-out store several replicas
    /// can share), else embedded SQLite in the data folder. Opened on first use and guarded: while it cannot be used,
    /// calls answer UNAVAILABLE with the reason and /health says so.
    /// </summary>
    private static void AddStore(IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("dossier");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = Path.Combine(builder.Configuration.GetDossierDataDir(), "query.db");
            var location = StoreLocation.Sqlite(path);
            builder.AddDossierStore<IKnowledgeStore>(location.Name, () => SqliteKnowledgeStore.Open(path), location.Probe, StoreProblems.Describe);
        }
        else
        {
            var location = StoreLocation.Postgres(connectionString);
            builder.AddDossierStore<IKnowledgeStore>(location.Name, () => PostgresKnowledgeStore.Open(connectionString), location.Probe, StoreProblems.Describe);
        }
    }
}
