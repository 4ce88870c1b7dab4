using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// The date, place and status of each meeting mention, from its own phrase and clause: a date inside the phrase ("the
/// December 3 Coalition Ministerial", "Thursday's meeting") or the nearest one in the clause ("met on May 7", "On July 13,
/// the Small Group will meet"), never a founding date (<c>sets/formation_cues</c>: "established in January 2015"); a place
/// inside the phrase ("the Marrakech meeting"), after it ("in Brussels", "held in The Hague", "scheduled to be held in
/// Rome", "in Jeddah, Saudi Arabia") or before it in the clause ("took place in Riyadh during a ministerial meeting"),
/// never a country named inside an organization (at the U.S. European Command); virtual meetings
/// (<c>sets/virtual_cues</c>) have none. Announced (planned) when the clause says so (<c>sets/planned_cues</c>) or the date
/// lies after the article's; a year-less date is then read forward, else backward.
/// </summary>
public sealed class MeetingSlotsComponent : IPipelineComponent
{
    private static readonly HashSet<string> PlaceSkippable = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tomorrow", "again", "also", "virtually", "jointly", "recently", "together", "this", "week", "month", "year", "later", "earlier",
        "which", "that", "was", "were", "is", "are", "has", "have", "been", "with", "his", "her", "their", "counterpart", "counterparts",
        "the", "level", "of", "political", "directors", "director", "senior", "officials", "ministers", "ministerial", "foreign", "defence", "defense",
        "hosted", "by", "organized", "organised", "convened", "chaired", "government", "and", "first", "arrived", "travelled", "traveled",
        "host", "hosts", "here", "expected", "planned", "slated", "likely", "poised",
    };

    public string Name => "meeting-slots";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.MeetingMentions, Layers.Dates, Layers.Datelines];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.MeetingSlots];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var ctx = MeetingContext.For(document);
        foreach (var m in document.MeetingMentions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (m.Excluded is not null)
            {
                continue;
            }

            var s = document.Sentences[m.Sentence];
            // "met virtually", "a virtual meeting", "hosted virtually the 20th meeting".
            m.Virtual = ctx.AnyOf("virtual_cues", m.Start, m.ClauseEnd) || (m.Start > s.TokenStart && ctx.Has("virtual_cues", m.Start - 1));
            m.Planned = Planned(ctx, s, m);
            var date = DateOf(ctx, s, m);
            if (date is not null)
            {
                var future = m.Planned;
                m.Date = date.Resolve(future) ?? date.Value;
                if (!m.Planned && date.Future && date.FutureValue is not null)
                {
                    m.Planned = true;
                    m.Date = date.FutureValue;
                }
            }

            if (!m.Virtual)
            {
                Place(ctx, s, m);
            }

            if (m.Date is null || (m.City is null && m.Country is null && !m.Virtual))
            {
                TitleBlockLine(ctx, m);
            }
        }
    }

    /// <summary>
    /// The "CITY, DATE" line of a title block ("Remarks at the Small Group Ministerial / Vienna, 4 March 2024"): a line
    /// of its own right after the title lines the mention is in gives the place and date it lacks.
    /// </summary>
    private static void TitleBlockLine(MeetingContext ctx, MeetingMention m)
    {
        var doc = ctx.Doc;
        for (var q = m.Sentence + 1; q < doc.Sentences.Count && q <= m.Sentence + 3; q++)
        {
            if (!IsTitleLine(ctx, doc.Sentences[q - 1]))
            {
                return;
            }

            var line = doc.Sentences[q];
            if (ctx.EntityStart[line.TokenStart] is not { Entry.Kind: EntityKind.City or EntityKind.Capital } city)
            {
                continue;
            }

            var k = city.TokenEnd;
            EntityMention? country = null;
            if (k + 1 < line.TokenEnd && ctx.Tokens[k].Norm == "," && ctx.EntityStart[k + 1] is { Entry.Kind: EntityKind.Country } c && c.Entry.Country == city.Entry.Country)
            {
                country = c;
                k = c.TokenEnd;
            }

            DateMention? date;
            if (k == line.TokenEnd)
            {
                // "Remarks at the Small Group Meeting / Paris, France / October 3, 2023": the place and the date on lines of
                // their own, read only for a speech given at the meeting, where the title block's place is the meeting's.
                if (!SpokenAt(ctx, m) || q + 1 >= doc.Sentences.Count || DateLine(ctx, doc.Sentences[q + 1]) is not { } own)
                {
                    return;
                }

                date = own;
            }
            else if (k + 1 >= line.TokenEnd || ctx.Tokens[k].Norm != "," || (date = DateRest(ctx, k + 1, line.TokenEnd)) is null)
            {
                return;
            }

            if (m.City is null && m.Country is null && !m.Virtual)
            {
                SetPlace(ctx, m, city, country);
            }

            if (m.Date is null && (date.Resolve(m.Planned) ?? date.Value) is { } value)
            {
                m.Date = value;
                m.DateRule = "date.title_block";
            }

            return;
        }
    }

    /// <summary>The end of "against ISIS", "to defeat Daesh", "to counter ISIL" starting at <paramref name="k"/>, or null.</summary>
    private static int? IsisTail(MeetingContext ctx, int k)
    {
        var tokens = ctx.Tokens;
        var j = tokens[k].Norm == "against" ? k + 1
            : k + 2 < tokens.Count && tokens[k].Norm == "to" && tokens[k + 1].Norm is "defeat" or "counter" or "fight" or "combat" ? k + 2 : -1;
        return j > k && j < tokens.Count && ctx.EntityStart[j] is { } e && MeetingContext.IsIsis(e) ? e.TokenEnd : null;
    }

    /// <summary>A date that runs from token <paramref name="start"/> to the end of the line (a full stop may close it).</summary>
    private static DateMention? DateRest(MeetingContext ctx, int start, int end) =>
        ctx.DateStart[start] is { } date && date.TokenEnd >= end - 1 && (date.TokenEnd == end || !ctx.Tokens[date.TokenEnd].IsWord) ? date : null;

    /// <summary>A line that is a date and nothing else ("October 3, 2023", "JUNE 28, 2021").</summary>
    private static DateMention? DateLine(MeetingContext ctx, Segment line) => DateRest(ctx, line.TokenStart, line.TokenEnd);

    /// <summary>The title of remarks given at the meeting: "Remarks at the …", "Secretary X At the … Ministerial".</summary>
    private static bool SpokenAt(MeetingContext ctx, MeetingMention m)
    {
        var line = ctx.Doc.Sentences[m.Sentence];
        var k = m.Start - 1;
        if (k >= line.TokenStart && ctx.Tokens[k].Norm == "the")
        {
            k--;
        }

        return k >= line.TokenStart && ctx.Tokens[k].Norm == "at";
    }

    /// <summary>A short line without a closing full stop: a line of a title.</summary>
    private static bool IsTitleLine(MeetingContext ctx, Segment s) =>
        s.TokenEnd - s.TokenStart <= 20 && ctx.Tokens[s.TokenEnd - 1].Norm is not ("." or "!" or "?");

    private static bool Planned(MeetingContext ctx, Segment s, MeetingMention m)
    {
        var from = Math.Max(s.TokenStart, m.Verbal ? m.Trigger - 4 : m.Start - 4);
        return ctx.AnyOf("planned_cues", from, Math.Min(m.ClauseEnd, m.Trigger + 3)) || ctx.AnyOf("planned_cues", m.Start, m.End);
    }

    private static DateMention? DateOf(MeetingContext ctx, Segment s, MeetingMention m)
    {
        var doc = ctx.Doc;
        DateMention? best = null;
        var bestScore = int.MaxValue;
        foreach (var d in doc.Dates)
        {
            if (d.Sentence != m.Sentence || d.Value is null && d.PastValue is null)
            {
                continue;
            }

            // A date inside another meeting's phrase is that meeting's (the December 3 Ministerial and the January 22 …).
            if (doc.MeetingMentions.Any(o => !ReferenceEquals(o, m) && !o.Verbal && o.Sentence == m.Sentence && d.TokenStart >= o.Start && d.TokenEnd <= o.End))
            {
                continue;
            }

            // A founding cue before the mention does not govern a date after it ("the first meeting since Rome in 2023").
            if (Formation(ctx, s, d, d.TokenStart >= m.End ? m.End : s.TokenStart))
            {
                continue;
            }

            int score;
            if (d.TokenStart >= m.Start && d.TokenEnd <= m.End)
            {
                score = 0; // inside the phrase
            }
            else if (d.TokenStart >= m.End && d.TokenEnd <= m.ClauseEnd)
            {
                score = 1 + d.TokenStart - m.End; // after, in the clause
            }
            else if (d.TokenEnd <= m.Start && ClauseInitial(ctx, s, d, m))
            {
                score = 2 + m.Start - d.TokenEnd; // "On July 13, the Small Group …"
            }
            else if (d.TokenEnd <= m.Start && m.Start - d.TokenEnd <= 14 && !OtherMentionBetween(ctx, d.TokenEnd, m.Start, m) && InOtherClause(ctx, d.TokenStart, d.TokenEnd, m) is null)
            {
                score = 20 + m.Start - d.TokenEnd; // "Morocco hosts, Wednesday, May 11, 2022 in Marrakech, the ministerial …"
            }
            else
            {
                continue;
            }

            // The dateline's date is the report's, the weakest evidence: "Rabat, 12 May 2022 — Ministers … met on Wednesday".
            var start = ctx.Tokens[d.TokenStart].Start;
            if (doc.Datelines.Any(x => x.Start <= start && start < x.End))
            {
                score += 40;
            }

            // "in 2023" right after the phrase dates it; a year further away is weak evidence.
            if (d.YearOnly && score > 3)
            {
                score += 30;
            }

            if (score < bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Another mention of the sentence before <paramref name="m"/> whose clause the range lies in, after its phrase ("the
    /// directors met in Paris last month to prepare the ministerial": Paris and last month are the directors' meeting's).
    /// </summary>
    private static MeetingMention? InOtherClause(MeetingContext ctx, int from, int to, MeetingMention m) =>
        ctx.Doc.MeetingMentions.FirstOrDefault(x => !ReferenceEquals(x, m) && x.Sentence == m.Sentence && x.Excluded is null && x.End <= from && to <= x.ClauseEnd && x.End <= m.Start);

    private static bool OtherMentionBetween(MeetingContext ctx, int from, int to, MeetingMention m) =>
        ctx.Doc.MeetingMentions.Any(x => !ReferenceEquals(x, m) && x.Trigger >= from && x.Trigger < to);

    /// <summary>A date at the head of the sentence, before the mention, with no other verb of its own between.</summary>
    private static bool ClauseInitial(MeetingContext ctx, Segment s, DateMention d, MeetingMention m)
    {
        var tokens = ctx.Tokens;
        var start = d.TokenStart;
        while (start > s.TokenStart && tokens[start - 1].Norm is "on" or "in" or "at" or "by" or "-" or "," or "since" or "from")
        {
            start--;
        }

        // The date opens the sentence (after a dateline at most) and the mention is in the same clause.
        var opensSentence = start == s.TokenStart || ctx.Doc.Datelines.Any(x => x.End <= tokens[d.TokenStart].Start && x.End >= tokens[s.TokenStart].Start);
        return opensSentence && m.Start - d.TokenEnd <= 14;
    }

    private static bool Formation(MeetingContext ctx, Segment s, DateMention d, int from) =>
        ctx.AnyOf("formation_cues", Math.Max(Math.Max(s.TokenStart, from), d.TokenStart - 3), d.TokenStart);

    private static void Place(MeetingContext ctx, Segment s, MeetingMention m)
    {
        var tokens = ctx.Tokens;

        // Inside the phrase: "the Marrakech meeting", "the Riyadh ministerial".
        for (var k = m.Start; k < m.Trigger; k++)
        {
            // Not the dateline's place ("Rabat, 12 May 2022 — Ministers … met in Marrakesh"): that one is read last, by meetings.
            if (ctx.EntityStart[k] is { } e && e.Entry.Kind is EntityKind.City or EntityKind.Capital && e.TokenEnd <= m.Trigger
                && !ctx.InDateline(e.Start, e.End))
            {
                SetPlace(ctx, m, e, null);
                return;
            }
        }

        // After it, in its clause: "in PLACE", "held in PLACE", "scheduled to be held in PLACE" (dates and adverbs between);
        // a name read over counts as one word of the reach ("… of the Global Coalition against Daesh, to be held in X").
        var places = new List<(EntityMention City, EntityMention? Country)>();
        var k2 = m.End;
        var limit = Math.Min(s.TokenEnd, Math.Max(m.ClauseEnd, m.End + 10));
        var steps = 0;
        void ReadOver(int end)
        {
            limit = Math.Min(s.TokenEnd, limit + Math.Max(0, end - k2 - 1));
            k2 = end;
            steps++;
        }

        while (k2 < limit && steps < 14)
        {
            var t = tokens[k2];
            if (ctx.DateStart[k2] is { } d)
            {
                k2 = d.TokenEnd;
                continue;
            }

            if (t.Norm is "in" or "at" && k2 + 1 < limit)
            {
                var j = k2 + 1;
                var place = ctx.EntityStart[j] is { } direct ? direct : (tokens[j].Norm == "the" && j + 1 < limit ? ctx.EntityStart[j + 1] : null);
                if (place is not null && MeetingContext.IsPlace(place))
                {
                    ReadPlaceList(ctx, place, s.TokenEnd, places, m.Plural);
                    break;
                }

                if (place is { Entry.Kind: EntityKind.Organization })
                {
                    m.AtBuilding = tokens[k2].Norm == "at";
                    break; // at the NATO headquarters, at the State Department: a building, not a city
                }

                // "met at the level of Political Directors in Paris": read on.
                k2++;
                steps++;
                continue;
            }

            // "… to be hosted by the Government of Iraq and held in Baghdad": names between the phrase and its place.
            if (ctx.EntityStart[k2] is { } named && !(named.Entry.Kind is EntityKind.City or EntityKind.Capital))
            {
                ReadOver(named.TokenEnd);
                continue;
            }

            if (ctx.PersonStart[k2] is { } person)
            {
                ReadOver(person.TokenEnd);
                continue;
            }

            // The tail of the coalition's name after a body's name that took its start ("of the Global Coalition | against
            // Daesh", "… | to Defeat ISIS").
            if (IsisTail(ctx, k2) is { } tail)
            {
                ReadOver(tail);
                continue;
            }

            if (ctx.TitleStart[k2] is { } title)
            {
                ReadOver(title.TokenEnd);
                continue;
            }

            if (t.Norm is "," or "on" or "held" or "be" or "to" or "scheduled" or "will" or "take" or "took" or "takes" or "place" or "set" or "due"
                || PlaceSkippable.Contains(t.Norm) || (t.Norm == "and" && m.Plural))
            {
                k2++;
                steps++;
                continue;
            }

            break;
        }

        if (places.Count == 0)
        {
            // Before it in the clause: "took place in Riyadh during a ministerial meeting", "hosts, May 11, in Marrakech, the …".
            for (var k = m.Start - 1; k >= Math.Max(s.TokenStart, m.Start - 10); k--)
            {
                if (tokens[k].Norm is "." or ";" or ":")
                {
                    break;
                }

                if (ctx.EntityStart[k] is { } e && MeetingContext.IsPlace(e) && k > s.TokenStart && e.TokenEnd <= m.Start && PlaceBefore(ctx, s, e, m))
                {
                    ReadPlaceList(ctx, e, m.Start, places, false);
                    break;
                }
            }
        }

        if (places.Count == 0)
        {
            return;
        }

        SetPlace(ctx, m, places[0].City, places[0].Country);
        if (m.Plural && places.Count > 1)
        {
            foreach (var (city, country) in places)
            {
                m.Places.Add((City(ctx, city), country?.Entry.Country ?? city.Entry.Country));
            }
        }
    }

    /// <summary>
    /// A place before the mention is its place when a verb of holding or welcoming governs it ("took place in Riyadh during
    /// a ministerial meeting", "hosts, May 11, in Marrakech, the …", "welcome you to Kuala Lumpur for this meeting") or it
    /// opens the sentence ("In Oslo, the Small Group …"), and it is not another mention's ("met in Paris to prepare the
    /// ministerial").
    /// </summary>
    private static bool PlaceBefore(MeetingContext ctx, Segment s, EntityMention e, MeetingMention m)
    {
        var tokens = ctx.Tokens;
        var k = e.TokenStart;
        var preposition = tokens[k - 1].Norm;
        var to = preposition == "to" && e.TokenEnd < m.Start && tokens[e.TokenEnd].Norm == "for";
        if (!(preposition is "in" or "at" || to) || InOtherClause(ctx, e.TokenStart, e.TokenEnd, m) is not null)
        {
            return false;
        }

        return k - 1 == s.TokenStart || ctx.AnyOf("meeting_place_verbs", Math.Max(s.TokenStart, k - 12), k - 1);
    }

    /// <summary>PLACE [, COUNTRY] [, PLACE … and PLACE] (a list only for a plural mention).</summary>
    private static void ReadPlaceList(MeetingContext ctx, EntityMention first, int limit, List<(EntityMention, EntityMention?)> places, bool list)
    {
        var tokens = ctx.Tokens;
        var current = first;
        while (true)
        {
            EntityMention? country = null;
            var next = current.TokenEnd;
            if (next + 1 < limit && tokens[next].Norm == "," && ctx.EntityStart[next + 1] is { } c && c.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation
                && current.Entry.Kind is not (EntityKind.Country or EntityKind.CountryAbbreviation) && c.Entry.Country == current.Entry.Country)
            {
                country = c;
                next = c.TokenEnd;
            }

            places.Add((current, country));
            if (!list || next + 1 >= limit || !(tokens[next].Norm is "," or "and"))
            {
                return;
            }

            var n = next + 1;
            if (tokens[n].Norm == "and" && n + 1 < limit)
            {
                n++;
            }

            if (ctx.EntityStart[n] is not { } more || !MeetingContext.IsPlace(more))
            {
                return;
            }

            current = more;
        }
    }

    private static void SetPlace(MeetingContext ctx, MeetingMention m, EntityMention place, EntityMention? country)
    {
        m.City = City(ctx, place);
        m.Country = country?.Entry.Country ?? place.Entry.Country;
    }

    private static string? City(MeetingContext ctx, EntityMention place) =>
        place.Entry.Kind is EntityKind.City or EntityKind.Capital ? Display.Name(ctx.Doc.Slice(place.Start, place.End)) : null;
}
