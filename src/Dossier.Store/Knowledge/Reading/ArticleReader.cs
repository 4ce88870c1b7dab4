using System.Data.Common;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The articles as stored: the list, one article with its annotations and near-duplicates, the facts export and the totals.</summary>
internal sealed class ArticleReader(Func<DbConnection> open)
{
    private const int MaxClusterMembers = 100;

    public Page<ArticleSummary> List(int offset, int limit)
    {
        using var connection = open();
        var items = Db.Query(connection, null, $"""
            SELECT {SummaryColumns} FROM documents d
            ORDER BY d.published DESC NULLS LAST, d.indexed_at DESC, d.id LIMIT @limit OFFSET @offset
            """, r => ReadSummary(r, 0), ("@limit", limit), ("@offset", offset));
        var total = Db.Scalar<int>(connection, null, "SELECT COUNT(*) FROM documents");
        return new Page<ArticleSummary>(items, Next(offset, items.Count, total), total);
    }

    public IndexedArticle? Get(string id)
    {
        using var connection = open();
        var found = Db.Query(connection, null, $"SELECT {SummaryColumns}, d.text, d.facts_json FROM documents d WHERE d.id = @id",
            r => (Summary: ReadSummary(r, 0), Text: r.GetString(SummaryColumnCount), Facts: r.GetString(SummaryColumnCount + 1)), ("@id", id));
        if (found.Count == 0)
        {
            return null;
        }

        var (summary, text, factsJson) = found[0];
        var facts = FactsJson.Deserialize(factsJson);

        // The entities' mentions as stored (with the canonical entity each names), the other annotations from the facts.
        var annotations = Db.Query(connection, null, """
            SELECT e.kind, ed.name, ed.entity_id, ed.spans FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id
            WHERE ed.document_id = @id
            """, r => (Kind: r.GetString(0), Name: r.GetString(1), Entity: r.GetString(2), Spans: UnpackSpans(r.GetString(3))), ("@id", id))
            .SelectMany(u => u.Spans.Select(span => new Annotation(u.Kind, span.Start, span.End, u.Name, u.Entity)))
            .Concat(FactMentions.Of(facts)
                .Where(m => m.Kind is not (EntityKinds.Country or EntityKinds.Person or EntityKinds.Organization))
                .Select(m => new Annotation(m.Kind, m.Span.Start, m.Span.End, m.Value, null)))
            .OrderBy(a => a.Start).ThenBy(a => a.End).ThenBy(a => a.Kind, StringComparer.Ordinal)
            .ToList();
        // The same story from other outlets, first seen first (at most MaxClusterMembers).
        var cluster = summary.ClusterSize <= 1 ? [] : Db.Query(connection, null, $"""
            SELECT {SummaryColumns} FROM documents d LEFT JOIN near_dup_signatures s ON s.document_id = d.id
            WHERE d.cluster_id = @cluster AND d.id <> @id ORDER BY s.seq NULLS LAST, d.id LIMIT @limit
            """, r => ReadSummary(r, 0), ("@cluster", summary.DuplicateOf ?? summary.Id), ("@id", id), ("@limit", MaxClusterMembers));
        return new IndexedArticle(summary, text, facts, annotations) { Cluster = cluster };
    }

    public IEnumerable<DocumentFacts> ExportFacts()
    {
        using var connection = open();
        using var command = Db.Command(connection, null, "SELECT facts_json FROM documents ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return FactsJson.Deserialize(reader.GetString(0));
        }
    }

    public StoreTotals Totals()
    {
        using var connection = open();
        return Db.Query(connection, null, """
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM claims)
            """, r => new StoreTotals(r.Int(0), r.Int(1), r.Int(2), r.Int(3)))[0];
    }
}
