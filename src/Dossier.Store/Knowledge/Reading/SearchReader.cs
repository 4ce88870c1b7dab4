using System.Data.Common;
using System.Globalization;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>Full-text and filtered search over the articles, ranked in a bounded window (<see cref="RankWindow"/>) and paged.</summary>
internal sealed class SearchReader(Func<CancellationToken, Task<DbConnection>> open, Func<DbConnection, string, CancellationToken, Task<IReadOnlyList<FullTextClause>>> fullText)
{
    public async Task<Page<SearchHit>> SearchAsync(SearchQuery query, int offset, int limit, CancellationToken ct)
    {
        var text = query.Text.Trim();
        if (text.Length == 0 && !query.HasFilters)
        {
            throw new InvalidQueryException("the search text is empty and no filter is given");
        }

        var (filters, filterParameters) = Filters(query);
        await using var connection = await open(ct);
        if (text.Length == 0)
        {
            if (query.CollapseDuplicates)
            {
                // The best-ranked member of each cluster among the matches: the newest, as the page is ordered.
                filters += $"""
                     AND d.id IN (SELECT best.id FROM (
                        SELECT d.id, ROW_NUMBER() OVER (PARTITION BY COALESCE(d.cluster_id, d.id) ORDER BY d.published DESC NULLS LAST, d.id) AS rn
                        FROM documents d WHERE 1 = 1 {filters}) best WHERE best.rn = 1)
                    """;
            }

            var items = await Db.QueryAsync(connection, null, $"""
                SELECT {SummaryColumns}, substr(d.text, 1, 160), 0.0
                FROM documents d WHERE 1 = 1 {filters}
                ORDER BY d.published DESC NULLS LAST, d.id
                LIMIT @limit OFFSET @offset
                """, ReadHit, ct, [.. filterParameters, ("@limit", limit), ("@offset", offset)]);
            var count = await Db.ScalarAsync<int>(connection, null, $"SELECT COUNT(*) FROM documents d WHERE 1 = 1 {filters}", ct, filterParameters);
            return new Page<SearchHit>(items, Next(offset, items.Count, count), count);
        }

        var parts = await fullText(connection, text, ct);

        // Ranking is bounded: only the first RankWindow matches in the engine's window order (the most recently indexed on
        // SQLite, the newest by date on PostgreSQL; an index order, so the engine stops reading there) are scored and
        // ranked; any further matches follow in that order. Up to RankWindow matches this is a full ranking. One match more
        // than the window is read to know whether others follow: matches are never counted in full, since counting every
        // match of a common word costs time in proportion to the store.
        // Without filters the window is read from the full-text index alone where the engine can (reading 1,000 article
        // rows cost more than ranking them); equal scores then keep the window order.
        // Collapsing reads each match's cluster, so it needs the article rows.
        var collapse = query.CollapseDuplicates;
        var window = new List<(int Part, object Key, string? Published, string? Id, string? Cluster, double Score)>();
        for (var part = 0; part < parts.Count && window.Count <= RankWindow; part++)
        {
            var clause = parts[part];
            var bare = filters.Length == 0 && clause.BareFrom is not null && !collapse;
            var index = part;
            window.AddRange(await Db.QueryAsync(connection, null, $"""
                SELECT {clause.Key}, {(bare ? "NULL, NULL, NULL" : "d.published, d.id, COALESCE(d.cluster_id, d.id)")}, {clause.Score}
                FROM {(bare ? clause.BareFrom : clause.From)} WHERE {clause.Where} {filters}
                ORDER BY {clause.WindowOrder} LIMIT @window
                """, r => (Part: index, Key: r.GetValue(0), Published: r.NullableString(1), Id: r.NullableString(2), Cluster: r.NullableString(3),
                    Score: Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture)),
                ct, [.. clause.Parameters, .. filterParameters, ("@window", RankWindow + 1 - window.Count)]));
        }

        var beyond = window.Count > RankWindow;
        if (beyond)
        {
            window.RemoveAt(window.Count - 1);
        }

