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
    public string Add(SqlSession session, string id, NearDuplicateSignature? signature, long? seq, out bool joined)
    {
        joined = false;
        if (signature is null)
        {
            return id;
        }

        var keys = signature.BandKeys;
        var parameters = new (string, object?)[keys.Length + 1];
        for (var i = 0; i < keys.Length; i++)
        {
            parameters[i] = (BandParameter(i), keys[i]);
        }

        parameters[^1] = ("@limit", MaxCandidates);
        var candidates = session.Query($"""
            SELECT c.document_id, s.seq, s.signature, d.cluster_id FROM (
                SELECT document_id, COUNT(*) AS shared FROM near_dup_bands WHERE band_key IN ({BandList(keys.Length)})
                GROUP BY document_id ORDER BY shared DESC, document_id LIMIT @limit) c
            JOIN near_dup_signatures s ON s.document_id = c.document_id
            JOIN documents d ON d.id = c.document_id
            """,
            r => (Id: r.GetString(0), Seq: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Signature: (byte[])r.GetValue(2), Cluster: r.NullableString(3) ?? r.GetString(0)),
            parameters);

        (string Id, long Seq, string Cluster, double Similarity)? best = null;
        foreach (var c in candidates)
        {
            var (duplicate, similarity) = rule.Compare(signature.Values, MinHasher.FromBytes(c.Signature));
            if (duplicate && (best is null || similarity > best.Value.Similarity || (similarity == best.Value.Similarity && c.Seq < best.Value.Seq)))
            {
                best = (c.Id, c.Seq, c.Cluster, similarity);
            }
        }

        var order = seq ?? session.Scalar<long>("SELECT COALESCE(MAX(seq), 0) + 1 FROM near_dup_signatures");
        session.Execute("INSERT INTO near_dup_signatures (document_id, seq, signature) VALUES (@id, @seq, @signature)",
            ("@id", id), ("@seq", order), ("@signature", MinHasher.ToBytes(signature.Values)));
        session.InsertRows("INSERT INTO near_dup_bands (band_key, document_id)",
            keys.Distinct().Select(k => new object?[] { k, id }).ToList(), "ON CONFLICT DO NOTHING");
        if (best is not { } found)
        {
            return id;
        }

        joined = true;
        var canonicalSeq = Seq(session, found.Cluster);
        if (canonicalSeq is { } first && order < first)
        {
            // Seen before the canonical article (indexed again, keeping its first-seen order): it leads the cluster again.
            session.Execute("UPDATE documents SET cluster_id = @id WHERE cluster_id = @cluster", ("@id", id), ("@cluster", found.Cluster));
            return id;
        }

        return found.Cluster;
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
            var keys = rule.Bands.Keys(MinHasher.FromBytes(bytes)).Distinct().ToArray();
            var parameters = keys.Select((k, i) => (BandParameter(i), (object?)k)).Append(("@id", id)).ToArray();
            session.Execute($"DELETE FROM near_dup_bands WHERE document_id = @id AND band_key IN ({BandList(keys.Length)})", parameters);
            session.Execute("DELETE FROM near_dup_signatures WHERE document_id = @id", ("@id", id));
        }

        if (cluster != id)
        {
            return;
        }

        var next = session.Query("""
            SELECT s.document_id FROM documents d JOIN near_dup_signatures s ON s.document_id = d.id
            WHERE d.cluster_id = @cluster AND d.id <> @id ORDER BY s.seq, s.document_id LIMIT 1
            """, r => r.GetString(0), ("@cluster", cluster), ("@id", id));
        if (next is [var canonical])
        {
            session.Execute("UPDATE documents SET cluster_id = @canonical WHERE cluster_id = @cluster AND id <> @id",
                ("@canonical", canonical), ("@cluster", cluster), ("@id", id));
        }
    }

    private static string BandParameter(int i) => "@b" + i.ToString(CultureInfo.InvariantCulture);

    private static string BandList(int count) => string.Join(", ", Enumerable.Range(0, count).Select(BandParameter));
}
