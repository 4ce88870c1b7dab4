using System.Data.Common;
using System.Globalization;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The entities: the list by kind and name, one entity with its aliases, titles, mentions, related entities and latest events.</summary>
internal sealed class EntityReader(Func<CancellationToken, Task<DbConnection>> open)
{
    private const int MaxMentions = 20;
    private const int RelatedSampleDocuments = 100;
    private const int MaxEntityEvents = 50;

    public async Task<Page<EntitySummary>> ListEntitiesAsync(EntityQuery query, int offset, int limit, CancellationToken ct)
    {
        if (query.Kind is not null && !EntityKinds.All.Contains(query.Kind))
        {
            throw new InvalidQueryException($"unknown entity kind '{query.Kind}' (use {string.Join(", ", EntityKinds.All)})");
        }

        var prefix = string.IsNullOrWhiteSpace(query.NamePrefix) ? null : EntityKeys.Slug(query.NamePrefix);
        await using var connection = await open(ct);
        (string, object?)[] parameters = [("@kind", Typed.Text(query.Kind)), ("@prefix", Typed.Text(prefix))];
        const string where = "(@kind IS NULL OR e.kind = @kind) AND (@prefix IS NULL OR e.name_key LIKE @prefix || '%')";
        var items = await Db.QueryAsync(connection, null, $"""
            SELECT {EntityColumns} FROM entities e WHERE {where}
            ORDER BY e.mention_count DESC, e.id LIMIT @limit OFFSET @offset
            """, ReadEntity, ct, [.. parameters, ("@limit", limit), ("@offset", offset)]);
        var total = await Db.ScalarAsync<int>(connection, null, $"SELECT COUNT(*) FROM entities e WHERE {where}", ct, parameters);
        return new Page<EntitySummary>(items, Next(offset, items.Count, total), total);
    }

    public async Task<EntityDetail?> GetEntityAsync(string id, CancellationToken ct)
    {
        await using var connection = await open(ct);
        var summary = (await Db.QueryAsync(connection, null, $"SELECT {EntityColumns} FROM entities e WHERE e.id = @id", ReadEntity, ct, ("@id", id))).FirstOrDefault();
        if (summary is null)
        {
            return null;
        }

        var aliases = await Db.QueryAsync(connection, null, "SELECT alias FROM entity_aliases WHERE entity_id = @id ORDER BY alias", r => r.GetString(0), ct, ("@id", id));
        var titles = await Db.QueryAsync(connection, null,
            "SELECT title, document_id, published FROM entity_titles WHERE entity_id = @id ORDER BY published NULLS FIRST, document_id",
            r => new EntityTitle(r.GetString(0), r.GetString(1), r.NullableString(2)), ct, ("@id", id));
        // The latest articles naming the entity (an index range, newest first), their mentions in text order.
        var mentions = (await Db.QueryAsync(connection, null, """
            SELECT ed.document_id, NULLIF(ed.published, ''), ed.spans, d.text
            FROM entity_documents ed JOIN documents d ON d.id = ed.document_id
            WHERE ed.entity_id = @id ORDER BY ed.published DESC, ed.document_id DESC LIMIT @limit
            """,
            r => (Document: r.GetString(0), Published: r.NullableString(1), Spans: UnpackSpans(r.GetString(2)), Text: r.GetString(3)),
            ct, ("@id", id), ("@limit", MaxMentions)))
            .SelectMany(d => d.Spans.Select(span => Mention(d.Document, d.Published, span.Start, span.End, d.Text)))
            .Take(MaxMentions)
            .ToList();
        // Related: the entities named most often beside it in its latest articles (a story's reprints once), counted before the 15 kept are read.
        var related = await Db.QueryAsync(connection, null, """
            SELECT e.id, e.kind, e.name, r.shared FROM (
                SELECT other.entity_id AS id, COUNT(DISTINCT COALESCE(d.cluster_id, other.document_id)) AS shared
                FROM entity_documents other JOIN documents d ON d.id = other.document_id
                WHERE other.entity_id <> @id AND other.document_id IN (
                    SELECT document_id FROM entity_documents WHERE entity_id = @id ORDER BY published DESC, document_id DESC LIMIT @sample)
                GROUP BY other.entity_id ORDER BY shared DESC, other.entity_id LIMIT 15) r
            JOIN entities e ON e.id = r.id
            ORDER BY r.shared DESC, e.id
            """, r => new RelatedEntity(r.GetString(0), r.GetString(1), r.GetString(2), r.Int(3)), ct, ("@id", id), ("@sample", RelatedSampleDocuments));
        return new EntityDetail(summary, aliases, titles, mentions, related, await LatestEventsAsync(connection, id, ct));
    }

    /// <summary>
    /// The entity's latest events, newest first: its event links read in the order of their index (entity, sort date,
    /// event), stopping once <see cref="MaxEntityEvents"/> distinct events are found, so a country in thousands of events
    /// costs no more than a rare name.
    /// </summary>
    private static async Task<List<EventSummary>> LatestEventsAsync(DbConnection connection, string id, CancellationToken ct)
    {
        var ids = new List<long>(MaxEntityEvents);
        await using (var command = Db.Command(connection, null,
            "SELECT event_id FROM event_entities WHERE entity_id = @id ORDER BY sort_date DESC NULLS LAST, event_id DESC", ("@id", id)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (ids.Count < MaxEntityEvents && await reader.ReadAsync(ct))
            {
                var eventId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                if (!ids.Contains(eventId))
                {
                    ids.Add(eventId);
                }
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var parameters = ids.Select((e, i) => ($"@e{i}", (object?)e)).ToArray();
        var events = (await Db.QueryAsync(connection, null,
            $"SELECT {EventColumns} FROM events v WHERE v.id IN ({string.Join(", ", parameters.Select(p => p.Item1))})", ReadEvent, ct, parameters))
            .ToDictionary(e => e.Id, StringComparer.Ordinal);
        return ids.Select(e => events.GetValueOrDefault("ev-" + e.ToString(CultureInfo.InvariantCulture))).OfType<EventSummary>().ToList();
    }
}
