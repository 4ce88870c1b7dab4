using Dossier.Domain;
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

    [Fact]
    public void Open_DatabaseOfSchemaVersion1_UpgradesAndKeepsItsEvents()
    {
        var path = _folder.File("v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteDatabase.Scripts(SqliteKnowledgeStore.Schema).Single(s => s.Version == 1).Sql + """

                INSERT INTO events (format, country, city, date, sort_date, status, source_count)
                VALUES ('ministerial', 'IT', 'Rome', '2021-06-28', '2021-06-28', 'held', 1);
                INSERT INTO event_sources (event_id, document_id, published, format, status, date, city, country, hosts, participants, span_start, span_end, evidence)
                VALUES (1, 'old', NULL, 'ministerial', 'held', '2021-06-28', 'Rome', 'IT', '[]', '[]', 0, 4, 'Rome');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        var database = new SqliteDatabase(path, SqliteKnowledgeStore.Schema);
        var store = new SqliteKnowledgeStore(database);
        const string text = "Ministers met in Rome in June.";
        store.Index(new ArticleInfo { Id = "a1", Text = text }, new DocumentFacts
        {
            Doc = "a1", Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Rome", "IT", "2021-06", [], [], new TextSpan(0, 21))],
        });

        Assert.Equal(SqliteDatabase.Scripts(SqliteKnowledgeStore.Schema).Max(s => s.Version), database.SchemaVersion);
        var e = Assert.Single(store.ListEvents(new EventQuery(Country: "IT"), 0, 10).Items);
        Assert.Equal(("2021-06-28", 2), (e.Date, e.SourceCount));
    }

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }
}
