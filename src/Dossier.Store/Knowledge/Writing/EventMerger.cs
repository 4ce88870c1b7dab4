using System.Globalization;
using System.Text.Json;
using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>Meetings into events: an article's meeting merges into a stored event of the same format, place and date, or becomes a new one.</summary>
internal static class EventMerger
{
    internal static void WriteMeeting(WriteScope scope, ArticleInfo article, string? published, MeetingFact m, Dictionary<string, EntityUse> entities)
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
    internal static List<EventSummary> MergeCandidates(SqlSession session, string format, string? country, string? city, string? date)
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
    internal static string? RefreshEvent(SqlSession session, long eventId, string? sortDateBefore = null)
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
}
