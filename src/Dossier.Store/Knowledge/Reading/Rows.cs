using System.Data.Common;
using System.Globalization;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// The knowledge tables' rows as the store reads them: the column lists and their readers, the mentions and evidence cut
/// from an article's text, the packed spans of <c>entity_documents</c> and the date helpers both sides share.
/// </summary>
internal static class Rows
{
    public const int ContextChars = 60;

    /// <summary>An article's summary, with its cluster of near-duplicates: the canonical article's id and how many the cluster has.</summary>
    public const string SummaryColumns =
        "d.id, d.title, d.published, d.source, d.url, d.relevant, d.fact_counts, d.trace_id, d.indexed_at, d.extractor_version, substr(d.text, 1, 240), "
        + "d.cluster_id, (SELECT COUNT(*) FROM documents c WHERE c.cluster_id = d.cluster_id)";

    public const int SummaryColumnCount = 13;

    public const string EntityColumns = """
        e.id, e.kind, e.name, e.country, e.mention_count, e.document_count,
        (SELECT MIN(ed.published) FROM entity_documents ed WHERE ed.entity_id = e.id AND ed.published > ''),
        (SELECT NULLIF(MAX(ed.published), '') FROM entity_documents ed WHERE ed.entity_id = e.id)
        """;

    public const string EventColumns = "v.id, v.format, v.country, v.city, v.date, v.status, v.source_count, v.city_key";

    public static ArticleSummary ReadSummary(DbDataReader r, int i) => new(
        Id: r.GetString(i),
        Title: r.GetString(i + 1),
        Published: r.NullableString(i + 2),
        Source: r.GetString(i + 3),
        Url: r.GetString(i + 4),
        Relevant: r.Int(i + 5) != 0,
        Counts: FactCounts.FromArray(r.GetString(i + 6).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()),
        TraceId: r.GetString(i + 7),
        IndexedAt: DateTimeOffset.Parse(r.GetString(i + 8), CultureInfo.InvariantCulture),
        ExtractorVersion: r.GetString(i + 9),
        Preview: r.GetString(i + 10))
    {
        DuplicateOf = r.NullableString(i + 11) is { } cluster && cluster != r.GetString(i) ? cluster : null,
        ClusterSize = Math.Max(1, r.Int(i + 12)),
    };

    public static EntitySummary ReadEntity(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.Int(4), r.Int(5), r.NullableString(6), r.NullableString(7));

    public static EventSummary ReadEvent(DbDataReader r) => new(
        "ev-" + Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4), r.GetString(5), r.Int(6), r.NullableString(7));

    public static bool TryEventNumber(string id, out long number)
    {
        number = 0;
        return id.StartsWith("ev-", StringComparison.Ordinal) && long.TryParse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static EntityMention Mention(string documentId, string? published, int start, int end, string text)
    {
        var span = new TextSpan(start, end);
        if (!span.IsValidFor(text))
        {
            return new EntityMention(documentId, published, start, end, "", "", "");
        }

        var from = Math.Max(0, start - ContextChars);
        var to = Math.Min(text.Length, end + ContextChars);
        return new EntityMention(documentId, published, start, end, text[from..start], text[start..end], text[end..to]);
    }

    public static string Evidence(string text, TextSpan span) => span.IsValidFor(text) ? span.Slice(text) : "";

    public static string? SortDate(string? date) => PartialDates.ToDate(date)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An inclusive range bound: the first day of a partial date, or its last day for an upper bound.</summary>
    public static string? DateBound(string? value, string name, bool upper = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var first = PartialDates.ToDate(text)
            ?? throw new InvalidQueryException($"'{name}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'");
        var bound = !upper ? first : text.Length switch
        {
            4 => first.AddYears(1).AddDays(-1),
            7 => first.AddMonths(1).AddDays(-1),
            _ => first,
        };
        return bound.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static int? Next(int offset, int count, int total) => offset + count < total ? offset + count : null;

    /// <summary>Spans as stored in entity_documents: "start:end" joined by commas, in text order.</summary>
    public static string PackSpans(IEnumerable<TextSpan> spans) => string.Join(',',
        spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.End).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}:{s.End}")));

    /// <summary>The spans of <see cref="PackSpans"/>, in text order (whatever order they were stored in).</summary>
    public static List<TextSpan> UnpackSpans(string packed)
    {
        var spans = new List<TextSpan>();
        foreach (var part in packed.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && int.TryParse(part.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            {
                spans.Add(new TextSpan(start, end));
            }
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return spans;
    }
}