        var order = window
            .Select((w, position) => (w.Part, w.Key, w.Published, w.Id, w.Cluster, w.Score, Position: position))
            .OrderByDescending(w => w.Score)
            .ThenBy(w => w.Published is null ? 1 : 0).ThenByDescending(w => w.Published, StringComparer.Ordinal)
            .ThenBy(w => w.Id, StringComparer.Ordinal)
            .ThenBy(w => w.Position)
            .ToList();

        // Collapsed: the best-ranked member of each cluster stands for it. Only the ranked window is collapsed; the matches
        // past it are not listed (see RankWindow), so a collapsed search lists at most RankWindow clusters.
        if (collapse)
        {
            order = order.DistinctBy(w => w.Cluster, StringComparer.Ordinal).ToList();
            beyond = false;
        }

        var ranked = order.Skip(offset).Take(limit).ToList();

        var hits = await PageHitsAsync(connection, parts, ranked.Select(w => (w.Part, w.Key, w.Score)).ToList(), ct);

        bool more;
        if (offset + hits.Count < order.Count)
        {
            more = true;
        }
        else if (!beyond)
        {
            more = false;
        }
        else
        {
            // Past the ranked window: the remaining matches in window order, one more than the page asks for to know
            // whether others follow.
            var wanted = limit - hits.Count;
            var tail = wanted == 0 ? [] : await TailAsync(connection, parts, filters, filterParameters, offset + hits.Count, wanted + 1, ct);
            hits.AddRange(await PageHitsAsync(connection, parts, tail.Take(wanted).ToList(), ct));
            more = wanted == 0 || tail.Count > wanted;
        }

        more &= hits.Count > 0;

