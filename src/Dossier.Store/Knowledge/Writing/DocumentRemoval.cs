using System.Globalization;
using System.Text.Json;

namespace Dossier.Store;

/// <summary>
/// The removal of an article inside a write transaction: its near-duplicate signature (its cluster handed on when it led
/// it), full-text row, entity rows and counts (another member of its cluster counting in its place), claims and event
/// sources (each event it fed refreshed).
/// </summary>
internal static class DocumentRemoval
{
    /// <summary>Removes an article and everything derived from it. True when it was there.</summary>
    internal static bool Delete(WriteScope scope, string id, NearDuplicateIndex nearDuplicates, SqlEngine engine)
    {
        var session = scope.Session;
        var found = session.Query("SELECT cluster_id FROM documents WHERE id = @id", r => r.NullableString(0) ?? id, ("@id", id));
        if (found is not [var stored])
        {
            return false;
        }

        // The counts below are decrements of what is applied: apply what is pending first.
        scope.Counts.Flush(session);
        var cluster = NearDuplicateIndex.LockCluster(session, scope.Locks, id, stored);

        // The rows of the cluster's other members that may count in this article's place (see below), read before the
        // cluster is handed to its next canonical article.
        var standIns = new Dictionary<string, (string Document, string Published, int Mentions)>(StringComparer.Ordinal);
        foreach (var row in session.Query("""
            SELECT ed.entity_id, ed.document_id, ed.published, ed.mention_count FROM documents d JOIN entity_documents ed ON ed.document_id = d.id
            WHERE d.cluster_id = @cluster AND d.id <> @id AND ed.counted = 0
            """, r => (Entity: r.GetString(0), Document: r.GetString(1), Published: r.GetString(2), Mentions: r.Int(3)), ("@cluster", cluster), ("@id", id)))
        {
            standIns.TryAdd(row.Entity, (row.Document, row.Published, row.Mentions));
        }

        nearDuplicates.Remove(session, id, cluster);
        engine.DeleteFullText(session, id);
        session.Execute("DELETE FROM documents WHERE id = @id", ("@id", id));
        var uses = session.Query("SELECT entity_id, mention_count, aliases, counted FROM entity_documents WHERE document_id = @id",
            r => (Entity: r.GetString(0), Mentions: r.Int(1), Aliases: JsonSerializer.Deserialize<List<string>>(r.GetString(2)) ?? [], Counted: r.Int(3) != 0), ("@id", id));
        foreach (var (entity, mentions, aliases, counts) in uses)
        {
            if (counts && standIns.TryGetValue(entity, out var standIn))
            {
                // Another member of the cluster names the entity too: its row counts from now on, the report is still there.
                session.Execute("UPDATE entity_documents SET counted = 1 WHERE entity_id = @entity AND published = @published AND document_id = @document",
                    ("@entity", entity), ("@published", standIn.Published), ("@document", standIn.Document));
                session.Execute("UPDATE entities SET mention_count = mention_count - @mentions + @added WHERE id = @entity",
                    ("@mentions", mentions), ("@added", standIn.Mentions), ("@entity", entity));
            }
            else if (counts)
            {
                session.Execute("""
                    UPDATE entities SET mention_count = mention_count - @mentions, document_count = document_count - 1 WHERE id = @entity
                    """, ("@mentions", mentions), ("@entity", entity));
                session.Execute("DELETE FROM entities WHERE id = @entity AND document_count <= 0", ("@entity", entity));
            }

            foreach (var alias in aliases)
            {
                session.Execute("UPDATE entity_aliases SET document_count = document_count - 1 WHERE entity_id = @entity AND alias = @alias",
                    ("@entity", entity), ("@alias", alias));
                session.Execute("DELETE FROM entity_aliases WHERE entity_id = @entity AND alias = @alias AND document_count <= 0",
                    ("@entity", entity), ("@alias", alias));
            }
        }

        session.Execute("DELETE FROM entity_documents WHERE document_id = @id", ("@id", id));
        session.Execute("DELETE FROM entity_titles WHERE document_id = @id", ("@id", id));
        session.Execute("DELETE FROM claims WHERE document_id = @id", ("@id", id));
        session.Execute("DELETE FROM event_entities WHERE document_id = @id", ("@id", id));
        var events = session.Query("SELECT DISTINCT event_id FROM event_sources WHERE document_id = @id", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), ("@id", id));
        session.Execute("DELETE FROM event_sources WHERE document_id = @id", ("@id", id));
        foreach (var e in events)
        {
            EventMerger.RefreshEvent(session, e);
        }

        return true;
    }
}
