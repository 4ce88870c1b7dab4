using System.Data.Common;
using System.Runtime.CompilerServices;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The articles as stored: the list, one article with its annotations and near-duplicates, the facts export and the totals.</summary>
internal sealed class ArticleReader(Func<CancellationToken, Task<DbConnection>> open)
{
    private const int MaxClusterMembers = 100;

    public async Task<Page<ArticleSummary>> ListAsync(int offset, int limit, CancellationToken ct)
    {
        await using var connection = await open(ct);
        var items = await Db.QueryAsync(connection, null, $"""
            SELECT {SummaryColumns} FROM documents d
            ORDER BY d.published DESC NULLS LAST, d.indexed_at DESC, d.id LIMIT @limit OFFSET @offset
            """, r => ReadSummary(r, 0), ct, ("@limit", limit), ("@offset", offset));
        var total = await Db.ScalarAsync<int>(connection, null, "SELECT COUNT(*) FROM documents", ct);
        return new Page<ArticleSummary>(items, Next(offset, items.Count, total), total);
    }

    public async Task<IndexedArticle?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await open(ct);
        var found = await Db.QueryAsync(connection, null, $"SELECT {SummaryColumns}, d.text, d.facts_json FROM documents d WHERE d.id = @id",
            r => (Summary: ReadSummary(r, 0), Text: r.GetString(SummaryColumnCount), Facts: r.GetString(SummaryColumnCount + 1)), ct, ("@id", id));
        if (found.Count == 0)
        {
            return null;
        }

        var (summary, text, factsJson) = found[0];
        var facts = FactsJson.Deserialize(factsJson);

        // The entities' mentions as stored (with the canonical entity each names), the other annotations from the facts.
        var annotations = (await Db.QueryAsync(connection, null, """
            SELECT e.kind, ed.name, ed.entity_id, ed.spans FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id
            WHERE ed.document_id = @id
            """, r => (Kind: r.GetString(0), Name: r.GetString(1), Entity: r.GetString(2), Spans: UnpackSpans(r.GetString(3))), ct, ("@id", id)))
            .SelectMany(u => u.Spans.Select(span => new Annotation(u.Kind, span.Start, span.End, u.Name, u.Entity)))
            .Concat(FactMentions.Of(facts)
                .Where(m => m.Kind is not (EntityKinds.Country or EntityKinds.Person or EntityKinds.Organization))
                .Select(m => new Annotation(m.Kind, m.Span.Start, m.Span.End, m.Value, null)))
            .OrderBy(a => a.Start).ThenBy(a => a.End).ThenBy(a => a.Kind, StringComparer.Ordinal)
            .ToList();
        // The same story from other outlets, first seen first (at most MaxClusterMembers).
        var cluster = summary.ClusterSize <= 1 ? [] : await Db.QueryAsync(connection, null, $"""
            SELECT {SummaryColumns} FROM documents d LEFT JOIN near_dup_signatures s ON s.document_id = d.id
            WHERE d.cluster_id = @cluster AND d.id <> @id ORDER BY s.seq NULLS LAST, d.id LIMIT @limit
            """, r => ReadSummary(r, 0), ct, ("@cluster", summary.DuplicateOf ?? summary.Id), ("@id", id), ("@limit", MaxClusterMembers));
        return new IndexedArticle(summary, text, facts, annotations) { Cluster = cluster };
    }

    public async IAsyncEnumerable<DocumentFacts> ExportFactsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await open(ct);
        await using var command = Db.Command(connection, null, "SELECT facts_json FROM documents ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return FactsJson.Deserialize(reader.GetString(0));
        }
    }

    public async Task<StoreTotals> TotalsAsync(CancellationToken ct)
    {
        await using var connection = await open(ct);
        return (await Db.QueryAsync(connection, null, """
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM claims)
            """, r => new StoreTotals(r.Int(0), r.Int(1), r.Int(2), r.Int(3)), ct))[0];
    }
}