        // Exact up to the window; past it, what is known: every match seen so far, and one more when a next page exists.
        var total = beyond ? Math.Max(RankWindow + 1, offset + hits.Count + (more ? 1 : 0)) : order.Count;
        return new Page<SearchHit>(hits, more ? offset + hits.Count : null, total);
    }

    /// <summary>
    /// How many matches of a search are scored and ranked (see <see cref="SearchAsync"/>): ranking every match of a common word
    /// costs time in proportion to the store's size; this keeps a search's cost bounded. Scoring costs some microseconds a
    /// match (FTS5's BM25 reads each match's term instances and length), so 1,000 matches are about half a search's time
    /// at 100,000 articles (bench/BENCHMARKS.md, query service).
    /// </summary>
    public int RankWindow { get; set; } = 1000;

    /// <summary>
    /// <paramref name="count"/> matches in window order from the <paramref name="skip"/>th on, across the parts: a part
    /// whose matches all lie before that point is counted (deep pages only).
    /// </summary>
    private static async Task<List<(int Part, object Key, double Score)>> TailAsync(DbConnection connection, IReadOnlyList<FullTextClause> parts,
        string filters, (string, object?)[] filterParameters, int skip, int count, CancellationToken ct)
    {
        var tail = new List<(int Part, object Key, double Score)>();
        for (var part = 0; part < parts.Count && tail.Count < count; part++)
        {
            var clause = parts[part];
            var index = part;
            (string, object?)[] all = [.. clause.Parameters, .. filterParameters];
            var rows = await Db.QueryAsync(connection, null, $"""
                SELECT {clause.Key}, {clause.Score}
                FROM {clause.From} WHERE {clause.Where} {filters}
                ORDER BY {clause.WindowOrder} LIMIT @limit OFFSET @offset
                """, r => (Part: index, Key: r.GetValue(0), Score: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)),
                ct, [.. all, ("@limit", count - tail.Count), ("@offset", skip)]);
            if (rows.Count == 0 && skip > 0)
            {
                skip -= await Db.ScalarAsync<int>(connection, null, $"SELECT COUNT(*) FROM {clause.From} WHERE {clause.Where} {filters}", ct, all);
                skip = Math.Max(skip, 0);
                continue;
            }

            tail.AddRange(rows);
            skip = 0;
        }

        return tail;
    }

    /// <summary>
    /// The page's rows with their snippets (made for these rows only), in the order given, with the window's scores:
    /// scoring again here would make FTS5's BM25 gather its statistics a second time (a full pass over a phrase's matches).
    /// </summary>
    private static async Task<List<SearchHit>> PageHitsAsync(DbConnection connection, IReadOnlyList<FullTextClause> parts,
        IReadOnlyList<(int Part, object Key, double Score)> ranked, CancellationToken ct)
    {
        var found = new Dictionary<(int, object), (ArticleSummary Summary, (string Text, IReadOnlyList<TextSpan> Words) Marked)>();
        foreach (var group in ranked.GroupBy(w => w.Part))
        {
            var clause = parts[group.Key];
            var keys = group.Select((w, i) => ($"@k{i}", (object?)w.Key)).ToArray();
            var where = clause.MarkWords is null ? $"{clause.Where} AND " : "";
            (string, object?)[] parameters = clause.MarkWords is null ? [.. clause.Parameters, .. keys] : keys;
            foreach (var hit in await Db.QueryAsync(connection, null, $"""
                SELECT {SummaryColumns}, {clause.Highlight}, {clause.Key}
                FROM {clause.From} WHERE {where}{clause.Key} IN ({string.Join(", ", keys.Select(k => k.Item1))})
                """, r => (Summary: ReadSummary(r, 0), Text: r.GetString(SummaryColumnCount), Key: r.GetValue(SummaryColumnCount + 1)),
                ct, parameters))
            {
                found[(group.Key, hit.Key)] = (hit.Summary, clause.MarkWords is { } mark ? (hit.Text, mark(hit.Text)) : HighlightMarks.Parse(hit.Text));
            }
        }

        return ranked.Where(w => found.ContainsKey((w.Part, w.Key))).Select(w =>
        {
            var (summary, (text, words)) = found[(w.Part, w.Key)];
            var snippet = SearchSnippets.Make(text, words);
            return new SearchHit(summary, snippet.Text, snippet.Highlights, w.Score);
        }).ToList();
    }

    private static SearchHit ReadHit(DbDataReader r) =>
        new(ReadSummary(r, 0), r.GetString(SummaryColumnCount), [], Convert.ToDouble(r.GetValue(SummaryColumnCount + 1), CultureInfo.InvariantCulture));

    /// <summary>The filter part of a search over <c>documents d</c>, and its parameters.</summary>
    private static (string Sql, (string, object?)[] Parameters) Filters(SearchQuery q)
    {
        var sql = new List<string>();
        var parameters = new List<(string, object?)>();
        if (DateBound(q.From, "from") is { } from)
        {
            sql.Add("d.published >= @fFrom");
            parameters.Add(("@fFrom", from));
        }

        if (DateBound(q.To, "to", upper: true) is { } to)
        {
            sql.Add("d.published <= @fTo");
            parameters.Add(("@fTo", to));
        }

        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            sql.Add("d.id IN (SELECT document_id FROM entity_documents WHERE entity_id = @fCountry)");
            parameters.Add(("@fCountry", EntityKeys.Country(q.Country.Trim())));
        }

        foreach (var (value, kind, name) in new[] { (q.Person, EntityKinds.Person, "@fPerson"), (q.Organization, EntityKinds.Organization, "@fOrg") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            // An entity id, or any name the entity is known by.
            sql.Add($"""
                d.id IN (SELECT ed.document_id FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id
                         WHERE e.kind = {name}Kind AND (e.id = {name} OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = {name}Key)))
                """);
            parameters.Add((name, value.Trim()));
            parameters.Add((name + "Kind", kind));
            parameters.Add((name + "Key", EntityKeys.Slug(value)));
        }

        if (!string.IsNullOrWhiteSpace(q.Format))
        {
            if (!MeetingFormats.All.Contains(q.Format))
            {
                throw new InvalidQueryException($"unknown meeting format '{q.Format}'");
            }

            sql.Add("d.id IN (SELECT document_id FROM event_sources WHERE format = @fFormat)");
            parameters.Add(("@fFormat", q.Format));
        }

        return (string.Concat(sql.Select(s => " AND " + s)), parameters.ToArray());
    }
}
