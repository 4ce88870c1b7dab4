using Dossier.Domain;

namespace Dossier.Store;

/// <summary>How knowledge merges across articles: which event a meeting belongs to, what its sources say, and which claims disagree.</summary>
public static class KnowledgeRules
{
    /// <summary>
    /// The event a reported meeting belongs to, among candidates of the same place: the format agrees (or one side
    /// only says "other"), the country agrees, the cities agree where both are known (on their keys,
    /// <see cref="MeetingIdentity.CityKey(string, string?)"/>), and the dates are compatible (a year-only date fits a
    /// full date inside it; two undated reports fit only when both name the same city). The most precisely dated
    /// candidate wins.
    /// </summary>
    /// <param name="cityKey">The meeting's city key, null when it names no city.</param>
    public static EventSummary? BestMatch(IEnumerable<EventSummary> candidates, string format, string? country, string? cityKey, string? date) =>
        candidates
            .Where(e => MeetingIdentity.FormatsAgree(e.Format, format))
            .Where(e => string.Equals(e.Country, country, StringComparison.OrdinalIgnoreCase))
            .Where(e => KeyOf(e) is not { } k || cityKey is null || MeetingIdentity.SameCity(k, cityKey))
            .Where(e => e.Date is null && date is null
                ? KeyOf(e) is { } k && cityKey is not null && MeetingIdentity.SameCity(k, cityKey)
                : PartialDates.Compatible(e.Date, date))
            .OrderByDescending(e => e.Format == format ? 1 : 0)
            .ThenByDescending(e => PartialDates.Precision(e.Date))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>An event's city key: the stored one, else (rows of schema 3 and before) the city as written, folded.</summary>
    private static string? KeyOf(EventSummary e) => e.City is null ? null : e.CityKey ?? MeetingIdentity.CityKey(e.City, null);

    private static string? KeyOf(EventSource s) => s.City is null ? null : s.CityKey ?? MeetingIdentity.CityKey(s.City, null);

    /// <summary>
    /// Each attribute of a merged event with every value a source gives and the articles behind it; conflicting values
    /// are kept side by side and flagged.
    /// </summary>
    public static IReadOnlyList<EventAttribute> Attributes(IReadOnlyList<EventSource> sources)
    {
        EventAttribute Attribute(string name, Func<EventSource, IEnumerable<string>> values, Func<IReadOnlyList<string>, bool> conflict)
        {
            var grouped = sources
                .SelectMany(s => values(s).Select(v => (Value: v, s.DocumentId, s.ClusterId)))
                .GroupBy(x => x.Value, StringComparer.Ordinal)
                .Select(g => new AttributeValue(g.Key, g.Select(x => x.DocumentId).Distinct().Order(StringComparer.Ordinal).ToList())
                {
                    Support = g.Select(x => x.ClusterId).Distinct(StringComparer.Ordinal).Count(),
                })
                .OrderByDescending(v => v.Support).ThenByDescending(v => v.DocumentIds.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .ToList();
            return new EventAttribute(name, grouped, conflict(grouped.Select(v => v.Value).ToList()));
        }

        static IEnumerable<string> One(string? v) => v is null ? [] : [v];

        return
        [
            Attribute("format", s => [s.Format], v => v.Count(f => f != MeetingFormats.Other) > 1),
            Attribute("date", s => One(s.Date), v => v.Any(a => v.Any(b => !PartialDates.Compatible(a, b)))),
            Attribute("city", s => One(s.City), _ => sources.Select(KeyOf).OfType<string>().Distinct(StringComparer.Ordinal).Count() > 1),
            Attribute("country", s => One(s.Country), v => v.Count > 1),
            Attribute("status", s => [s.Status], _ => false),
            Attribute("hosts_or_chairs", s => s.HostsOrChairs, _ => false),
            Attribute("participants", s => s.Participants, _ => false),
        ];
    }

    /// <summary>
    /// The member-count timeline: counts and new members (an ordinal N says the coalition then had N members), ordered
    /// by the date they speak of. Two exact values that differ for about the same time contradict each other. Each claim
    /// counts the reports that make it (<see cref="TimelineEntry.Support"/>: a story reprinted by many outlets, a cluster of
    /// near-duplicates, is one report), and a claim repeating an earlier one of its own cluster names it
    /// (<see cref="TimelineEntry.DuplicateOf"/>).
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Timeline(IEnumerable<Claim> claims)
    {
        var ordered = claims
            .OrderBy(c => c.EffectiveDate is null ? 1 : 0)
            .ThenBy(c => PartialDates.ToDate(c.EffectiveDate) ?? DateOnly.MaxValue)
            .ThenBy(c => c.DocumentId, StringComparer.Ordinal)
            .ThenBy(c => c.Start)
            .ToList();
        return ordered.Select((c, i) => new TimelineEntry(
            c,
            ordered.Where(o => o.Id != c.Id && Contradict(c, o)).Select(o => o.Id).ToList(),
            ordered.Where(o => Agree(c, o)).Select(o => o.ClusterId).Distinct(StringComparer.Ordinal).Count(),
            ordered.Take(i).FirstOrDefault(o => o.ClusterId == c.ClusterId && o.DocumentId != c.DocumentId && Agree(c, o))?.Id)).ToList();
    }

    /// <summary>
    /// The date an undated article speaks of: the most precise date (with a year) of the meetings it reports as held.
    /// </summary>
    public static string? ReportedDate(IEnumerable<MeetingFact> meetings) =>
        meetings
            .Where(m => m.Status == MeetingStatuses.Held && m.Date is not null && !m.Date.StartsWith("--", StringComparison.Ordinal))
            .Select(m => m.Date)
            .OrderByDescending(PartialDates.Precision)
            .FirstOrDefault();

    /// <summary>Two exact values that differ for about the same time, from two reports (not two copies of one story).</summary>
    public static bool Contradict(Claim a, Claim b) =>
        a.Value is { } va && b.Value is { } vb && va != vb
        && a.Qualifier == Qualifiers.Exact && b.Qualifier == Qualifiers.Exact
        && a.DocumentId != b.DocumentId && a.ClusterId != b.ClusterId
        && PartialDates.Near(a.EffectiveDate, b.EffectiveDate);

    /// <summary>The same claim: the same kind, value and member for about the same time.</summary>
    public static bool Agree(Claim a, Claim b) =>
        a.Kind == b.Kind && a.Value == b.Value && a.Member == b.Member && PartialDates.Near(a.EffectiveDate, b.EffectiveDate);
}
