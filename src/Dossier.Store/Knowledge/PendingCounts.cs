namespace Dossier.Store;

/// <summary>
/// The entity and alias counts a write transaction adds on an engine with writers at once, applied at its end (<see cref="Flush"/>): one statement per
/// table, one row per entity or alias however many articles of the transaction name it, rows in id order. The rows every
/// article touches (the coalition's, the United States') are then locked from the end of a transaction to its commit
/// only, rather than from its first article on, and two writers lock them in the same order. The rows themselves are
/// created when an article first names them (so that later articles of the transaction resolve to them); a removal
/// applies what is pending first and then its own decrements, as before.
/// </summary>
internal sealed class PendingCounts
{
    private readonly Dictionary<string, EntityCounts> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Entity, string Alias), AliasCounts> _aliases = [];

    public bool IsEmpty => _entities.Count == 0 && _aliases.Count == 0;

    /// <summary>The mentions of an entity added by the transaction and not applied yet.</summary>
    public int Mentions(string id) => _entities.TryGetValue(id, out var e) ? e.Mentions : 0;

    /// <summary>
    /// One more article names the entity, <paramref name="mentions"/> times. Its row keeps its first country, and a
    /// person's row the longest of the names, as writing the articles one by one would.
    /// </summary>
    public void AddEntity(string id, string kind, string name, string? surname, string? country, int mentions)
    {
        if (!_entities.TryGetValue(id, out var e))
        {
            _entities[id] = new EntityCounts(kind, name, surname, country) { Mentions = mentions, Documents = 1 };
            return;
        }

        e.Mentions += mentions;
        e.Documents++;
        e.Country ??= country;
        if (kind == EntityKinds.Person && name.Length > e.Name.Length)
        {
            e.Name = name;
        }
    }

    /// <summary>One more article gives the entity this name.</summary>
    public void AddAlias(string entityId, string alias, string key)
    {
        if (!_aliases.TryGetValue((entityId, alias), out var a))
        {
            _aliases[(entityId, alias)] = new AliasCounts(key) { Documents = 1 };
            return;
        }

        a.Documents++;
    }

    /// <summary>Applies the pending counts to the rows, in id order, and forgets them.</summary>
    public void Flush(SqlSession session)
    {
        Add(session,
            _entities.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new object?[] { e.Key, e.Value.Kind, e.Value.Name, EntityKeys.Slug(e.Value.Name), Typed.Text(e.Value.Surname), Typed.Text(e.Value.Country), e.Value.Mentions, e.Value.Documents })
                .ToList(),
            _aliases.OrderBy(a => a.Key.Entity, StringComparer.Ordinal).ThenBy(a => a.Key.Alias, StringComparer.Ordinal)
                .Select(a => new object?[] { a.Key.Entity, a.Key.Alias, a.Value.Key, a.Value.Documents })
                .ToList());
        _entities.Clear();
        _aliases.Clear();
    }

    /// <summary>
    /// Adds counts to entity rows (id, kind, name, name_key, surname, country, mentions, documents: created when new)
    /// and alias rows (entity_id, alias, alias_key, documents): what <see cref="Flush"/> does, and what an engine with
    /// one writer does for each article straight away (it has no other writer to keep waiting on the rows).
    /// </summary>
    public static void Add(SqlSession session, IReadOnlyList<object?[]> entities, IReadOnlyList<object?[]> aliases)
    {
        session.InsertRows("INSERT INTO entities (id, kind, name, name_key, surname, country, mention_count, document_count)", entities, """
            ON CONFLICT (id) DO UPDATE SET
                mention_count = entities.mention_count + excluded.mention_count,
                document_count = entities.document_count + excluded.document_count,
                country = COALESCE(entities.country, excluded.country),
                name = CASE WHEN length(excluded.name) > length(entities.name) AND excluded.kind = 'person' THEN excluded.name ELSE entities.name END
            """);
        session.InsertRows("INSERT INTO entity_aliases (entity_id, alias, alias_key, document_count)", aliases,
            "ON CONFLICT (entity_id, alias) DO UPDATE SET document_count = entity_aliases.document_count + excluded.document_count");
    }

    /// <summary>Forgets what is pending (the transaction, or the article's savepoint, was rolled back).</summary>
    public void Clear()
    {
        _entities.Clear();
        _aliases.Clear();
    }

    private sealed class EntityCounts(string kind, string name, string? surname, string? country)
    {
        public string Kind { get; } = kind;

        public string Name { get; set; } = name;

        public string? Surname { get; } = surname;

        public string? Country { get; set; } = country;

        public int Mentions { get; set; }

        public int Documents { get; set; }
    }

    private sealed class AliasCounts(string key)
    {
        public string Key { get; } = key;

        public int Documents { get; set; }
    }
}
