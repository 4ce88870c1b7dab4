using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dossier.Domain;
using Dossier.Domain.NearDuplicates;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>
/// The knowledge store on a SQL engine. Everything but full-text search is portable SQL shared by the engines;
/// entity resolution, event merging and claim conflicts are plain C# (<see cref="EntityKeys"/>,
/// <see cref="PartialDates"/>, <see cref="KnowledgeRules"/>). Articles are indexed in transactions of many articles each
/// (<see cref="IndexMany"/>, and a group commit of concurrent callers on engines with one writer).
/// Orderings on nullable dates say NULLS FIRST/LAST (SQLite's own order) so that every engine sorts undated rows alike.
/// </summary>
public abstract class SqlKnowledgeStore : IKnowledgeStore
{
    /// <summary>Taken around each write when the engine has a single writer (SQLite): waiting here is cheaper than busy retries.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly SqlEngine _engine;

    /// <summary>The engine's name (<c>sqlite</c>, <c>postgresql</c>), as traces and metrics tag it.</summary>
    public string Engine => _engine.Name;

    /// <summary>
    /// How near-duplicates (one story from many outlets) are recognised when an article is indexed; the signature is made
    /// on the caller's thread, outside the write lock.
    /// </summary>
    public NearDuplicateRule NearDuplicates
    {
        get => _nearDuplicates.Rule;
        init => _nearDuplicates = new NearDuplicateIndex(value);
    }

    private readonly NearDuplicateIndex _nearDuplicates = new(NearDuplicateRule.Default);

    /// <summary>Spans of the store's work (index, search), so a trace shows where query spends its time.</summary>
    public static readonly System.Diagnostics.ActivitySource ActivitySource = new("Dossier.Store");

    public bool Index(ArticleInfo article, DocumentFacts facts) => IndexMany([(article, facts)])[0];

