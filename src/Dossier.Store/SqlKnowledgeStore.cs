using System.Data.Common;
using System.Globalization;
using Dossier.Domain;
using Dossier.Domain.NearDuplicates;

namespace Dossier.Store;

/// <summary>
/// The knowledge store on a SQL engine. Everything but full-text search is portable SQL shared by the engines;
/// entity resolution, event merging and claim conflicts are plain C# (<see cref="EntityKeys"/>,
/// <see cref="PartialDates"/>, <see cref="KnowledgeRules"/>). Articles are indexed in transactions of many articles each
/// (<see cref="IndexManyAsync"/>, and a group commit of concurrent callers on engines with one writer).
/// Orderings on nullable dates say NULLS FIRST/LAST (SQLite's own order) so that every engine sorts undated rows alike.
/// </summary>
public abstract class SqlKnowledgeStore : IKnowledgeStore
{
    /// <summary>Taken around each write when the engine has a single writer (SQLite): waiting here is cheaper than busy retries.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly SqlEngine _engine;
    private readonly ArticleReader _articles;
    private readonly SearchReader _search;
    private readonly EntityReader _entities;
    private readonly EventReader _events;

    /// <param name="engine">What differs between the engines: connections, full-text search, locks, retries.</param>
    private protected SqlKnowledgeStore(SqlEngine engine)
    {
        _engine = engine;
        _articles = new ArticleReader(engine.OpenAsync);
        _search = new SearchReader(engine.OpenAsync, engine.FullTextAsync);
        _entities = new EntityReader(engine.OpenAsync);
        _events = new EventReader(engine.OpenAsync);
    }

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

    public async Task<bool> IndexAsync(ArticleInfo article, DocumentFacts facts, CancellationToken ct = default) =>
        (await IndexManyAsync([(article, facts)], ct))[0];

    /// <summary>
    /// Stores several articles as that many <see cref="IndexAsync"/> calls would, in order, in as few transactions as the
    /// engine allows; one that fails is rolled back alone (see <see cref="WriteBatch"/>). The transactions' statements run
    /// synchronously (on SQLite a write is CPU work under one lock); the waits are asynchronous, and <paramref name="ct"/>
    /// cancels them: a caller cancelled while waiting for the group commit leaves the queue, its articles that no writer
    /// has taken never written (one already taken is written with its batch) and its task cancelled. On engines with
    /// writers at once, <paramref name="ct"/> cancels the running statement (Npgsql sends a cancel request) and the
    /// transaction is rolled back.
    /// </summary>
    public async Task<IReadOnlyList<bool>> IndexManyAsync(IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)> articles, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
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
            WriteBatch(pending, ct);
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
                    try
                    {
                        await _writer.WaitAsync(ct);
                    }
                    catch (OperationCanceledException)
                    {
                        foreach (var mine in pending)
                        {
                            mine.Withdraw(ct);
                        }

                        throw;
                    }

