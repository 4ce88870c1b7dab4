using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Counts of attacks, strikes, operations and missions, read by the patterns of <c>Data/patterns/attack_stats.jsonl</c>:
/// a count before the noun ("29 strikes", "three strikes", "more than 70 terrorist attacks", "Five of Sunday's
/// attacks") or after it ("attacks rose to 120"). A single event (one strike) is not a statistic. Where: the places
/// of the sentence (a city with its country; with several counts, those from each to the next; not a country inside
/// an organization's name) and a place heading a line of a report ("Near Mosul, three strikes"); when: the date
/// nearest to the count in its sentence ("since 2014" starts a period, it does not date the count). A line of a list
/// (a bullet, or "Near X, …") with no date or country of its own takes them from the statistic before it ("On Mar.
/// 21, … conducted 29 strikes" dates its bullets). A count stated again for the same noun is listed once unless both
/// name places and none is shared.
/// </summary>
public sealed class AttackStatsComponent : IPipelineComponent
{
    public const string PatternFile = "attack_stats";

    private const int MinCount = 2;
    private const int MaxCount = 1_000_000;

    /// <summary>How many paragraphs back a list item looks for the statistic it continues.</summary>
    private const int ListReach = 3;

    /// <summary>How many paragraphs a table row may lie below the header or the row before it.</summary>
    private const int TableReach = 2;

