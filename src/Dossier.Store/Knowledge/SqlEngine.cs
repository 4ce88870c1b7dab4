using System.Data.Common;
using System.Globalization;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// What differs between the SQL engines under the knowledge store (<see cref="SqlKnowledgeStore"/>), in one place: how a
/// connection is opened, the full-text index (its rows and its part of a search), the locks of writers that run at once,
/// which failures are retried, and how near-duplicate candidates are read. Everything else is portable SQL shared by
/// the engines (<see cref="SqliteKnowledgeEngine"/>, <see cref="PostgresKnowledgeEngine"/>).
/// </summary>
internal abstract class SqlEngine
{
    /// <summary>The engine's name, as traces and metrics tag it (<c>db.system</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Whether writes are serialized in this process (engines with one writer at a time).</summary>
    public virtual bool SingleWriter => false;

    /// <summary>An open connection to the store.</summary>
    public abstract DbConnection Open();

    /// <summary>An open connection to the store, opened asynchronously; <paramref name="ct"/> cancels the opening.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Adds the article to the full-text index (after its documents row is written).</summary>
    public abstract void InsertFullText(SqlSession session, ArticleInfo article);

    /// <summary>Removes the article from the full-text index (before its documents row is deleted).</summary>
    public abstract void DeleteFullText(SqlSession session, string id);

    /// <summary>
    /// The engine's full-text part of a search: a FROM/JOIN/WHERE fragment over <c>documents d</c> that keeps matching
    /// articles, the expressions of their score (higher is better) and highlighted text, and parameters. One clause per
    /// part of the full-text index, in window order (the part holding the newest matches first): a search reads the parts
    /// in turn until its ranking window is full (see <see cref="SearchReader.RankWindow"/>); each part scores its matches by itself.
    /// </summary>
    public abstract Task<IReadOnlyList<FullTextClause>> FullTextAsync(DbConnection connection, string text, CancellationToken ct);

    /// <summary>
    /// The locks of a write transaction (<see cref="WriteKeys"/>), for engines whose writers run at once; none where
    /// there is one writer. <paramref name="alone"/>: keys an earlier attempt of the transaction found it must hold alone.
    /// </summary>
    public virtual WriteLocks Locks(SqlSession session, IReadOnlySet<string> alone) => WriteLocks.None;

    /// <summary>Whether a failed write transaction is to be written again: it lost a race with another writer (a deadlock, say).</summary>
    public virtual bool IsRetryable(Exception e) => e is WriteConflictException;

    /// <summary>
    /// The near-duplicate candidates of an article's band keys (<see cref="NearDuplicateIndex.Rank"/>): here one prepared
    /// statement per key and per candidate, cheap on an embedded engine; engines with round trips read them in one statement.
    /// </summary>
    public virtual IReadOnlyList<NearDuplicateCandidate> NearDuplicateCandidates(SqlSession session, long[] keys)
    {
        var postings = new List<string>();
        foreach (var key in keys)
        {
            postings.AddRange(session.Query("SELECT document_id FROM near_dup_bands WHERE band_key = @key LIMIT @limit",
                r => r.GetString(0), ("@key", key), ("@limit", NearDuplicateIndex.MaxPerKey)));
        }

        var candidates = new List<NearDuplicateCandidate>();
        foreach (var id in NearDuplicateIndex.Rank(postings))
        {
            candidates.AddRange(session.Query("SELECT document_id, seq, cluster_id, signature FROM near_dup_signatures WHERE document_id = @id",
                r => new NearDuplicateCandidate(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), (byte[])r.GetValue(3)),
                ("@id", id)));
        }

        return candidates;
    }
}