                    try
                    {
                        if (!item.Done.Task.IsCompleted)
                        {
                            var batch = new List<PendingIndex>();
                            while (batch.Count < MaxGroup && _pending.TryDequeue(out var queued))
                            {
                                if (queued.Take())
                                {
                                    batch.Add(queued);
                                }
                            }

                            // The batch holds other callers' articles: one caller's token does not cancel their write.
                            WriteBatch(batch, CancellationToken.None);
                        }
                    }
                    finally
                    {
                        _writer.Release();
                    }
                }
            }
        }

        var replaced = new bool[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            replaced[i] = await pending[i].Done.Task;
        }

        return replaced;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var activity = ActivitySource.StartActivity("store.delete");
        activity?.SetTag("db.system", Engine);
        activity?.SetTag("dossier.document.id", id);
        if (_engine.SingleWriter)
        {
            await _writer.WaitAsync(ct);
        }

        try
        {
            return Transact((_, alone) =>
            {
                using var connection = _engine.Open();
                using var session = new SqlSession(connection, connection.BeginTransaction());
                using var cancel = session.CancelOn(ct);
                var scope = new WriteScope(session, _engine.Locks(session, alone));
                LockKeys(scope, [id], [], []);
                var existed = DocumentRemoval.Delete(scope, id, _nearDuplicates, _engine);
                scope.Locks.ThrowIfMissing();
                session.Commit();
                RecordWait(scope.Locks);
                return existed;
            }, ct);
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

        /// <summary>Queued (0), taken by a writer of the group commit (1), or withdrawn by its cancelled caller (2).</summary>
        private int _state;

        /// <summary>Takes the article for a group-commit batch, unless its caller withdrew it.</summary>
        public bool Take() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        /// <summary>Withdraws the article from the group commit (cancelled) unless a writer has taken it.</summary>
        public void Withdraw(CancellationToken ct)
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                Done.TrySetCanceled(ct);
            }
        }
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
    /// <param name="ct">Cancels the transaction's statements (see <see cref="SqlSession.CancelOn"/>); the articles are then cancelled.</param>
    private void WriteBatch(IReadOnlyList<PendingIndex> items, CancellationToken ct, bool defer = true)
    {
        List<(PendingIndex Item, bool Replaced, Exception? Error)> results;
        List<PendingIndex> deferred;
        var isolate = false;
        try
        {
            (results, deferred) = Transact(
                (attempt, alone) => Write(items, isolate, alone, defer && attempt == 1, ct),
                ct,
                // An article's own error: the batch is written again with a savepoint per article, so it fails alone.
                e => !isolate && items.Count > 1 && IsArticleError(e) && (isolate = true));
        }
        catch (OperationCanceledException e)
        {
            foreach (var item in items)
            {
                item.Done.TrySetCanceled(e.CancellationToken);
            }

            return;
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
            WriteBatch(deferred, ct, defer: false);
        }
    }

    /// <summary>An error one article's data can cause (as opposed to a broken connection or store, or a lost race).</summary>
    private bool IsArticleError(Exception e) => (e is DbException or InvalidOperationException or FormatException) && !_engine.IsRetryable(e);

    /// <summary>The most attempts of one write transaction that loses races with other writers.</summary>
    private const int MaxAttempts = 10;

    /// <summary>
    /// Runs a write transaction until it commits: again when it loses a race with another writer (at most
    /// <see cref="MaxAttempts"/> attempts, the keys it must lock alone remembered from one attempt to the next), or when
    /// <paramref name="again"/> says so of its error. The transaction is given the attempt number and those keys. Once
    /// <paramref name="ct"/> is cancelled no attempt starts, and the error of a cancelled one (the statement PostgreSQL
    /// cancelled) is an <see cref="OperationCanceledException"/>.
    /// </summary>
    private T Transact<T>(Func<int, HashSet<string>, T> transaction, CancellationToken ct, Func<Exception, bool>? again = null)
    {
        var alone = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return transaction(attempt, alone);
            }
            catch (Exception e) when (e is not OperationCanceledException && ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("the write was cancelled", e, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && Retry(e, alone))
            {
            }
            catch (Exception e) when (again?.Invoke(e) == true)
            {
            }
        }
    }

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
        IReadOnlyList<PendingIndex> items, bool isolate, IReadOnlySet<string> alone, bool defer, CancellationToken ct)
    {
        var results = new List<(PendingIndex Item, bool Replaced, Exception? Error)>(items.Count);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var connection = _engine.Open();
        using var session = new SqlSession(connection, connection.BeginTransaction());
        using var cancel = session.CancelOn(ct);
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
            catch (Exception e) when (IsArticleError(e) && !ct.IsCancellationRequested)
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
        var replaced = DocumentRemoval.Delete(scope, article.Id, _nearDuplicates, _engine);
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

        var entities = EntityResolver.ResolveEntities(scope, facts);
        scope.Aliases.Forget(EntityWriter.WriteEntities(scope, article.Id, published, entities.Values.Distinct().ToList(), counted));
        foreach (var meeting in facts.Meetings)
        {
            EventMerger.WriteMeeting(scope, article, published, meeting, entities);
        }

        ClaimWriter.WriteClaims(session, article, published, facts);
        return replaced;
    }

    public Task<Page<ArticleSummary>> ListAsync(int offset, int limit, CancellationToken ct = default) => _articles.ListAsync(offset, limit, ct);

    public Task<IndexedArticle?> GetAsync(string id, CancellationToken ct = default) => _articles.GetAsync(id, ct);

    public IAsyncEnumerable<DocumentFacts> ExportFactsAsync(CancellationToken ct = default) => _articles.ExportFactsAsync(ct);

    public Task<StoreTotals> TotalsAsync(CancellationToken ct = default) => _articles.TotalsAsync(ct);

    public async Task<Page<SearchHit>> SearchAsync(SearchQuery query, int offset, int limit, CancellationToken ct = default)
    {
        using var activity = ActivitySource.StartActivity("store.search");
        activity?.SetTag("db.system", Engine);
        return await _search.SearchAsync(query, offset, limit, ct);
    }

    /// <inheritdoc cref="SearchReader.RankWindow"/>
    public int RankWindow
    {
        get => _search.RankWindow;
        set => _search.RankWindow = value;
    }

    public Task<Page<EntitySummary>> ListEntitiesAsync(EntityQuery query, int offset, int limit, CancellationToken ct = default) =>
        _entities.ListEntitiesAsync(query, offset, limit, ct);

    public Task<EntityDetail?> GetEntityAsync(string id, CancellationToken ct = default) => _entities.GetEntityAsync(id, ct);

    public Task<Page<EventSummary>> ListEventsAsync(EventQuery query, int offset, int limit, CancellationToken ct = default) =>
        _events.ListEventsAsync(query, offset, limit, ct);

    public Task<EventDetail?> GetEventAsync(string id, CancellationToken ct = default) => _events.GetEventAsync(id, ct);

    public Task<ClaimTimeline> GetClaimTimelineAsync(string kind, CancellationToken ct = default) => _events.GetClaimTimelineAsync(kind, ct);
}