    public string Name => "attacks";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Numbers, Layers.Dates];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Attacks];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var numbers = NumberIndex.Of(document);
        var nouns = new List<string>();
        (AttackStatFact Fact, int Paragraph, string Key)? previous = null;
        (string What, string Key, string? When, int Paragraph)? table = null;
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            var matches = document.Match(PatternFile, s.TokenStart, s.TokenEnd);
            var heading = matches.FirstOrDefault(m => m.Label == "place" && m.Start == s.TokenStart + BulletLength(document, s));
            // A line under a table header ("Claimed attacks by province, 2023:") that is only a place and its count is a row
            // of it; any other line closes the table, and a header line opens one.
            var row = table is { } open && s.Paragraph - open.Paragraph <= TableReach ? TableRow(document, s, matches) : null;
            if (row is not null)
            {
                table = table!.Value with { Paragraph = s.Paragraph };
                matches = [row];
            }
            else
            {
                var bullet = BulletLength(document, s);
                table = matches.FirstOrDefault(m => m.Label == "header" && m.End == s.TokenEnd) is { } h && h["noun"] is { } hn
                    ? (document.TokenRangeText(s.TokenStart + bullet, hn.End), document.Tokens[hn.End - 1].Norm, NearestDate(document, s, h), s.Paragraph)
                    : null;
            }

            var stats = matches.Where(m => (m.Label is "stat" or "ellipsis" || (m.Label == "row" && row is not null)) && m["count"] is { } c && numbers.At(c.Start) is { } n
                && (m.Label != "stat" || m["noun"] is not null) && IsCount(document, n)).ToList();
            (string What, string Key)? before = null;
            for (var i = 0; i < stats.Count; i++)
            {
                var m = stats[i];
                var n = numbers.At(m["count"]!.Value.Start)!;
                string what, key;
                if (m.Label == "row")
                {
                    // A row of a table counts what its header names.
                    (what, key) = (table!.Value.What, table.Value.Key);
                }
                else if (m.Label == "ellipsis")
                {
                    // A count without its noun continues the statistic before it in the sentence, or is none.
                    if (before is { } b)
                    {
                        (what, key) = b;
                    }
                    else if (m.Pattern["refers"] == "previous" && previous is { } last && s.Paragraph - last.Paragraph <= ListReach)
                    {
                        (what, key) = (last.Fact.What, last.Key);
                    }
                    else
                    {
                        continue;
                    }

                }
                else
                {
                    var noun = m["noun"]!.Value;
                    what = m.Pattern["what"] == "count-on" ? document.TokenRangeText(n.TokenEnd, noun.End) : document.TokenRangeText(noun.Start, noun.End);
                    key = document.Tokens[noun.End - 1].Norm;
                }

                before = (what, key);

                // Several counts in a sentence: each takes the places from itself to the next one (the first also those before it).
                var from = i == 0 ? s.TokenStart : m.Start;
                var to = i + 1 < stats.Count ? stats[i + 1].Start : s.TokenEnd;
                var where = Places(document, s, heading, from, to);
                if (m.Label == "ellipsis" && where.Count == 0 && i > 0 && previous is { } same && same.Paragraph == s.Paragraph)
                {
                    // "27 attacks in Diyala in April, up from 15 in March": a count that continues the one before it in
                    // the sentence and names no place of its own counts in that one's places.
                    where.AddRange(same.Fact.Where);
                }

                var when = NearestDate(document, s, m) ?? (m.Label == "row" ? table!.Value.When : null);
                var listItem = heading is not null || BulletLength(document, s) > 0;
                if (listItem && previous is { } p && s.Paragraph - p.Paragraph <= ListReach)
                {
                    when ??= p.Fact.When;
                    if (!where.Any(IsCountryCode))
                    {
                        where.AddRange(p.Fact.Where.Where(w => IsCountryCode(w) && !where.Contains(w)));
                    }
                }

                var fact = new AttackStatFact((int)n.Value, n.Qualifier, what, where, when, new TextSpan(document.Tokens[m.Start].Start, document.Tokens[m.End - 1].End))
                {
                    Rule = m.Id,
                };
                previous = (fact, s.Paragraph, key);
                if (!IsRepeat(document, nouns, fact, key))
                {
                    document.AttackStats.Add(fact);
                    nouns.Add(key);
                }
            }
        }
    }

    /// <summary>The row match of a line that is only a place and its count ("Deir ez-Zor: 341", "- Raqqa: 97."), or null.</summary>
    private static PatternMatch? TableRow(AnnotatedDocument document, Segment s, IReadOnlyList<PatternMatch> matches) =>
        matches.FirstOrDefault(m => m.Label == "row" && m.Start == s.TokenStart + BulletLength(document, s)
            && (m.End == s.TokenEnd || (m.End + 1 == s.TokenEnd && document.Tokens[m.End].Norm is "." or ";" or ",")));

    /// <summary>A whole count of two or more (one strike is a single event) that is not a year.</summary>
    private static bool IsCount(AnnotatedDocument document, NumberMention n) =>
        n.Value == decimal.Truncate(n.Value) && n.Value >= MinCount && n.Value <= MaxCount && !InDate(document, n);

    /// <summary>
    /// A count stated again for the same noun: unless both name places and they share none (when both name places
    /// below a country, "Near Rawah" and "Near Qaim", those are compared, not their country).
    /// </summary>
    private static bool IsRepeat(AnnotatedDocument document, List<string> nouns, AttackStatFact fact, string noun)
    {
        for (var i = 0; i < document.AttackStats.Count; i++)
        {
            var other = document.AttackStats[i];
            if (other.Count == fact.Count && nouns[i] == noun && (other.Where.Count == 0 || fact.Where.Count == 0 || SharePlace(other.Where, fact.Where)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SharePlace(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var localA = a.Where(p => !IsCountryCode(p)).ToList();
        var localB = b.Where(p => !IsCountryCode(p)).ToList();
        return localA.Count > 0 && localB.Count > 0
            ? localA.Intersect(localB, StringComparer.Ordinal).Any()
            : a.Intersect(b, StringComparer.Ordinal).Any();
    }

    private static bool IsCountryCode(string place) => place.Length == 2 && place.All(char.IsAsciiLetterUpper);

    /// <summary>Years are not counts: the number lies inside a date mention.</summary>
    private static bool InDate(AnnotatedDocument document, NumberMention n) =>
        document.Dates.Any(d => d.TokenStart <= n.TokenStart && n.TokenEnd <= d.TokenEnd);

    /// <summary>The tokens of a list bullet ("*", "•", "-") opening the sentence, or 0.</summary>
    private static int BulletLength(AnnotatedDocument document, Segment s) =>
        s.TokenEnd > s.TokenStart && document.Tokens[s.TokenStart].Norm is "*" or "•" or "-" or "–" or "·" ? 1 : 0;

    /// <summary>The places of the sentence in <c>[from, to)</c>: countries as codes, other places by name with their country; a heading place first.</summary>
    private static List<string> Places(AnnotatedDocument document, Segment s, PatternMatch? heading, int from, int to)
    {
        var where = new List<string>();
        void Add(string value)
        {
            if (!where.Contains(value, StringComparer.Ordinal))
            {
                where.Add(value);
            }
        }

        if (heading?["place"] is { } h && !document.EntitiesIn(s.Index).Any(e => e.TokenStart < h.End && h.Start < e.TokenEnd))
        {
            Add(Dossier.Pipeline.Text.Display.Name(document.TokenRangeText(h.Start, h.End)));
        }

        var entities = document.EntitiesIn(s.Index).ToList();
        foreach (var e in entities)
        {
            // Outside the count's part of the sentence, or inside an organization's name ("the US-led coalition").
            if (e.TokenStart < from || e.TokenEnd > to
                || entities.Any(o => o != e && o.Entry.Kind == EntityKind.Organization && o.TokenStart <= e.TokenStart && e.TokenEnd <= o.TokenEnd))
            {
                continue;
            }

            switch (e.Entry.Kind)
            {
                // "U.S. forces conducted 12 operations in Syria": the country of the force acts, the attacks were elsewhere.
                case EntityKind.Country or EntityKind.CountryAbbreviation when e.TokenEnd < s.TokenEnd && document.InSet("force_nouns", e.TokenEnd):
                    break;
                case EntityKind.Country or EntityKind.CountryAbbreviation:
                    Add(e.Entry.Country!);
                    break;
                case EntityKind.City or EntityKind.Capital or EntityKind.Subdivision:
                    Add(Dossier.Pipeline.Text.Display.Name(document.Slice(e.Start, e.End)));
                    if (e.Entry.Country is { } country)
                    {
                        Add(country);
                    }

                    break;
                case EntityKind.Region:
                    Add(Dossier.Pipeline.Text.Display.Name(document.Slice(e.Start, e.End)));
                    break;
            }
        }

        return where;
    }

    /// <summary>The resolved date of the sentence nearest to the match (not the start of a period), or null.</summary>
    private static string? NearestDate(AnnotatedDocument document, Segment s, PatternMatch m)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var d in document.Dates)
        {
            // "since 2014" starts a period, it does not date the count.
            if (d.Sentence != s.Index || d.Value is null || (d.TokenStart > 0 && document.Tokens[d.TokenStart - 1].Norm == "since"))
            {
                continue;
            }

            var distance = d.TokenEnd <= m.Start ? m.Start - d.TokenEnd : Math.Max(0, d.TokenStart - m.End);
            if (distance < bestDistance)
            {
                best = d.Value;
                bestDistance = distance;
            }
        }

        return best;
    }
}
