using Microsoft.Data.Sqlite;

namespace Dossier.Store.Tests;

/// <summary>The knowledge store suite on embedded SQLite.</summary>
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreSuite
{
    private readonly TempFolder _folder = new();

    protected override IKnowledgeStore CreateStore() => SqliteKnowledgeStore.Open(_folder.File("k.db"));

    protected override IKnowledgeStore OpenUpgradedFrom(int version, string sql)
    {
        var path = _folder.File($"v{version}.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Join('\n', SqliteDatabase.Scripts(SqliteKnowledgeStore.Schema).Where(s => s.Version <= version).Select(s => s.Sql))
                + "\n" + sql + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
        }

        _databases[path] = new SqliteDatabase(path, SqliteKnowledgeStore.Schema);
        return new SqliteKnowledgeStore(_databases[path]);
    }

    protected override (int Current, int Latest) SchemaVersions(IKnowledgeStore store) =>
        (_databases.Values.Single().SchemaVersion, SqliteDatabase.Scripts(SqliteKnowledgeStore.Schema).Max(s => s.Version));

    private readonly Dictionary<string, SqliteDatabase> _databases = [];

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }
}
