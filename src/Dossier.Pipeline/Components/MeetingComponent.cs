using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Meetings of the coalition and its bodies. A trigger (meeting, conference, session, met, gathered,
/// convened) gives a candidate; its format comes from the nearest body or level cue (Small Group, Africa
/// Focus Group, ministerial, Ministers), its place from "in/at PLACE" after the trigger (a list of cities
/// after a plural "meetings" gives one meeting per city) or the item's dateline, its date from the nearest
/// date expression of the sentence or the dateline, its hosts from "hosted/chaired by X", "under the
/// leadership of X" or "X hosted", its participants from people in the sentence and from sentences with
/// participation cues (represented, delegation, participated). Candidates are merged into the most recent
/// compatible meeting, so later references ("the meeting") add to it; an announced future meeting is
/// kept apart with status planned; habitual mentions ("meetings on a regular basis") add nothing.
/// </summary>
public sealed class MeetingComponent : IPipelineComponent
{
    private static readonly HashSet<string> FormationWords = new(StringComparer.Ordinal)
    {
        "formed", "established", "founded", "created", "since", "launched", "formation",
    };

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "held", "led", "met", "took", "made", "said", "gave", "saw", "came", "went", "brought", "sent", "put", "set", "told",
        "chose", "won", "began", "became", "kept", "left", "found", "stood", "spoke", "agreed", "underlined",
    };

    public string Name => "meetings";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Entities, Layers.People, Layers.Dates, Layers.Datelines];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Meetings];

    private sealed class Draft
    {
        public string? Format;
        public string? City;
        public string? Country;
        public string? Date;
        public bool Planned;
        public bool Plural;
        public int Sentence;
        public int LastToken;
        public TextSpan Span;
        public readonly List<string> Hosts = [];
        public readonly List<string> Participants = [];
    }

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var hasCoalition = document.Entities.Any(e => e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition" && e.Confirmed);
        if (!hasCoalition)
        {
            return;
        }

        var tokens = document.Tokens;
        var kb = document.Knowledge;
        var drafts = new List<Draft>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            var handled = false;
            for (var i = s.TokenStart; i < s.TokenEnd; i++)
            {
                if (!kb.MeetingTriggers.TryGetValue(tokens[i].Norm, out var pos))
                {
                    continue;
                }

                // "ministerial meeting": the noun after is the trigger.
                if (tokens[i].Norm is "ministerial" or "plenary" && i + 1 < s.TokenEnd && kb.MeetingTriggers.ContainsKey(tokens[i + 1].Norm))
                {
                    continue;
                }

                if (pos == "verb" && (!SubjectIsCoalition(document, s, i) || (i + 1 < s.TokenEnd && tokens[i + 1].Norm == "with")))
                {
                    continue;
                }

                if (IsHabitual(document, s, i))
                {
                    handled = true;
                    break;
                }

                if (i > s.TokenStart && tokens[i - 1].Norm is "news" or "press" or "training" or "parliamentary" or "court")
                {
                    continue;
                }

                var anchored = CoalitionInSentence(document, s) || FormatNear(document, s, i, int.MaxValue).Format is not null;
                foreach (var candidate in Candidates(document, s, i))
                {
                    var located = (candidate.City ?? candidate.Country ?? candidate.Date) is not null && tokens[i].Norm is "meeting" or "meetings" or "ministerial" or "summit";
                    Merge(drafts, candidate, mayCreate: anchored || located);
                }

                handled = true;
                break;
            }

            if (!handled && drafts.Count > 0)
            {
                AddParticipantsFromCues(document, s, drafts);
            }
        }

        foreach (var d in drafts)
        {
            if (d.Planned && d.Format is null && d.City is null && d.Country is null && d.Date is null)
            {
                continue;
            }

            document.Meetings.Add(new MeetingFact(
                d.Format ?? MeetingFormats.Other,
                d.City,
                d.Country,
                d.Date,
                d.Hosts.Distinct(StringComparer.Ordinal).ToList(),
                d.Participants.Where(p => p.Length == 2 || !d.Hosts.Contains(p, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList(),
                d.Span)
            {
                Status = d.Planned ? MeetingStatuses.Planned : MeetingStatuses.Held,
            });
        }
    }

    private static bool CoalitionInSentence(AnnotatedDocument document, Segment s) =>
        document.EntitiesIn(s.Index).Any(e => e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition" && e.Confirmed);

    /// <summary>The coalition, one of its bodies, or its ministers are named before the verb.</summary>
    private static bool SubjectIsCoalition(AnnotatedDocument document, Segment s, int verb)
    {
        foreach (var e in document.EntitiesIn(s.Index))
        {
            if (e.TokenEnd <= verb && e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition")
            {
                return true;
            }
        }

        for (var k = s.TokenStart; k < verb; k++)
        {
            if (document.Knowledge.MeetingFormats.Longest(document.Tokens, k, verb).End > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHabitual(AnnotatedDocument document, Segment s, int trigger)
    {
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            if (document.Knowledge.MeetingRole(document.Tokens[k].Norm) == "habitual")
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Format, int Distance) FormatNear(AnnotatedDocument document, Segment s, int trigger, int window)
    {
        var tokens = document.Tokens;
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            var (end, format) = document.Knowledge.MeetingFormats.Longest(tokens, k, s.TokenEnd, (_, st, _) => true);
            if (end < 0 || format is null)
            {
                continue;
            }

            var distance = end <= trigger ? trigger - end : k - trigger;
            if (distance < 0)
            {
                distance = 0;
            }

            if (distance <= window && distance < bestDistance)
            {
                best = format;
                bestDistance = distance;
            }

            k = end - 1;
        }

        return (best, bestDistance);
    }

    private static IEnumerable<Draft> Candidates(AnnotatedDocument document, Segment s, int trigger)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        var plural = tokens[trigger].Norm == "meetings";
        var draft = new Draft
        {
            Format = FormatNear(document, s, trigger, 12).Format,
            Sentence = s.Index,
            LastToken = trigger,
            Span = s.Span,
            Plural = plural,
            Planned = IsPlanned(document, s, trigger),
        };

        // Place: "in|at [the] PLACE" after the trigger (a list of cities for plural meetings).
        var places = PlacesAfter(document, s, trigger);
        if (places.Count == 0)
        {
            var subject = HostSubject(document, s);
            if (subject is { Kind: EntityKind.City or EntityKind.Capital })
            {
                places.Add(subject);
            }
        }

        var dateline = document.Datelines.FirstOrDefault(d => d.Paragraph == s.Paragraph);
        draft.Date = DateNear(document, s, trigger) ?? dateline?.Date;
        if (places.Count == 0 && dateline is not null)
        {
            draft.City = dateline.City is null ? null : DisplayName(dateline.City);
            draft.Country = dateline.Country;
        }

        Hosts(document, s, draft);
        Participants(document, s, draft, trigger);
        if (plural && places.Count > 1)
        {
            foreach (var p in places)
            {
                var copy = new Draft
                {
                    Format = draft.Format,
                    Sentence = draft.Sentence,
                    LastToken = draft.LastToken,
                    Span = draft.Span,
                    Plural = true,
                    Planned = draft.Planned,
                    City = p.Kind is EntityKind.City or EntityKind.Capital ? DisplayName(p.Surface) : null,
                    Country = p.Country,
                };
                yield return copy;
            }

            yield break;
        }

        if (places.Count > 0)
        {
            var p = places[0];
            draft.City = p.Kind is EntityKind.City or EntityKind.Capital ? DisplayName(p.Surface) : null;
            draft.Country = p.Country;
            if (draft.City is null && dateline?.City is not null && dateline.Country == draft.Country)
            {
                draft.City = DisplayName(dateline.City);
            }
        }

        yield return draft;
    }

    private sealed record Place(EntityKind Kind, string Surface, string? Country);

    private static List<Place> PlacesAfter(AnnotatedDocument document, Segment s, int trigger)
    {
        var tokens = document.Tokens;
        var result = new List<Place>();
        var entities = document.EntitiesIn(s.Index).Where(e => e.TokenStart > trigger && IsPlace(e)).ToList();
        for (var k = trigger + 1; k < Math.Min(s.TokenEnd, trigger + 14); k++)
        {
            if (tokens[k].Norm is not ("in" or "at"))
            {
                continue;
            }

            var j = k + 1;
            if (j < s.TokenEnd && tokens[j].Norm == "the")
            {
                j++;
            }

            var first = entities.FirstOrDefault(e => e.TokenStart == j);
            if (first is null)
            {
                continue;
            }

            result.Add(ToPlace(document, first));

            // A list: PLACE, PLACE and PLACE
            var next = first.TokenEnd;
            while (next + 1 < s.TokenEnd && tokens[next].Norm is "," or "and")
            {
                var n = next + 1;
                if (tokens[n].Norm == "and")
                {
                    n++;
                }

                var e = entities.FirstOrDefault(x => x.TokenStart == n);
                if (e is null)
                {
                    break;
                }

                // "Marrakech, Morocco": the country of the city before it, not another place.
                var previous = result[^1];
                if (e.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation && previous.Kind is not (EntityKind.Country or EntityKind.CountryAbbreviation)
                    && previous.Country == e.Entry.Country)
                {
                    next = e.TokenEnd;
                    continue;
                }

                result.Add(ToPlace(document, e));
                next = e.TokenEnd;
            }

            break;
        }

        return result;
    }

    /// <summary>A place name as written, with white space collapsed and ALL CAPS (datelines) in title case.</summary>
    public static string DisplayName(string surface)
    {
        var collapsed = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Any(char.IsLower))
        {
            return collapsed;
        }

        return System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(collapsed.ToLowerInvariant());
    }

    private static bool IsPlace(EntityMention e) =>
        e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Subdivision;

    private static Place ToPlace(AnnotatedDocument document, EntityMention e) =>
        new(e.Entry.Kind is EntityKind.Subdivision ? EntityKind.Subdivision : e.Entry.Kind, document.Slice(e.Start, e.End), e.Entry.Country);

    /// <summary>A place (city, capital or country) that is the subject of a host verb: "Abu Dhabi recently hosted", "The UAE has hosted".</summary>
    private static Place? HostSubject(AnnotatedDocument document, Segment s)
    {
        var tokens = document.Tokens;
        foreach (var e in document.EntitiesIn(s.Index))
        {
            if (!IsPlace(e))
            {
                continue;
            }

            for (var k = e.TokenEnd; k < Math.Min(s.TokenEnd, e.TokenEnd + 3); k++)
            {
                if (document.Knowledge.MeetingRole(tokens[k].Norm) == "host" && tokens[k].Norm != "led")
                {
                    return ToPlace(document, e);
                }
            }
        }

        return null;
    }

    private static bool IsPlanned(AnnotatedDocument document, Segment s, int trigger)
    {
        var tokens = document.Tokens;
        for (var k = Math.Max(s.TokenStart, trigger - 4); k < Math.Min(s.TokenEnd, trigger + 8); k++)
        {
            if (document.Knowledge.MeetingRole(tokens[k].Norm) == "planned")
            {
                return true;
            }
        }

        return false;
    }

    private static string? DateNear(AnnotatedDocument document, Segment s, int trigger)
    {
        DateMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var d in document.Dates)
        {
            if (d.Sentence != s.Index || d.Value is null)
            {
                continue;
            }

            var before = d.TokenStart - 1;
            var formation = false;
            for (var k = Math.Max(s.TokenStart, d.TokenStart - 3); k < d.TokenStart; k++)
            {
                formation |= FormationWords.Contains(document.Tokens[k].Norm);
            }

            if (formation)
            {
                continue;
            }

            var distance = d.TokenEnd <= trigger ? trigger - d.TokenEnd : d.TokenStart - trigger;
            if (d.YearOnly && distance > 2)
            {
                distance += 20;
            }

            if (distance < bestDistance)
            {
                best = d;
                bestDistance = distance;
            }

            _ = before;
        }

        return bestDistance <= 30 ? best?.Value : null;
    }

    private static void Hosts(AnnotatedDocument document, Segment s, Draft draft)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            var role = kb.MeetingRole(tokens[k].Norm);
            var agentFrom = -1;
            if (role is "host" or "host_by" && k + 1 < s.TokenEnd && tokens[k + 1].Norm == "by")
            {
                // "The Saudi delegation was led by X": X takes part, he does not host.
                var delegation = false;
                for (var j = Math.Max(s.TokenStart, k - 4); j < k; j++)
                {
                    delegation |= tokens[j].Norm is "delegation" or "delegations";
                }

                if (delegation)
                {
                    AddRefs(document, s, k + 2, ClauseEnd(document, s, k + 2), draft.Participants, firstOnly: false);
                    continue;
                }

                agentFrom = k + 2;
            }
            else if (tokens[k].Norm == "leadership" && k + 1 < s.TokenEnd && tokens[k + 1].Norm == "of")
            {
                // "under the (joint) leadership of A, B and C": the co-leads take part.
                AddRefs(document, s, k + 2, ClauseEnd(document, s, k + 2), draft.Participants, firstOnly: false);
                continue;
            }

            if (agentFrom >= 0)
            {
                AddRefs(document, s, agentFrom, ClauseEnd(document, s, agentFrom), draft.Hosts, firstOnly: false);
                continue;
            }

            if (role == "host")
            {
                // "X (has|recently|will) hosted": the subject right before.
                foreach (var e in document.EntitiesIn(s.Index))
                {
                    if (IsPlace(e) && e.TokenEnd <= k && k - e.TokenEnd <= 2)
                    {
                        draft.Hosts.Add(e.Entry.Country!);
                    }
                }

                // "A and B co-chaired the meeting": the people of the subject.
                var subjectStart = k - 1;
                while (subjectStart > s.TokenStart && !(tokens[subjectStart - 1].Norm is "," or ";" or ":" or "\"" or "which" or "who"))
                {
                    subjectStart--;
                }

                if (document.PersonMentions.Any(m => m.Sentence == s.Index && m.TokenStart >= subjectStart && m.TokenEnd <= k && k - m.TokenEnd <= 3))
                {
                    AddRefs(document, s, subjectStart, k, draft.Hosts, firstOnly: false);
                }
            }
        }
    }

    /// <summary>The end of the clause that starts at <paramref name="from"/>: a full stop, or ", and" before a verb phrase.</summary>
    private static int ClauseEnd(AnnotatedDocument document, Segment s, int from)
    {
        var tokens = document.Tokens;
        var end = from;
        while (end < s.TokenEnd && !(tokens[end].Norm is ";" or "(" or ":" || (tokens[end].Norm == "." && !(end > from && tokens[end - 1].Length == 1 && tokens[end - 1].End == tokens[end].Start)))
               && !(tokens[end].Norm is "," or "and" && end + 1 < s.TokenEnd && IsClauseStart(document, end + 1)))
        {
            end++;
        }

        return end;
    }

    private static bool IsClauseStart(AnnotatedDocument document, int k)
    {
        var tokens = document.Tokens;
        if (tokens[k].Norm == "and" && k + 1 < tokens.Count)
        {
            k++;
        }

        var n = tokens[k].Norm;
        return tokens[k].IsLower(document.Text) && n is not ("the" or "a" or "an")
            && (n.EndsWith("ed", StringComparison.Ordinal) || IrregularPast.Contains(n) || n is "will" or "would" or "has" or "have" or "was" or "were" or "is" or "are");
    }

    private static void Participants(AnnotatedDocument document, Segment s, Draft draft, int trigger)
    {
        var attending = HasParticipationCue(document, s) || AtTheMeeting(document, s, trigger) || document.Knowledge.MeetingTriggers.GetValueOrDefault(document.Tokens[trigger].Norm) == "verb";
        foreach (var m in document.PersonMentions)
        {
            if (attending && m.Sentence == s.Index && !draft.Hosts.Contains(m.Person.Name, StringComparer.Ordinal))
            {
                draft.Participants.Add(m.Person.Name);
                if (m.Person.Country is not null)
                {
                    draft.Participants.Add(m.Person.Country);
                }
            }
        }

        if (HasParticipationCue(document, s))
        {
            AddRefs(document, s, s.TokenStart, s.TokenEnd, draft.Participants, firstOnly: false, countriesOnlyFromCues: true);
        }

        _ = trigger;
    }

    /// <summary>"at a meeting of …", "At the session, …": the people of the sentence attended it.</summary>
    private static bool AtTheMeeting(AnnotatedDocument document, Segment s, int trigger)
    {
        var tokens = document.Tokens;
        var k = trigger - 1;
        while (k >= s.TokenStart && k >= trigger - 5 && tokens[k].Norm is not ("at" or "during" or "on"))
        {
            k--;
        }

        return k >= s.TokenStart && k >= trigger - 5 && tokens[k].Norm is "at" or "during";
    }

    private static bool HasParticipationCue(AnnotatedDocument document, Segment s)
    {
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            if (document.Knowledge.MeetingRole(document.Tokens[k].Norm) == "participation")
            {
                return true;
            }
        }

        return false;
    }

    private static void AddParticipantsFromCues(AnnotatedDocument document, Segment s, List<Draft> drafts)
    {
        // "The Coalition welcomed the Maldives as its 87th member": a new member takes part.
        var tokens = document.Tokens;
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            if (tokens[k].Norm is not ("welcomed" or "welcomes"))
            {
                continue;
            }

            var asAt = k + 1;
            while (asAt < s.TokenEnd && asAt - k <= 12 && tokens[asAt].Norm != "as")
            {
                asAt++;
            }

            var memberAt = asAt;
            while (memberAt < s.TokenEnd && memberAt - asAt <= 4 && !(tokens[memberAt].Norm is "member" or "members"))
            {
                memberAt++;
            }

            if (asAt < s.TokenEnd && memberAt < s.TokenEnd && tokens[memberAt].Norm is "member" or "members")
            {
                var welcoming = drafts.Where(d => !d.Planned).LastOrDefault() ?? drafts[^1];
                AddRefs(document, s, k + 1, asAt, welcoming.Participants, firstOnly: false);
            }
        }

        if (!HasParticipationCue(document, s))
        {
            return;
        }

        var target = drafts.Where(d => !d.Planned).LastOrDefault() ?? drafts[^1];
        AddRefs(document, s, s.TokenStart, s.TokenEnd, target.Participants, firstOnly: false);
    }

    /// <summary>People (names, and their countries) and countries (codes) mentioned in a token range.</summary>
    private static void AddRefs(AnnotatedDocument document, Segment s, int from, int to, List<string> into, bool firstOnly, bool countriesOnlyFromCues = false)
    {
        foreach (var m in document.PersonMentions)
        {
            if (m.Sentence == s.Index && m.TokenStart >= from && m.TokenEnd <= to)
            {
                into.Add(m.Person.Name);
                if (m.Person.Country is not null)
                {
                    into.Add(m.Person.Country);
                }
            }
        }

        foreach (var e in document.EntitiesIn(s.Index))
        {
            if (e.TokenStart >= from && e.TokenEnd <= to)
            {
                var code = e.CountryRef ?? (e.Entry.Kind is EntityKind.Capital ? e.Entry.Country : null);
                if (code is not null)
                {
                    into.Add(code);
                }
            }
        }

        _ = firstOnly;
        _ = countriesOnlyFromCues;
    }

    private static void Merge(List<Draft> drafts, Draft c, bool mayCreate)
    {
        Draft? target = null;
        for (var k = drafts.Count - 1; k >= 0; k--)
        {
            var d = drafts[k];
            if (Compatible(d, c))
            {
                target = d;
                break;
            }
        }

        var informative = c.Format is not null || c.City is not null || c.Country is not null || c.Date is not null;
        if (target is null)
        {
            if (mayCreate)
            {
                drafts.Add(c);
            }

            return;
        }

        if (c.Plural && c.City is not null && target.City is null && !target.Plural)
        {
            drafts.Add(c);
            return;
        }

        target.Format ??= c.Format;
        target.City ??= c.City;
        target.Country ??= c.Country;
        if (c.Date is not null && (target.Date is null || (c.Date.Length > target.Date.Length && !target.Date.StartsWith("--", StringComparison.Ordinal) && c.Date.StartsWith(target.Date, StringComparison.Ordinal))))
        {
            target.Date = c.Date;
        }
        target.Hosts.AddRange(c.Hosts);
        target.Participants.AddRange(c.Participants);
        target.LastToken = c.LastToken;
        _ = informative;
    }

    private static bool Compatible(Draft d, Draft c)
    {
        if (d.Planned != c.Planned)
        {
            return false;
        }

        if (d.Plural != c.Plural && (d.City is not null || c.City is not null) && (d.Format != c.Format || d.Format is null))
        {
            return false;
        }

        return Same(d.Format, c.Format) && SameCity(d.City, c.City) && Same(d.Country, c.Country) && SameDate(d.Date, c.Date);
    }

    private static bool Same(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.Ordinal);

    private static bool SameCity(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool SameDate(string? a, string? b) =>
        a is null || b is null || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)
        || (a.StartsWith("--", StringComparison.Ordinal) && b.EndsWith(a[1..], StringComparison.Ordinal))
        || (b.StartsWith("--", StringComparison.Ordinal) && a.EndsWith(b[1..], StringComparison.Ordinal));
}
