using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// The knowledge store on PostgreSQL, the scale-out engine: the shared SQL of <see cref="SqlKnowledgeStore"/> over an
/// <see cref="NpgsqlDataSource"/> (one connection pool), full-text search on a weighted <c>tsvector</c> (title A, text B,
/// English stemming, GIN index) in a narrow table of its own, <c>documents_search</c>, ranked by <c>ts_rank_cd</c>.
/// </summary>
public sealed partial class PostgresKnowledgeStore : SqlKnowledgeStore, IDisposable
{
    public const string Schema = "KnowledgePostgres";

    /// <summary>The advisory lock taken while migrating, so replicas starting together migrate one at a time ("Dossier" in ASCII).</summary>
    public const long MigrationLock = PostgresMigrations.Lock;

    private const string Config = "'english'";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresKnowledgeStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        SchemaVersion = PostgresMigrations.Apply(dataSource, Schema, "schema_migrations");
    }

    /// <summary>The store in the database of an Npgsql connection string, its schema created or brought up to date.</summary>
    public static PostgresKnowledgeStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = PostgresMigrations.DataSource(connectionString);
        try
        {
            return new PostgresKnowledgeStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public override string Engine => "postgresql";

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    public void Dispose() => _dataSource.Dispose();

    protected override DbConnection Open() => _dataSource.OpenConnection();

    /// <summary>
    /// Writers run at once and wait for one another only on the keys their reads decide on (<see cref="WriteKeys"/>, as
    /// advisory locks: <see cref="PostgresWriteLocks"/>): replicas indexing different articles, entities and events
    /// proceed together, two indexing the same article, cluster, name or meeting take turns. Readers are never blocked.
    /// </summary>
    protected override WriteLocks Locks(SqlSession session, IReadOnlySet<string> alone) => new PostgresWriteLocks(session, alone);

    /// <summary>
    /// A transaction that lost a race: a deadlock (40P01, two writers' locks in a cycle, e.g. on the counts of a removal)
    /// or a serialization failure (40001), or a key it must hold alone (<see cref="WriteConflictException"/>).
    /// </summary>
    protected override bool IsRetryable(Exception e) =>
        base.IsRetryable(e) || e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>The near-duplicate candidates of an article's band keys in two statements (a round trip each), keys and ids as arrays.</summary>
    protected override IReadOnlyList<NearDuplicateCandidate> NearDuplicateCandidates(SqlSession session, long[] keys)
    {
        var postings = session.Query("""
            SELECT p.document_id FROM unnest(@keys) AS k(key)
            CROSS JOIN LATERAL (SELECT document_id FROM near_dup_bands WHERE band_key = k.key LIMIT @limit) p
            """, r => r.GetString(0), ("@keys", keys), ("@limit", NearDuplicateIndex.MaxPerKey));
        var ids = NearDuplicateIndex.Rank(postings).ToArray();
        return ids.Length == 0 ? [] : session.Query("SELECT document_id, seq, cluster_id, signature FROM near_dup_signatures WHERE document_id = ANY(@ids)",
            r => new NearDuplicateCandidate(r.GetString(0), r.GetInt64(1), r.GetString(2), (byte[])r.GetValue(3)), ("@ids", ids));
    }

    /// <summary>The article's search vector (title A, text B) in the narrow <c>documents_search</c> table, from its documents row.</summary>
    protected override void InsertFullText(SqlSession session, ArticleInfo article) =>
        session.Execute($"""
            INSERT INTO documents_search (document_id, published, indexed_at, search)
            SELECT id, published, indexed_at, setweight(to_tsvector({Config}, title), 'A') || setweight(to_tsvector({Config}, text), 'B')
            FROM documents WHERE id = @id
            """, ("@id", article.Id));

    protected override void DeleteFullText(SqlSession session, string id) =>
        session.Execute("DELETE FROM documents_search WHERE document_id = @id", ("@id", id));

    /// <summary>
    /// Matches and their ranking window come from <c>documents_search</c> alone (vector, date, indexing time: narrow rows,
    /// an index in window order); the article rows are read for the page only, or when a filter needs them.
    /// </summary>
    private protected override IReadOnlyList<FullTextClause> FullText(DbConnection connection, string text) => [new(
        From: $"documents d JOIN documents_search s ON s.document_id = d.id CROSS JOIN to_tsquery({Config}, @tsquery) AS q(query)",
        Where: "s.search @@ q.query",
        Score: "ts_rank_cd(s.search, q.query, 1)",
        Parameters: [("@tsquery", ToTsQuery(text))],
        Key: "s.document_id",
        WindowOrder: "s.published DESC NULLS LAST, s.indexed_at DESC",
        BareFrom: $"documents_search s CROSS JOIN to_tsquery({Config}, @tsquery) AS q(query)",
        // The whole text with every query word marked; the text's own STX and ETX (the marks), if any, become spaces first
        // (looking costs a few ms on 1 MB of text, translating ten times that).
        Highlight: $"""
            ts_headline({Config}, CASE WHEN strpos(d.text, chr(2)) > 0 OR strpos(d.text, chr(3)) > 0
                THEN translate(d.text, chr(2) || chr(3), '  ') ELSE d.text END,
                q.query, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true')
            """)];

    /// <summary>
    /// What a user types as a <c>to_tsquery</c> text, read by the same rules as on SQLite (<see cref="FullTextQuery"/>:
    /// words and "quoted phrases" combined with AND, a trailing * for a prefix, no user text read as syntax; malformed
    /// input is an <see cref="InvalidQueryException"/>). Its terms are words of letters and digits only, each quoted
    /// here, so the result always parses: phrases become <c>&lt;-&gt;</c>, prefixes <c>:*</c>, terms are joined by <c>&amp;</c>.
    /// </summary>
    public static string ToTsQuery(string text)
    {
        var fts5 = FullTextQuery.ToFts5(text);
        var terms = new List<string>();
        foreach (Match term in Fts5Term().Matches(fts5))
        {
            var words = term.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var tsquery = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                tsquery.Append(i == 0 ? "" : " <-> ").Append('\'').Append(words[i]).Append('\'');
            }

            if (term.Groups[2].Success)
            {
                tsquery.Append(":*");
            }

            terms.Add(words.Length == 1 ? tsquery.ToString() : $"({tsquery})");
        }

        return terms.Count > 0 ? string.Join(" & ", terms) : throw new InvalidQueryException("the search text has no words");
    }

    /// <summary>One term of <see cref="FullTextQuery.ToFts5"/>'s output: a quoted run of words, and a * for a prefix.</summary>
    [GeneratedRegex("\"([\\p{L}\\p{Nd} ]*)\"(\\*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Fts5Term();
}
