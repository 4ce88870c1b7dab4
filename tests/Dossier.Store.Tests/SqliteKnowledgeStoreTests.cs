using Microsoft.Data.Sqlite;

namespace Dossier.Store.Tests;

/// <summary>The knowledge store suite on embedded SQLite.</summary>
public class SqliteKnowledgeStoreTests : KnowledgeStoreSuite
{
    private readonly TempFolder _folder = new();

    /// <summary>Articles per part of the full-text index (<see cref="SqliteKnowledgeStore.FullTextPartSize"/>); null: the default.</summary>
    protected virtual int? FullTextPartSize => null;

    protected override IKnowledgeStore CreateStore() => Create(new SqliteDatabase(_folder.File("k.db"), SqliteKnowledgeStore.Schema));

    private SqliteKnowledgeStore Create(SqliteDatabase database) =>
        FullTextPartSize is { } size ? new SqliteKnowledgeStore(database) { FullTextPartSize = size } : new SqliteKnowledgeStore(database);

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
        return Create(_databases[path]);
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
