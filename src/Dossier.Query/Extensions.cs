using Dossier.Store;

namespace Dossier.Query;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        builder.Services.AddSingleton<IKnowledgeStore>(_ =>
            SqliteKnowledgeStore.Open(Path.Combine(builder.Configuration.GetDossierDataDir(), "query.db")));
    }
}
