using System.Data.Common;
using System.Globalization;

namespace Dossier.Store;

/// <summary>
/// The SQLite full-text index kept in parts of consecutive articles (by <c>documents.rowid</c>, the order they were
/// indexed in), one FTS5 table per part: <c>documents_fts_1</c>, <c>documents_fts_2</c>, …, listed in
/// <c>fulltext_parts</c> with the first row id each holds. <c>documents_fts</c> itself holds the articles indexed before
/// the index had parts (migration 6) and is searched last.
/// </summary>
/// <remarks>
/// Why parts: FTS5's BM25 first counts a query's matches over the whole table (its IDF statistics, a full pass over
/// every article with the word — or, for a phrase, every article with all its words, checking positions), so a search for
/// a common word cost time in proportion to the store even though only its newest 1,000 matches are ranked. Searched
/// newest part first until the ranking window is full, a common word is ranked within the newest part or two, at a cost
/// bounded by the part size; a rare word reads every part, each cheaply. Each part scores by its own statistics, as the
/// shards of a Lucene index do. Writes touch the newest part only, and an article is removed from its part by row id
/// (an FTS5 table looks up an unindexed column such as <c>document_id</c> by reading every row).
/// A row id belongs to the part with the greatest first row id not above it (none: <c>documents_fts</c>); parts are only
/// ever added, so an article's part never changes.
/// </remarks>
internal static class SqliteFullTextParts
{
    public const string Legacy = "documents_fts";

    private const string Columns = "document_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'";

    public static string Table(long part) => Legacy + "_" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parts' tables, newest first, <c>documents_fts</c> last.</summary>
    public static async Task<List<string>> TablesAsync(DbConnection connection, CancellationToken ct) =>
        [.. await Db.QueryAsync(connection, null, "SELECT part FROM fulltext_parts ORDER BY part DESC", r => Table(r.GetInt64(0)), ct), Legacy];

    /// <summary>The table an article's row id belongs to (for removing it): <see cref="Legacy"/> when no part holds it.</summary>
    public static string Of(SqlSession session, long rowid) =>
        session.Query("SELECT part FROM fulltext_parts WHERE first_rowid <= @rowid ORDER BY first_rowid DESC LIMIT 1",
            r => Table(r.GetInt64(0)), ("@rowid", rowid)) is [var table] ? table : Legacy;

    /// <summary>
    /// The table a newly indexed article's row id goes to: the newest part, or a new one (created here, in the writer's
    /// transaction) once the newest holds <paramref name="partSize"/> row ids.
    /// </summary>
    public static string ForNew(SqlSession session, long rowid, int partSize)
    {
        var newest = session.Query("SELECT part, first_rowid FROM fulltext_parts ORDER BY part DESC LIMIT 1",
            r => (Part: r.GetInt64(0), First: r.GetInt64(1)));
        if (newest is [var (part, first)])
        {
            if (rowid < first)
            {
                // A row id below the newest part's (SQLite reuses the largest row id once it is deleted) keeps to its own part.
                return Of(session, rowid);
            }

            if (rowid - first < partSize)
            {
                return Table(part);
            }
        }

        var next = newest is [var n] ? n.Part + 1 : 1;
        session.Execute($"CREATE VIRTUAL TABLE {Table(next)} USING fts5 ({Columns})");
        session.Execute("INSERT INTO fulltext_parts (part, first_rowid) VALUES (@part, @rowid)", ("@part", next), ("@rowid", rowid));
        return Table(next);
    }
}
