using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The events (merged meetings) with their sources and attributes, and the timeline of claims.</summary>
internal sealed class EventReader(Func<CancellationToken, Task<DbConnection>> open)
{
    public async Task<Page<EventSummary>> ListEventsAsync(EventQuery query, int offset, int limit, CancellationToken ct)
    {
        if (query.Format is not null && !MeetingFormats.All.Contains(query.Format))
        {
            throw new InvalidQueryException($"unknown meeting format '{query.Format}' (use {string.Join(", ", MeetingFormats.All)})");
        }

        var from = DateBound(query.From, "from");
        var to = DateBound(query.To, "to", upper: true);
        await using var connection = await open(ct);
        // Only the filters given, so that the engine can use the (country, sort_date) or (format, sort_date) index for
        // both the filter and the order (an "@x IS NULL OR ..." condition hides the index from SQLite's planner).
        var conditions = new List<string>();
        var filters = new List<(string, object?)>();
        foreach (var (column, op, name, value) in new[]
        {
            ("v.country", "=", "@country", query.Country?.ToUpperInvariant()), ("v.format", "=", "@format", query.Format),
            ("v.sort_date", ">=", "@from", from), ("v.sort_date", "<=", "@to", to),
        })
        {
            if (value is not null)
            {
                conditions.Add($"{column} {op} {name}");
                filters.Add((name, value));
            }
        }

        var where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
        var parameters = filters.ToArray();
        var items = await Db.QueryAsync(connection, null, $"""
            SELECT {EventColumns} FROM events v WHERE {where}
            ORDER BY v.sort_date DESC NULLS LAST, v.id DESC LIMIT @limit OFFSET @offset
            """, ReadEvent, ct, [.. parameters, ("@limit", limit), ("@offset", offset)]);
        var total = await Db.ScalarAsync<int>(connection, null, $"SELECT COUNT(*) FROM events v WHERE {where}", ct, parameters);
        return new Page<EventSummary>(items, Next(offset, items.Count, total), total);
    }

    public async Task<EventDetail?> GetEventAsync(string id, CancellationToken ct)
    {
        if (!TryEventNumber(id, out var number))
        {
            return null;
        }

        await using var connection = await open(ct);
        var summary = (await Db.QueryAsync(connection, null, $"SELECT {EventColumns} FROM events v WHERE v.id = @id", ReadEvent, ct, ("@id", number))).FirstOrDefault();
        if (summary is null)
        {
            return null;
        }

        var sources = await Db.QueryAsync(connection, null, """
            SELECT s.document_id, s.published, s.format, s.status, s.date, s.city, s.country, s.hosts, s.participants, s.span_start, s.span_end, s.evidence, s.city_key,
                d.cluster_id
            FROM event_sources s LEFT JOIN documents d ON d.id = s.document_id
            WHERE s.event_id = @id ORDER BY s.published NULLS FIRST, s.document_id, s.span_start
            """,
            r => new EventSource(r.GetString(0), r.NullableString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.NullableString(5), r.NullableString(6),
                JsonSerializer.Deserialize<List<string>>(r.GetString(7))!, JsonSerializer.Deserialize<List<string>>(r.GetString(8))!,
                r.Int(9), r.Int(10), r.GetString(11), r.NullableString(12))
            {
                ClusterId = r.NullableString(13)!,
            },
            ct, ("@id", number));
        return new EventDetail(summary, sources, KnowledgeRules.Attributes(sources));
    }

    public async Task<ClaimTimeline> GetClaimTimelineAsync(string kind, CancellationToken ct)
    {
        if (kind != ClaimKinds.MemberCount)
        {
            throw new InvalidQueryException($"unknown claim kind '{kind}' (use {ClaimKinds.MemberCount})");
        }

        await using var connection = await open(ct);
        var claims = await Db.QueryAsync(connection, null, """
            SELECT c.id, c.kind, c.value, c.qualifier, c.as_of, c.effective, c.member, c.ordinal, c.document_id, c.published, c.span_start, c.span_end, c.evidence,
                d.cluster_id
            FROM claims c LEFT JOIN documents d ON d.id = c.document_id WHERE c.kind IN (@count, @member)
            """,
            r => new Claim(r.Int(0).ToString(CultureInfo.InvariantCulture), r.GetString(1), r.NullableInt(2), r.NullableString(3), r.NullableString(4),
                r.NullableString(5), r.NullableString(6), r.NullableInt(7), r.GetString(8), r.NullableString(9), r.Int(10), r.Int(11), r.GetString(12))
            {
                ClusterId = r.NullableString(13)!,
            },
            ct, ("@count", ClaimKinds.MemberCount), ("@member", ClaimKinds.NewMember));
        return new ClaimTimeline(kind, KnowledgeRules.Timeline(claims));
    }
}
