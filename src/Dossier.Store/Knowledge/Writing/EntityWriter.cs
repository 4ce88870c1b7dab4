using System.Text.Json;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The rows of an article's entities: entities, aliases, titles and the article's mentions of each, with their counts.</summary>
internal static class EntityWriter
{
    /// <summary>
    /// Writes the article's entities (counts merged into the canonical rows), their aliases and titles, and one
    /// entity_documents row per entity with the name the article uses, the aliases it gives and the spans of its mentions:
    /// one multi-row statement per table, not one per row. The other annotations (meetings, money, quotes…) are read from
    /// the article's facts when it is read.
    /// </summary>
    /// <returns>The folded names written to <c>alias_index</c>.</returns>
    /// <param name="counted">The entities another member of the article's cluster counts already: their rows are written uncounted.</param>
    internal static IEnumerable<string> WriteEntities(WriteScope scope, string documentId, string? published, IReadOnlyList<EntityUse> uses, IReadOnlySet<string> counted)
    {
        var session = scope.Session;
        var deferred = scope.Locks.Active;
        var entities = new List<object?[]>();
        var aliases = new List<object?[]>();
        var documents = new List<object?[]>();
        var aliasIndex = new List<object?[]>();
        var titles = new List<object?[]>();
        foreach (var e in uses)
        {
            if (e.Spans.Count == 0 && e.Kind != EntityKinds.Place)
            {
                continue;
            }

            var count = Math.Max(1, e.Spans.Count);
            var names = e.Aliases.Order(StringComparer.Ordinal).ToList();
            var counts = !counted.Contains(e.Id);
            if (counts)
            {
                entities.Add([e.Id, e.Kind, e.Name, EntityKeys.Slug(e.Name), Typed.Text(e.Surname), Typed.Text(e.Country), deferred ? 0 : count, deferred ? 0 : 1]);
                if (deferred)
                {
                    scope.Counts.AddEntity(e.Id, e.Kind, e.Name, e.Surname, e.Country, count);
                }
            }

            documents.Add([e.Id, documentId, published ?? "", count, e.Name, JsonSerializer.Serialize(names), PackSpans(e.Spans), counts ? 1 : 0]);
            foreach (var alias in names)
            {
                var key = EntityKeys.Slug(alias);
                aliasIndex.Add([key, e.Id]);
                if (deferred)
                {
                    scope.Counts.AddAlias(e.Id, alias, key);
                }
                else
                {
                    aliases.Add([e.Id, alias, key, 1]);
                }
            }

            foreach (var title in e.Titles)
            {
                titles.Add([e.Id, title, documentId, Typed.Text(published)]);
            }
        }

        if (!deferred)
        {
            PendingCounts.Add(session, entities, aliases);
            session.InsertRows("INSERT INTO alias_index (alias_key, entity_id)", aliasIndex, "ON CONFLICT DO NOTHING");
        }
        else
        {
            // The rows as the article finds them (later articles resolve to them); their counts come at the transaction's
            // end (PendingCounts).
            // A new person, or a name new to an organization, changes what other writers' reads of the surname or the
            // name find: the transaction must hold that key alone.
            foreach (var (kind, surname) in session.InsertRowsReturning("INSERT INTO entities (id, kind, name, name_key, surname, country, mention_count, document_count)",
                entities, "ON CONFLICT DO NOTHING RETURNING kind, surname", r => (Kind: r.GetString(0), Surname: r.NullableString(1))))
            {
                if (kind == EntityKinds.Person && !string.IsNullOrEmpty(surname))
                {
                    scope.Locks.Require(WriteKeys.Surname(surname));
                }
            }

            var organizations = uses.Where(u => u.Kind == EntityKinds.Organization).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, id) in session.InsertRowsReturning("INSERT INTO alias_index (alias_key, entity_id)", aliasIndex,
                "ON CONFLICT DO NOTHING RETURNING alias_key, entity_id", r => (Key: r.GetString(0), Id: r.GetString(1))))
            {
                if (organizations.Contains(id))
                {
                    scope.Locks.Require(WriteKeys.AliasKey(key));
                }
            }
        }

        session.InsertRows("INSERT INTO entity_documents (entity_id, document_id, published, mention_count, name, aliases, spans, counted)", documents);
        session.InsertRows("INSERT INTO entity_titles (entity_id, title, document_id, published)", titles, "ON CONFLICT DO NOTHING");
        return aliasIndex.Select(row => (string)row[0]!);
    }
}
