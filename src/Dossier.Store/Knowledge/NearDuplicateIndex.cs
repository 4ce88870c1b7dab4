using System.Globalization;
using Dossier.Domain.NearDuplicates;

namespace Dossier.Store;

/// <summary>
/// The knowledge store's near-duplicate clusters (one story from many outlets), inside a write transaction: an article's
/// MinHash signature is kept with its first-seen order, its LSH band keys in <c>near_dup_bands</c>; a new article's
/// candidates are the articles sharing a band key (an index look-up, never a scan), confirmed by the estimated Jaccard
/// similarity of <see cref="NearDuplicateRule"/>. <c>documents.cluster_id</c> is always the id of the cluster's canonical
/// article, its earliest member still stored: when the canonical article is deleted, the next one takes its place.
/// </summary>
internal sealed class NearDuplicateIndex(NearDuplicateRule rule)
{
    /// <summary>The most candidates confirmed per article (those sharing the most band keys first).</summary>
    public const int MaxCandidates = 64;

    /// <summary>The most articles read under one band key.</summary>
    public const int MaxPerKey = 32;

    public NearDuplicateRule Rule => rule;

    /// <summary>The first-seen order of an article's stored signature, null when it has none.</summary>
    public static long? Seq(SqlSession session, string id) =>
        session.Query("SELECT seq FROM near_dup_signatures WHERE document_id = @id", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), ("@id", id))
            is [var seq] ? seq : null;

    /// <summary>
    /// Records an article (whose documents row is not written yet) and returns its cluster id: its own id when it is no
    /// near-duplicate of a stored article (or is too short to be judged), else the cluster of the most similar one.
    /// <paramref name="seq"/> keeps the first-seen order of an article indexed again; an article seen before the cluster's
    /// canonical one becomes the canonical article.
    /// </summary>
    /// <param name="readCandidates">The engine's reading of the candidates of these band keys (see <see cref="Rank"/>).</param>
    public string Add(
        SqlSession session, WriteLocks locks, string id, NearDuplicateSignature? signature, long? seq,
        Func<SqlSession, long[], IReadOnlyList<NearDuplicateCandidate>> readCandidates, out bool joined)
    {
        joined = false;
        if (signature is null)
        {
            return id;
        }

        var candidates = readCandidates(session, signature.BandKeys);
        (string Id, long Seq, string Cluster, double Similarity)? best = null;
        foreach (var c in candidates)
        {
            var stored = MinHasher.FromBytes(c.Signature);
            if (stored.Length != signature.Values.Length)
            {
                // Written under another rule: not comparable.
                continue;
            }

            var (duplicate, similarity) = rule.Compare(signature.Values, stored);
            if (duplicate && (best is null || similarity > best.Value.Similarity || (similarity == best.Value.Similarity && c.Seq < best.Value.Seq)))
            {
                best = (c.DocumentId, c.Seq, c.ClusterId, similarity);
            }
        }

        var order = seq ?? session.Scalar<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM near_dup_signatures");
        var cluster = id;
        if (best is { } found)
        {
            joined = true;
            cluster = LockCluster(session, locks, found.Id, found.Cluster);
            if (Seq(session, cluster) is { } first && order < first)
            {
                // Seen before the canonical article (indexed again, keeping its first-seen order): it leads the cluster again.
                Rekey(session, cluster, id);
                cluster = id;
            }
        }

        session.Execute("INSERT INTO near_dup_signatures (document_id, seq, cluster_id, signature) VALUES (@id, @seq, @cluster, @signature)",
            ("@id", id), ("@seq", order), ("@cluster", cluster), ("@signature", MinHasher.ToBytes(signature.Values)));
        session.InsertRows("INSERT INTO near_dup_bands (band_key, document_id)",
            signature.BandKeys.Distinct().Select(k => new object?[] { k, id }).ToList(), "ON CONFLICT DO NOTHING");
        return cluster;
    }

    /// <summary>
    /// Forgets an article's signature and band keys. When it was its cluster's canonical article, the earliest other member
    /// becomes the canonical one (the cluster id of every member changes to it). The article's documents row must still be
    /// there; it is left for the caller to delete.
    /// </summary>
    public void Remove(SqlSession session, string id, string cluster)
    {
        var stored = session.Query("SELECT signature FROM near_dup_signatures WHERE document_id = @id", r => (byte[])r.GetValue(0), ("@id", id));
        if (stored is [var bytes])
        {
            var values = MinHasher.FromBytes(bytes);
            if (values.Length == rule.Bands.SignatureLength)
            {
                var keys = rule.Bands.Keys(values).Distinct().ToArray();
                var parameters = keys.Select((k, i) => (BandParameter(i), (object?)k)).Append(("@id", id)).ToArray();
                session.Execute($"DELETE FROM near_dup_bands WHERE document_id = @id AND band_key IN ({BandList(keys.Length)})", parameters);
            }
            else
            {
                // Written under another rule: its keys cannot be recomputed (a scan, only ever after the rule changed).
                session.Execute("DELETE FROM near_dup_bands WHERE document_id = @id", ("@id", id));
            }

            session.Execute("DELETE FROM near_dup_signatures WHERE document_id = @id", ("@id", id));
        }

        if (cluster != id)
        {
            return;
        }

        var next = session.Query(
            "SELECT document_id FROM near_dup_signatures WHERE cluster_id = @cluster AND document_id <> @id ORDER BY seq, document_id LIMIT 1",
            r => r.GetString(0), ("@cluster", cluster), ("@id", id));
        if (next is [var canonical])
        {
            Rekey(session, cluster, canonical);
        }
    }

    /// <summary>
    /// Locks the cluster of a member (<see cref="WriteKeys"/>) and returns its id: read again once locked, since another
    /// writer may have handed the cluster to a new canonical article meanwhile.
    /// </summary>
    public static string LockCluster(SqlSession session, WriteLocks locks, string member, string cluster)
    {
        while (locks.Active)
        {
            locks.TakeOrConflict(WriteKeys.Cluster(cluster));
            var now = session.Query("SELECT cluster_id FROM near_dup_signatures WHERE document_id = @id", r => r.GetString(0), ("@id", member));
            if (now is not [var current] || current == cluster)
            {
                break;
            }

            cluster = current;
        }

        return cluster;
    }

    /// <summary>Gives every member of a cluster (documents and signatures) another cluster id: its new canonical article's.</summary>
    private static void Rekey(SqlSession session, string from, string to)
    {
        session.Execute("UPDATE documents SET cluster_id = @to WHERE cluster_id = @from", ("@to", to), ("@from", from));
        session.Execute("UPDATE near_dup_signatures SET cluster_id = @to WHERE cluster_id = @from", ("@to", to), ("@from", from));
    }

    /// <summary>
    /// The candidates to confirm from the articles found under the band keys (each key read up to <see cref="MaxPerKey"/>
    /// articles deep, so that a key that text shared by many articles fills — site boilerplate, a statement quoted
    /// everywhere — costs no more than any other): those sharing the most keys first, at most <see cref="MaxCandidates"/>.
    /// </summary>
    public static List<string> Rank(IEnumerable<string> postings) =>
        postings.GroupBy(d => d, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxCandidates).Select(g => g.Key).ToList();

    private static string BandParameter(int i) => "@b" + i.ToString(CultureInfo.InvariantCulture);

    private static string BandList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(BandParameter));
}

/// <summary>A stored article that shares a band key with a new one: its signature, first-seen order and cluster.</summary>
public sealed record NearDuplicateCandidate(string DocumentId, long Seq, string ClusterId, byte[] Signature);