    /// <summary>
    /// Stores several articles as that many <see cref="Index"/> calls would, in order, in as few transactions as the engine
    /// allows; one that fails is rolled back alone (see <see cref="WriteBatch"/>).
    /// </summary>
    public IReadOnlyList<bool> IndexMany(IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)> articles)
    {
        using var activity = ActivitySource.StartActivity("store.index");
        activity?.SetTag("db.system", Engine);
        activity?.SetTag("dossier.document.count", articles.Count);
        if (articles.Count == 1)
        {
            activity?.SetTag("dossier.document.id", articles[0].Article.Id);
        }

        var pending = articles.Select(a => new PendingIndex(a.Article, a.Facts, a.Article.Text is null ? null : NearDuplicates.Sign(a.Article.Text))).ToList();
        if (!_engine.SingleWriter)
        {
            WriteBatch(pending);
        }
        else
        {
            // Group commit: callers queue their articles; whoever holds the writer lock writes every queued article in
            // one transaction (one bad article still fails alone: see WriteBatch) and wakes the others.
            foreach (var item in pending)
            {
                _pending.Enqueue(item);
            }

            foreach (var item in pending)
            {
                while (!item.Done.Task.IsCompleted)
                {
                    _writer.Wait();
                    try
                    {
                        if (!item.Done.Task.IsCompleted)
                        {
                            var batch = new List<PendingIndex>();
                            while (batch.Count < MaxGroup && _pending.TryDequeue(out var queued))
                            {
                                batch.Add(queued);
                            }

                            WriteBatch(batch);
                        }
                    }
                    finally
                    {
                        _writer.Release();
                    }
                }
            }
        }

        return pending.Select(p => p.Done.Task.GetAwaiter().GetResult()).ToList();
    }

    public bool Delete(string id)
    {
        using var activity = ActivitySource.StartActivity("store.delete");
        activity?.SetTag("db.system", Engine);
        activity?.SetTag("dossier.document.id", id);
        if (_engine.SingleWriter)
        {
            _writer.Wait();
        }

        try
        {
            var alone = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var connection = _engine.Open();
                    using var session = new SqlSession(connection, connection.BeginTransaction());
                    var scope = new WriteScope(session, _engine.Locks(session, alone));
                    LockKeys(scope, [id], [], []);
                    var existed = DeleteDocument(scope, id);
                    scope.Locks.ThrowIfMissing();
                    session.Commit();
                    RecordWait(scope.Locks);
                    return existed;
                }
                catch (Exception e) when (attempt < MaxAttempts && Retry(e, alone))
                {
                }
            }
        }
        finally
        {
            if (_engine.SingleWriter)
            {
                _writer.Release();
            }
        }
    }

    private sealed record PendingIndex(ArticleInfo Article, DocumentFacts Facts, NearDuplicateSignature? Signature)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<PendingIndex> _pending = new();

    /// <summary>The most articles one group-commit transaction takes from the queue.</summary>
    private const int MaxGroup = 512;

    /// <summary>
    /// Writes the articles in one transaction and completes each one's task. The batch is first written straight through:
    /// a savepoint per article makes the engine copy every page the article touches, which cost about a fifth of the
    /// indexing time. When an article fails, that transaction is rolled back and the batch written again with a savepoint
    /// per article, so that the failing article fails alone.
    /// </summary>
    /// <param name="defer">
    /// Whether articles whose keys another writer holds may wait for a second transaction, after this one (see
    /// <see cref="LockKeys"/>); that one waits for the keys.
    /// </param>
    private void WriteBatch(IReadOnlyList<PendingIndex> items, bool defer = true)
    {
        List<(PendingIndex Item, bool Replaced, Exception? Error)> results;
        List<PendingIndex> deferred;
        var alone = new HashSet<string>(StringComparer.Ordinal);
        var isolate = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (results, deferred) = Write(items, isolate, alone, defer && attempt == 1);
                break;
            }
            catch (Exception e) when (attempt < MaxAttempts && Retry(e, alone))
            {
            }
            catch (Exception e) when (!isolate && items.Count > 1 && IsArticleError(e))
            {
                isolate = true;
            }
            catch (Exception e)
            {
                // Nothing was committed: every article of the transaction fails with the error, rethrown to each caller.
                foreach (var item in items)
                {
                    item.Done.TrySetException(e);
                }

                return;
            }
        }

        foreach (var (item, replaced, error) in results)
        {
            if (error is null)
            {
                item.Done.TrySetResult(replaced);
            }
            else
            {
                item.Done.TrySetException(error);
            }
        }

        if (deferred.Count > 0)
        {
            WriteBatch(deferred, defer: false);
        }
    }

    /// <summary>An error one article's data can cause (as opposed to a broken connection or store, or a lost race).</summary>
    private bool IsArticleError(Exception e) => (e is DbException or InvalidOperationException or FormatException) && !_engine.IsRetryable(e);

    /// <summary>The most attempts of one write transaction that loses races with other writers.</summary>
    private const int MaxAttempts = 10;

    /// <summary>Whether to write the transaction again, remembering a key it must lock alone from the start.</summary>
    private bool Retry(Exception e, HashSet<string> alone)
    {
        if (!_engine.IsRetryable(e))
        {
            return false;
        }

        if (e is WriteConflictException conflict)
        {
            alone.UnionWith(conflict.Keys);
        }

        StoreMetrics.WriteRetries.Add(1, new KeyValuePair<string, object?>("db.system", Engine));
        return true;
    }

    private void RecordWait(WriteLocks locks)
    {
        if (locks.Active)
        {
            StoreMetrics.LockWait.Record(locks.WaitedMilliseconds, new KeyValuePair<string, object?>("db.system", Engine));
        }
    }

    /// <summary>What one write transaction carries from article to article.</summary>
    private sealed class WriteScope(SqlSession session, WriteLocks locks)
    {
        public SqlSession Session { get; } = session;

        public WriteLocks Locks { get; } = locks;

        public AliasResolutions Aliases { get; } = new();

        public PendingCounts Counts { get; } = new();
    }

    /// <summary>
    /// Locks what the transaction's reads decide on (<see cref="WriteKeys"/>), on engines with writers at once: the
    /// articles' own keys first, then — the stored ones among them read — every other key, each batch in one order.
    /// </summary>
    /// <returns>
    /// The articles to write now. When <paramref name="defer"/>, the keys of each article are only tried: an article
    /// whose keys another writer holds (a meeting, a story or a new name of its) is left for a transaction after this
    /// one, so that writers of batches that share a few keys proceed with the rest instead of waiting a whole
    /// transaction; without it, the keys are waited for. One writer always gets every key at once.
    /// </returns>
    private IReadOnlyList<PendingIndex> LockKeys(WriteScope scope, IReadOnlyList<string> ids, IReadOnlyList<PendingIndex> items, List<PendingIndex> deferred, bool defer = false)
    {
        if (!scope.Locks.Active)
        {
            return items;
        }

        // Which names and people exist already saves most writes of new ones a second attempt (WriteEntities checks
        // what the write really adds).
        var state = scope.Locks.TakeArticles(ids,
            items.SelectMany(i => i.Facts.Organizations).SelectMany(o => o.Aliases.Prepend(o.Name)).Select(EntityKeys.Slug).Distinct(StringComparer.Ordinal).ToList(),
            items.SelectMany(i => i.Facts.People).Select(p => EntityKeys.Person(p.Name)).Distinct(StringComparer.Ordinal).ToList());
        var stored = new Dictionary<string, (List<string> Alone, List<string> Shared)>(StringComparer.Ordinal);
        foreach (var id in state.Stored)
        {
            var keys = (Alone: new List<string>(), Shared: new List<string>());
            WriteKeys.OfStored(scope.Session, id, _nearDuplicates.Rule, ids.Count, keys.Alone, keys.Shared);
            stored[id] = keys;
        }

        var sets = new List<(List<string> Alone, List<string> Shared)>(items.Count);
        foreach (var item in items)
        {
            var keys = stored.TryGetValue(item.Article.Id, out var removal) ? (Alone: removal.Alone.ToList(), Shared: removal.Shared.ToList()) : (Alone: new List<string>(), Shared: new List<string>());
            WriteKeys.OfArticle(item.Facts, item.Signature, state.KnownNames.Contains, state.KnownPeople.Contains, keys.Alone, keys.Shared);
            sets.Add(keys);
        }

        if (!defer || items.Count == 1)
        {
            scope.Locks.Take(sets.SelectMany(s => s.Alone), sets.SelectMany(s => s.Shared));
            return items;
        }

        var taken = scope.Locks.TryTake(sets);
        deferred.AddRange(items.Where((_, i) => !taken[i]));
        return items.Where((_, i) => taken[i]).ToList();
    }

    /// <summary>
    /// Writes the articles in one transaction and commits it. Straight through unless <paramref name="isolate"/>, when each
    /// article gets a savepoint and one that fails is rolled back alone and reported in the results.
    /// </summary>
    private (List<(PendingIndex Item, bool Replaced, Exception? Error)> Results, List<PendingIndex> Deferred) Write(
        IReadOnlyList<PendingIndex> items, bool isolate, IReadOnlySet<string> alone, bool defer)
    {
        var results = new List<(PendingIndex Item, bool Replaced, Exception? Error)>(items.Count);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var connection = _engine.Open();
        using var session = new SqlSession(connection, connection.BeginTransaction());
        var scope = new WriteScope(session, _engine.Locks(session, alone));
        var deferred = new List<PendingIndex>();
        var now = LockKeys(scope, items.Select(i => i.Article.Id).Distinct(StringComparer.Ordinal).ToList(), items, deferred, defer);
        foreach (var item in now)
        {
            if (!isolate)
            {
                results.Add((item, IndexInto(scope, item.Article, item.Facts, item.Signature), null));
                continue;
            }

            session.Execute("SAVEPOINT article");
            try
            {
                results.Add((item, IndexInto(scope, item.Article, item.Facts, item.Signature), null));
                scope.Counts.Flush(session);
                session.Execute("RELEASE SAVEPOINT article");
            }
            catch (Exception e) when (IsArticleError(e))
            {
                session.Execute("ROLLBACK TO SAVEPOINT article");
                session.Execute("RELEASE SAVEPOINT article");
                scope.Aliases.Clear();
                scope.Counts.Clear();
                results.Add((item, false, e));
            }
        }

        scope.Locks.ThrowIfMissing();
        scope.Counts.Flush(session);
        session.Commit();
        RecordWait(scope.Locks);
        StoreMetrics.WriteDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("db.system", Engine));
        return (results, deferred);
    }

    /// <summary>Writes one article and everything derived from it inside the session's transaction.</summary>
    private bool IndexInto(WriteScope scope, ArticleInfo article, DocumentFacts facts, NearDuplicateSignature? signature)
    {
        var session = scope.Session;
        // An article indexed again keeps its first-seen order among its near-duplicates.
        var seq = NearDuplicateIndex.Seq(session, article.Id);
        var replaced = DeleteDocument(scope, article.Id);
        if (replaced)
        {
            // The article's entities may be gone with it.
            scope.Aliases.Clear();
        }
        var published = article.Published ?? facts.Published;
        var cluster = _nearDuplicates.Add(session, scope.Locks, article.Id, signature, seq, _engine.NearDuplicateCandidates, out var joined);

        // The entities another member of the cluster already counts: this article reports them again, it adds no report.
        var counted = !joined ? [] : session.Query("""
            SELECT DISTINCT ed.entity_id FROM documents d JOIN entity_documents ed ON ed.document_id = d.id
            WHERE d.cluster_id = @cluster AND ed.counted = 1
            """, r => r.GetString(0), ("@cluster", cluster)).ToHashSet(StringComparer.Ordinal);

        session.Execute("""
            INSERT INTO documents (id, title, published, source, url, text, trace_id, relevant, extractor_version, facts_json, fact_counts, indexed_at, cluster_id)
            VALUES (@id, @title, @published, @source, @url, @text, @traceId, @relevant, @version, @facts, @counts, @now, @cluster)
            """,
            ("@id", article.Id), ("@title", article.Title), ("@published", Typed.Text(published)), ("@source", article.Source),
            ("@url", article.Url), ("@text", article.Text), ("@traceId", article.TraceId), ("@relevant", facts.Relevant ? 1 : 0),
            ("@version", facts.ExtractorVersion), ("@facts", FactsJson.Serialize(facts, indented: false)),
            ("@counts", string.Join(',', FactCounts.Of(facts).ToArray())), ("@now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            ("@cluster", cluster));
        _engine.InsertFullText(session, article);

        var entities = ResolveEntities(scope, facts);
        scope.Aliases.Forget(WriteEntities(scope, article.Id, published, entities.Values.Distinct().ToList(), counted));
        foreach (var meeting in facts.Meetings)
        {
            WriteMeeting(scope, article, published, meeting, entities);
        }

        WriteClaims(session, article, published, facts);
        return replaced;
    }

    /// <param name="engine">What differs between the engines: connections, full-text search, locks, retries.</param>
    private protected SqlKnowledgeStore(SqlEngine engine)
    {
        _engine = engine;
        _articles = new ArticleReader(engine.Open);
        _search = new SearchReader(engine.Open, engine.FullText);
        _entities = new EntityReader(engine.Open);
        _events = new EventReader(engine.Open);
    }

    private readonly ArticleReader _articles;
    private readonly SearchReader _search;
    private readonly EntityReader _entities;
    private readonly EventReader _events;

    public Page<ArticleSummary> List(int offset, int limit) => _articles.List(offset, limit);

    public IndexedArticle? Get(string id) => _articles.Get(id);

    public IEnumerable<DocumentFacts> ExportFacts() => _articles.ExportFacts();

    public StoreTotals Totals() => _articles.Totals();

    public Page<SearchHit> Search(SearchQuery query, int offset, int limit)
    {
        using var activity = ActivitySource.StartActivity("store.search");
        activity?.SetTag("db.system", Engine);
        return _search.Search(query, offset, limit);
    }

    /// <inheritdoc cref="SearchReader.RankWindow"/>
    public int RankWindow
    {
        get => _search.RankWindow;
        set => _search.RankWindow = value;
    }

    public Page<EntitySummary> ListEntities(EntityQuery query, int offset, int limit) => _entities.ListEntities(query, offset, limit);

    public EntityDetail? GetEntity(string id) => _entities.GetEntity(id);

    public Page<EventSummary> ListEvents(EventQuery query, int offset, int limit) => _events.ListEvents(query, offset, limit);

    public EventDetail? GetEvent(string id) => _events.GetEvent(id);

    public ClaimTimeline GetClaimTimeline(string kind) => _events.GetClaimTimeline(kind);

    // ---- writing -------------------------------------------------------------------------------

    /// <summary>One canonical entity as one article mentions it.</summary>
    private sealed class EntityUse(string id, string kind, string name, string? country, string? surname)
    {
        public string Id { get; } = id;
        public string Kind { get; } = kind;
        public string Name { get; } = name;
        public string? Country { get; } = country;
        public string? Surname { get; } = surname;
        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);
        public List<TextSpan> Spans { get; } = [];
    }

    /// <summary>The canonical entities an article mentions, keyed by the name the article uses (and the entity id).</summary>
    private static Dictionary<string, EntityUse> ResolveEntities(WriteScope scope, DocumentFacts facts)
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
    private static string ResolvePerson(SqlSession session, string name)
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
    private const int MaxAliasCandidates = 16;

    /// <summary>An existing entity of the kind known by one of these names (Daesh = ISIS), or null.</summary>
    private static string? ResolveByAlias(WriteScope scope, string kind, IEnumerable<string> names)
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

    /// <summary>
    /// What the names of one write transaction resolved to, so that the articles of a batch do not look up the same names
    /// again and again. Only answers that cannot change with mention counts are kept (no entity, or exactly one, of the
    /// name); an answer is forgotten when an article writes its name, and all of them when an article is replaced
    /// or rolled back.
    /// </summary>
    private sealed class AliasResolutions
    {
        private readonly Dictionary<(string Kind, string Key), string?> _known = [];

        public bool TryGet(string kind, string key, out string? entityId) => _known.TryGetValue((kind, key), out entityId);

        public void Remember(string kind, string key, string? entityId) => _known[(kind, key)] = entityId;

        public void Forget(IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                foreach (var kind in EntityKinds.All)
                {
                    _known.Remove((kind, key));
                }
            }
        }

        public void Clear() => _known.Clear();
    }

    /// <summary>
    /// Writes the article's entities (counts merged into the canonical rows), their aliases and titles, and one
    /// entity_documents row per entity with the name the article uses, the aliases it gives and the spans of its mentions:
    /// one multi-row statement per table, not one per row. The other annotations (meetings, money, quotes…) are read from
    /// the article's facts when it is read.
    /// </summary>
    /// <returns>The folded names written to <c>alias_index</c>.</returns>
    /// <param name="counted">The entities another member of the article's cluster counts already: their rows are written uncounted.</param>
    private static IEnumerable<string> WriteEntities(WriteScope scope, string documentId, string? published, IReadOnlyList<EntityUse> uses, IReadOnlySet<string> counted)
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

    private static void WriteMeeting(WriteScope scope, ArticleInfo article, string? published, MeetingFact m, Dictionary<string, EntityUse> entities)
    {
        var session = scope.Session;
        var country = m.Country?.ToUpperInvariant();
        var cityKey = MeetingIdentity.CityKey(m);
        var candidates = MergeCandidates(session, m.Format, country, m.City, m.Date);
        var match = KnowledgeRules.BestMatch(candidates, m.Format, country, cityKey, m.Date);
        if (match is not null && WriteKeys.IsYearless(match.Date) && !WriteKeys.IsYearless(m.Date))
        {
            // A day without a year takes this meeting's year: every year's meetings of the country read that event.
            scope.Locks.Require(WriteKeys.Events(country));
        }

        long eventId;
        string? sortDate;
        if (match is null)
        {
            // A new event has this one source: its summary is the meeting's (what RefreshEvent would compute).
            sortDate = SortDate(m.Date);
            eventId = session.Scalar<long>("""
                INSERT INTO events (format, country, city, city_key, date, sort_date, status, source_count)
                VALUES (@format, @country, @city, @cityKey, @date, @sort, @status, 1) RETURNING id
                """, ("@format", m.Format), ("@country", Typed.Text(country)), ("@city", Typed.Text(m.City)), ("@cityKey", Typed.Text(cityKey)), ("@date", Typed.Text(m.Date)),
                ("@sort", Typed.Text(sortDate)), ("@status", m.Status == MeetingStatuses.Held ? MeetingStatuses.Held : MeetingStatuses.Planned));
        }
        else
        {
            eventId = long.Parse(match.Id[3..], CultureInfo.InvariantCulture);
            sortDate = null;
        }

        session.Execute("""
            INSERT INTO event_sources (event_id, document_id, published, format, status, date, city, city_key, country, hosts, participants, span_start, span_end, evidence)
            VALUES (@event, @doc, @published, @format, @status, @date, @city, @cityKey, @country, @hosts, @participants, @start, @end, @evidence)
            """, ("@event", eventId), ("@doc", article.Id), ("@published", Typed.Text(published)), ("@format", m.Format), ("@status", m.Status),
            ("@date", Typed.Text(m.Date)), ("@city", Typed.Text(m.City)), ("@cityKey", Typed.Text(cityKey)), ("@country", Typed.Text(country)),
            ("@hosts", JsonSerializer.Serialize(m.HostsOrChairs)), ("@participants", JsonSerializer.Serialize(m.Participants)),
            ("@start", m.Span.Start), ("@end", m.Span.End), ("@evidence", m.Span.IsValidFor(article.Text) ? m.Span.Slice(article.Text) : ""));
        if (match is not null)
        {
            sortDate = RefreshEvent(session, eventId, SortDate(match.Date));
        }

        var links = new List<object?[]>();
        foreach (var (role, refs) in new[] { ("host", m.HostsOrChairs), ("participant", m.Participants) })
        {
            foreach (var reference in refs)
            {
                var entityId = reference.Length == 2 && reference.All(char.IsAsciiLetterUpper)
                    ? EntityKeys.Country(reference)
                    : entities.TryGetValue("name:" + reference, out var use) ? use.Id : null;
                if (entityId is not null)
                {
                    links.Add([eventId, entityId, role, article.Id, Typed.Text(sortDate)]);
                }
            }
        }

        if (country is not null)
        {
            links.Add([eventId, EntityKeys.Country(country), "place", article.Id, Typed.Text(sortDate)]);
        }

        if (!string.IsNullOrWhiteSpace(m.City))
        {
            links.Add([eventId, EntityKeys.Place(m.City), "place", article.Id, Typed.Text(sortDate)]);
        }

        session.InsertRows("INSERT INTO event_entities (event_id, entity_id, role, document_id, sort_date)", links);
    }

    /// <summary>
    /// The events of the place a meeting could belong to, read through the (country, date) index: only those whose date is
    /// compatible (<see cref="PartialDates.Compatible"/>) — the same date, a less precise one it falls in (its year or
    /// month, or its day without a year), or a more precise one inside it — so that a meeting reads a handful of rows,
    /// not every event of its country. <see cref="KnowledgeRules.BestMatch"/> then applies the full rules.
    /// </summary>
    private static List<EventSummary> MergeCandidates(SqlSession session, string format, string? country, string? city, string? date)
    {
        var place = country is null ? "v.country IS NULL" : "v.country = @country";
        const string sameFormat = "(v.format = @format OR v.format = 'other' OR @format = 'other')";
        if (date is null)
        {
            // Two undated reports are one event only when both name the same city (KnowledgeRules.BestMatch): an undated
            // meeting without a city starts an event of its own, and reads nothing.
            return city is null
                ? []
                : session.Query($"SELECT {EventColumns} FROM events v WHERE {place} AND v.date IS NULL AND v.city IS NOT NULL AND {sameFormat}",
                    ReadEvent, ("@country", Typed.Text(country)), ("@format", format));
        }

        if (date.StartsWith("--", StringComparison.Ordinal))
        {
            // A day without a year: that day of any year (rare; scans the place's dated events).
            return session.Query($"""
                SELECT {EventColumns} FROM events v
                WHERE {place} AND (v.date = @date OR (length(v.date) = 10 AND substr(v.date, 5) = @monthDay)) AND {sameFormat}
                """, ReadEvent, ("@country", Typed.Text(country)), ("@date", date), ("@monthDay", date[1..]), ("@format", format));
        }

        // Its prefixes (year, month, day), the same day without a year, and the dates that start with it.
        var year = date.Length >= 4 ? date[..4] : date;
        var month = date.Length >= 7 ? date[..7] : date;
        var yearless = date.Length == 10 ? "-" + date[4..] : date;
        return session.Query($"""
            SELECT {EventColumns} FROM events v
            WHERE {place} AND v.date IN (@year, @month, @date, @yearless) AND {sameFormat}
            UNION
            SELECT {EventColumns} FROM events v
            WHERE {place} AND v.date > @date AND v.date < @dateEnd AND {sameFormat}
            """, ReadEvent, ("@country", Typed.Text(country)), ("@year", year), ("@month", month), ("@date", date), ("@yearless", yearless),
            ("@dateEnd", date + "~"), ("@format", format));
    }

    /// <summary>
    /// Recomputes an event's summary from its sources (and the sort date its entity links carry); deletes it when none is
    /// left. Returns its sort date.
    /// </summary>
    /// <param name="sortDateBefore">The event's sort date as the caller read it, if it did (else it is read here).</param>
    private static string? RefreshEvent(SqlSession session, long eventId, string? sortDateBefore = null)
    {
        var sources = session.Query("""
            SELECT s.format, s.status, s.date, s.city, s.city_key, COALESCE(d.cluster_id, s.document_id)
            FROM event_sources s LEFT JOIN documents d ON d.id = s.document_id WHERE s.event_id = @id
            """,
            r => (Format: r.GetString(0), Status: r.GetString(1), Date: r.NullableString(2), City: r.NullableString(3), CityKey: r.NullableString(4), Cluster: r.GetString(5)),
            ("@id", eventId));
        if (sources.Count == 0)
        {
            session.Execute("DELETE FROM event_entities WHERE event_id = @id", ("@id", eventId));
            session.Execute("DELETE FROM events WHERE id = @id", ("@id", eventId));
            return null;
        }

        var format = sources.GroupBy(s => s.Format).OrderByDescending(g => g.Key == MeetingFormats.Other ? 0 : 1).ThenByDescending(g => g.Count()).First().Key;
        var date = sources.Select(s => s.Date).Aggregate((string?)null, PartialDates.MorePrecise);
        var sort = SortDate(date);
        var cited = sources.FirstOrDefault(s => s.City is not null);
        var status = sources.Any(s => s.Status == MeetingStatuses.Held) ? MeetingStatuses.Held : MeetingStatuses.Planned;
        var before = sortDateBefore ?? session.Query("SELECT sort_date FROM events WHERE id = @id", r => r.NullableString(0), ("@id", eventId)).FirstOrDefault();
        session.Execute("""
            UPDATE events SET format = @format, date = @date, sort_date = @sort, city = @city, city_key = @cityKey, status = @status, source_count = @count WHERE id = @id
            """, ("@format", format), ("@date", Typed.Text(date)), ("@sort", Typed.Text(sort)), ("@city", Typed.Text(cited.City)), ("@cityKey", Typed.Text(cited.CityKey)),
            ("@status", status), ("@count", sources.Select(s => s.Cluster).Distinct(StringComparer.Ordinal).Count()), ("@id", eventId));
        if (before != sort)
        {
            session.Execute("UPDATE event_entities SET sort_date = @sort WHERE event_id = @id", ("@sort", Typed.Text(sort)), ("@id", eventId));
        }

        return sort;
    }

    private static void WriteClaims(SqlSession session, ArticleInfo article, string? published, DocumentFacts facts)
    {
        var articleDate = published ?? KnowledgeRules.ReportedDate(facts.Meetings);
        var rows = new List<object?[]>();
        foreach (var c in facts.MemberCounts)
        {
            rows.Add([ClaimKinds.MemberCount, article.Id, Typed.Text(published), Typed.Int(c.Count), Typed.Text(c.Qualifier), Typed.Text(c.AsOf),
                Typed.Text(c.AsOf ?? articleDate), Typed.Text(null), Typed.Int(null), c.Span.Start, c.Span.End, Evidence(article.Text, c.Span)]);
        }

        foreach (var n in facts.NewMembers)
        {
            rows.Add([ClaimKinds.NewMember, article.Id, Typed.Text(published), Typed.Int(n.Ordinal), Typed.Text(n.Ordinal is null ? null : Qualifiers.Exact),
                Typed.Text(null), Typed.Text(articleDate), Typed.Text(n.Member), Typed.Int(n.Ordinal), n.Span.Start, n.Span.End, Evidence(article.Text, n.Span)]);
        }

        session.InsertRows(
            "INSERT INTO claims (kind, document_id, published, value, qualifier, as_of, effective, member, ordinal, span_start, span_end, evidence)", rows);
    }

    /// <summary>Removes an article and everything derived from it. True when it was there.</summary>
    private bool DeleteDocument(WriteScope scope, string id)
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

        _nearDuplicates.Remove(session, id, cluster);
        _engine.DeleteFullText(session, id);
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
            RefreshEvent(session, e);
        }

        return true;
    }
}
