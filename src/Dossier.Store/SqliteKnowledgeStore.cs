using System.Data.Common;

namespace Dossier.Store;

/// <summary>The knowledge store on embedded SQLite (WAL) with FTS5 full-text search ranked by BM25.</summary>
public sealed class SqliteKnowledgeStore(SqliteDatabase database) : SqlKnowledgeStore
{
    public const string Schema = "Knowledge";

    public static SqliteKnowledgeStore Open(string path) => new(new SqliteDatabase(path, Schema));

    public override string Engine => "sqlite";

    protected override bool SingleWriter => true;

    protected override DbConnection Open() => database.Open();

    protected override void InsertFullText(SqlSession session, ArticleInfo article) =>
        session.Execute("INSERT INTO documents_fts (document_id, title, text) VALUES (@id, @title, @text)",
            ("@id", article.Id), ("@title", article.Title), ("@text", HighlightMarks.Clean(article.Text)));

    protected override void DeleteFullText(DbConnection connection, DbTransaction tx, string id) =>
        Db.Execute(connection, tx, "DELETE FROM documents_fts WHERE document_id = @id", ("@id", id));

    protected override FullTextClause FullText(string text) => new(
        From: "documents_fts JOIN documents d ON d.id = documents_fts.document_id",
        Where: "documents_fts MATCH @match",
        Score: "-bm25(documents_fts, 0.0, 4.0, 1.0)",
        Parameters: [("@match", FullTextQuery.ToFts5(text))],
        Key: "documents_fts.rowid",
        WindowOrder: "documents_fts.rowid DESC",
        BareFrom: "documents_fts",
        // FTS5 marks the instances of the query's phrases: matched again by any of the query's words, it marks each
        // word wherever it occurs, as PostgreSQL does.
        Highlight: "highlight(documents_fts, 2, char(2), char(3))",
        HighlightWhere: "documents_fts MATCH @words",
        HighlightParameters: [("@words", FullTextQuery.ToFts5AnyWord(text))]);
}
