using Dossier.Domain;

namespace Dossier.Store;

/// <summary>Entity resolution inside a write transaction: the canonical entity each name of an article stands for, found by id, alias or surname, else new.</summary>
internal static class EntityResolver
{
    /// <summary>The canonical entities an article mentions, keyed by the name the article uses (and the entity id).</summary>
    internal static Dictionary<string, EntityUse> ResolveEntities(WriteScope scope, DocumentFacts facts)
    {
        var session = scope.Session;
        var uses = new Dictionary<string, EntityUse>(StringComparer.Ordinal);

        EntityUse Use(string key, Func<EntityUse> create)
        {
            if (!uses.TryGetValue(key, out var use))
            {
                use = create();
                uses[key] = use;
            }

            return use;
        }

        foreach (var c in facts.Countries)
        {
            var use = Use(EntityKeys.Country(c.Code), () => new EntityUse(EntityKeys.Country(c.Code), EntityKinds.Country, EntityKeys.CountryName(c.Code), c.Code.ToUpperInvariant(), null));
            use.Spans.AddRange(c.Spans);
        }

        foreach (var o in facts.Organizations)
        {
            var id = ResolveByAlias(scope, EntityKinds.Organization, [o.Name, .. o.Aliases]) ?? EntityKeys.Organization(o.Name);
            var use = Use(id, () => new EntityUse(id, EntityKinds.Organization, o.Name, null, null));
            use.Aliases.UnionWith(o.Aliases.Prepend(o.Name));
            use.Spans.AddRange(o.Spans);
            uses.TryAdd("name:" + o.Name, use);
        }

        foreach (var p in facts.People)
        {
            var id = ResolvePerson(session, p.Name);
            var use = Use(id, () => new EntityUse(id, EntityKinds.Person, p.Name, p.Country, EntityKeys.Surname(p.Name)));
            use.Aliases.UnionWith(p.Aliases.Prepend(p.Name));
            if (!string.IsNullOrWhiteSpace(p.Title))
            {
                use.Titles.Add(p.Title);
            }

            use.Spans.AddRange(p.Spans);
            uses.TryAdd("name:" + p.Name, use);
        }

        foreach (var m in facts.Meetings.Where(m => !string.IsNullOrWhiteSpace(m.City)))
        {
            var id = EntityKeys.Place(m.City!);
            var use = Use(id, () => new EntityUse(id, EntityKinds.Place, m.City!, m.Country, null));
            use.Aliases.Add(m.City!);
            uses.TryAdd("name:" + m.City, use);
        }

        return uses;
    }

    /// <summary>
    /// The entity a person's name denotes: the same folded name; or, for a surname alone, the one person of that
    /// surname already known (left alone when several share it).
    /// </summary>
    internal static string ResolvePerson(SqlSession session, string name)
    {
        var id = EntityKeys.Person(name);
        if (!EntityKeys.IsSingleWord(name))
        {
            return id;
        }

        var candidates = session.Query("SELECT id FROM entities WHERE kind = @kind AND surname = @surname AND id <> @id LIMIT 2",
            r => r.GetString(0), ("@kind", EntityKinds.Person), ("@surname", EntityKeys.Surname(name)), ("@id", id));
        return candidates.Count == 1 ? candidates[0] : id;
    }

    /// <summary>The most entities of one name read to find the most mentioned.</summary>
    internal const int MaxAliasCandidates = 16;

    /// <summary>An existing entity of the kind known by one of these names (Daesh = ISIS), or null.</summary>
    internal static string? ResolveByAlias(WriteScope scope, string kind, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var key = EntityKeys.Slug(name);
            if (!scope.Aliases.TryGet(kind, key, out var found))
            {
                // The most mentioned entity of the name (counting the mentions this transaction has still to apply; the
                // first id of equals); a second one is read to know whether the answer may change.
                var candidates = scope.Session.Query(
                    "SELECT a.entity_id, e.mention_count FROM alias_index a JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = @key AND e.kind = @kind ORDER BY e.mention_count DESC, a.entity_id LIMIT @limit",
                    r => (Id: r.GetString(0), Mentions: r.Int(1)), ("@key", key), ("@kind", kind), ("@limit", MaxAliasCandidates));
                found = candidates.Count == 0 ? null
                    : candidates.OrderByDescending(c => c.Mentions + scope.Counts.Mentions(c.Id)).ThenBy(c => c.Id, StringComparer.Ordinal).First().Id;
                if (candidates.Count < 2)
                {
                    scope.Aliases.Remember(kind, key, found);
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
