using System.Data.Common;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// PostgreSQL under the knowledge store (<see cref="PostgresKnowledgeStore"/>): connections from one
/// <see cref="NpgsqlDataSource"/> (pool), writers at once under advisory locks, full-text search on a weighted
/// <c>tsvector</c> in the narrow <c>documents_search</c> table, ranked by <c>ts_rank_cd</c>.
/// </summary>
internal sealed class PostgresKnowledgeEngine(NpgsqlDataSource dataSource) : SqlEngine
{
    private const string Config = "'english'";

    public override string Name => "postgresql";

    public override DbConnection Open() => dataSource.OpenConnection();

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    /// <summary>
    /// Writers run at once and wait for one another only on the keys their reads decide on (<see cref="WriteKeys"/>, as
    /// advisory locks: <see cref="PostgresWriteLocks"/>): replicas indexing different articles, entities and events
    /// proceed together, two indexing the same article, cluster, name or meeting take turns. Readers are never blocked.
    /// </summary>
    public override WriteLocks Locks(SqlSession session, IReadOnlySet<string> alone) => new PostgresWriteLocks(session, alone);

    /// <summary>
    /// A transaction that lost a race: a deadlock (40P01, two writers' locks in a cycle, e.g. on the counts of a removal)
    /// or a serialization failure (40001), or a key it must hold alone (<see cref="WriteConflictException"/>).
    /// </summary>
    public override bool IsRetryable(Exception e) =>
        base.IsRetryable(e) || e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>The near-duplicate candidates of an article's band keys in two statements (a round trip each), keys and ids as arrays.</summary>
    public override IReadOnlyList<NearDuplicateCandidate> NearDuplicateCandidates(SqlSession session, long[] keys)
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
    public override void InsertFullText(SqlSession session, ArticleInfo article) =>
        session.Execute($"""
            INSERT INTO documents_search (document_id, published, indexed_at, search)
            SELECT id, published, indexed_at, setweight(to_tsvector({Config}, title), 'A') || setweight(to_tsvector({Config}, text), 'B')
            FROM documents WHERE id = @id
            """, ("@id", article.Id));

    public override void DeleteFullText(SqlSession session, string id) =>
        session.Execute("DELETE FROM documents_search WHERE document_id = @id", ("@id", id));

    /// <summary>
    /// Matches and their ranking window come from <c>documents_search</c> alone (vector, date, indexing time: narrow rows,
    /// an index in window order); the article rows are read for the page only, or when a filter needs them.
    /// </summary>
    public override Task<IReadOnlyList<FullTextClause>> FullTextAsync(DbConnection connection, string text, CancellationToken ct) => Task.FromResult<IReadOnlyList<FullTextClause>>([new(
        From: $"documents d JOIN documents_search s ON s.document_id = d.id CROSS JOIN to_tsquery({Config}, @tsquery) AS q(query)",
        Where: "s.search @@ q.query",
        Score: "ts_rank_cd(s.search, q.query, 1)",
        Parameters: [("@tsquery", PostgresKnowledgeStore.ToTsQuery(text))],
        Key: "s.document_id",
        WindowOrder: "s.published DESC NULLS LAST, s.indexed_at DESC",
        BareFrom: $"documents_search s CROSS JOIN to_tsquery({Config}, @tsquery) AS q(query)",
        // The whole text with every query word marked; the text's own STX and ETX (the marks), if any, become spaces first
        // (looking costs a few ms on 1 MB of text, translating ten times that).
        Highlight: $"""
            ts_headline({Config}, CASE WHEN strpos(d.text, chr(2)) > 0 OR strpos(d.text, chr(3)) > 0
                THEN translate(d.text, chr(2) || chr(3), '  ') ELSE d.text END,
                q.query, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true')
            """)]);
}
