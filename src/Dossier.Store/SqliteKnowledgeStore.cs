namespace Dossier.Store;

/// <summary>The knowledge store on embedded SQLite (WAL) with FTS5 full-text search ranked by BM25 (<see cref="SqliteKnowledgeEngine"/>).</summary>
public sealed class SqliteKnowledgeStore : SqlKnowledgeStore
{
    public const string Schema = "Knowledge";

    private readonly SqliteKnowledgeEngine _engine;

    public SqliteKnowledgeStore(SqliteDatabase database)
        : this(new SqliteKnowledgeEngine(database))
    {
    }

    private SqliteKnowledgeStore(SqliteKnowledgeEngine engine)
        : base(engine) => _engine = engine;

    public static SqliteKnowledgeStore Open(string path) => new(new SqliteDatabase(path, Schema));

    /// <summary>
    /// How many articles (row ids) a part of the full-text index holds before the next part is begun
    /// (<see cref="SqliteFullTextParts"/>): a search for a common word costs about as much as one part.
    /// </summary>
    public int FullTextPartSize
    {
        get => _engine.PartSize;
        init => _engine.PartSize = value;
    }
}
