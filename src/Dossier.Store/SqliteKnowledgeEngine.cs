using System.Data.Common;

namespace Dossier.Store;

/// <summary>
/// SQLite under the knowledge store (<see cref="SqliteKnowledgeStore"/>): one writer at a time (WAL), FTS5 full-text
/// search ranked by BM25 in parts of <see cref="PartSize"/> articles (<see cref="SqliteFullTextParts"/>).
/// </summary>
internal sealed class SqliteKnowledgeEngine(SqliteDatabase database) : SqlEngine
{
    public override string Name => "sqlite";

    public override bool SingleWriter => true;

    public override DbConnection Open() => database.Open();

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenAsync(ct);

    /// <summary>Articles per part of the full-text index (<see cref="SqliteKnowledgeStore.FullTextPartSize"/>).</summary>
    public int PartSize { get; set; } = 16384;

    public override void InsertFullText(SqlSession session, ArticleInfo article)
    {
        var rowid = session.Scalar<long>("SELECT rowid FROM documents WHERE id = @id", ("@id", article.Id));
        var table = SqliteFullTextParts.ForNew(session, rowid, PartSize);
        (string, object?)[] row = [("@rowid", rowid), ("@id", article.Id), ("@title", article.Title), ("@text", HighlightMarks.Clean(article.Text))];
        session.Execute(table == SqliteFullTextParts.Legacy
            ? $"INSERT INTO {table} (document_id, title, text) VALUES (@id, @title, @text)"
            : $"INSERT INTO {table} (rowid, document_id, title, text) VALUES (@rowid, @id, @title, @text)", row);
    }

    public override void DeleteFullText(SqlSession session, string id)
    {
        if (session.Query("SELECT rowid FROM documents WHERE id = @id", r => r.GetInt64(0), ("@id", id)) is not [var rowid])
        {
            return;
        }

        var table = SqliteFullTextParts.Of(session, rowid);
        if (table == SqliteFullTextParts.Legacy)
        {
            session.Execute("DELETE FROM documents_fts WHERE document_id = @id", ("@id", id));
        }
        else
        {
            session.Execute($"DELETE FROM {table} WHERE rowid = @rowid", ("@rowid", rowid));
        }
    }

    public override async Task<IReadOnlyList<FullTextClause>> FullTextAsync(DbConnection connection, string text, CancellationToken ct)
    {
        (string, object?)[] match = [("@match", FullTextQuery.ToFts5(text))];
        var marker = new Fts5WordMarker(text);
        return (await SqliteFullTextParts.TablesAsync(connection, ct)).Select(table => new FullTextClause(
            From: $"{table} JOIN documents d ON d.id = {table}.document_id",
            Where: $"{table} MATCH @match",
            Score: $"-bm25({table}, 0.0, 4.0, 1.0)",
            Parameters: match,
            Key: $"{table}.rowid",
            WindowOrder: $"{table}.rowid DESC",
            BareFrom: table,
            // Each of the query's words is marked wherever it occurs, in a phrase or not, as PostgreSQL does; in C#, since
            // FTS5 would first match the page's rows against an OR of every word (see Fts5WordMarker).
            Highlight: $"{table}.text",
            MarkWords: marker.Mark)).ToList();
    }
}
