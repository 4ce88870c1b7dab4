using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// Hosts, chairs and participants of meeting mentions, from the constructions of <c>patterns/meeting_roles</c> ("hosted
/// by", "co-chaired by", "at the invitation of", "X will deliver opening remarks", "attended by", "delegations from", "X
/// was represented by", "X, who led the Nigerian delegation") with their lists read by <see cref="RefList"/>. A role in a
/// sentence without a meeting goes to the meeting of the sentence before when the sentence names the same body or
/// refers to a meeting. People named in a meeting's sentence ("At the session, X called for …", "Ministers … met, and
/// X said …") and the subject of the next sentence after a held meeting take part.
/// </summary>
public sealed class MeetingRolesComponent : IPipelineComponent
{
    public string Name => "meeting-roles";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.MeetingSlots, Layers.PersonAttributes];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.MeetingRoles];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var mentions = document.MeetingMentions.Where(m => m.Excluded is null).ToList();
        if (mentions.Count == 0)
        {
            return;
        }

        var ctx = MeetingContext.For(document);
        var bySentence = mentions.ToLookup(m => m.Sentence);
        var allBySentence = document.MeetingMentions.ToLookup(m => m.Sentence);
        var people = document.PersonMentions.ToLookup(p => p.Sentence);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            foreach (var match in document.Match("meeting_roles", s.TokenStart, s.TokenEnd))
            {
                var reach = int.TryParse(match.Pattern["reach"], System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 2;
                if (match.Label == "participant" && Membership(ctx, s, match))
                {
                    continue;
                }

                var target = Target(ctx, mentions, bySentence, s, match, reach);
                if (target is null)
                {
                    continue;
                }

                var into = match.Label == "host" ? target.Hosts : target.Participants;
                var orgNames = match.Label == "participant";
                if (match["arg"] is { } arg)
                {
                    var refs = match.Pattern["args"] == "before"
                        ? RefList.Backward(ctx, arg.Start, ClauseStart(ctx, s, arg.Start), orgNames)
                        : RefList.Forward(ctx, arg.Start, s.TokenEnd, orgNames);
                    into.AddRange(refs);

                    // "Abu Dhabi recently hosted a Core Focus Group meeting": the host city is the place.
                    if (match.Label == "host" && match.Pattern["args"] == "before" && target.City is null && !target.Virtual
                        && ctx.EntityEnd[arg.Start] is { Entry.Kind: Knowledge.EntityKind.City or Knowledge.EntityKind.Capital } city)
                    {
                        target.City = Dossier.Pipeline.Text.Display.Name(document.Slice(city.Start, city.End));
                        target.Country = city.Entry.Country;
                    }

                    // "Kuwait hosted the ministerial meeting in February 2018": the one host country, with no city, is the place.
                    else if (match.Pattern["place"] == "host" && target.City is null && target.Country is null && !target.Virtual
                        && ctx.EntityEnd[arg.Start] is { Entry.Kind: Knowledge.EntityKind.Country, CountryRef: { } hostCountry }
                        && refs.Count(IsCountryCode) == 1)
                    {
                        target.Country = hostCountry;
                    }
                }

                if (match["arg2"] is { } arg2)
                {
                    into.AddRange(RefList.Forward(ctx, arg2.Start, s.TokenEnd, orgNames));
                }

                if (match["country"] is { } country && ctx.EntityStart[country.Start]?.CountryRef is { } code)
                {
                    into.Add(code);
                }
            }
        }

        foreach (var m in mentions)
        {
            SentenceParticipants(ctx, m, people, allBySentence);
        }
    }

    /// <summary>
    /// The mention a role in sentence <paramref name="s"/> belongs to: the nearest in the sentence (a meeting held before
    /// the reported one only when it is the sentence's only one); else one of the <paramref name="reach"/> sentences
    /// before when the sentence follows it, names its body or refers to a meeting; else, for a participant whose verb
    /// has no object of its own ("Uzbekistan participated as an observer", "X will take part throughout"), the article's
    /// last coalition meeting of the sentence's tense (announced when the sentence or the pattern says so).
    /// </summary>
    private static MeetingMention? Target(MeetingContext ctx, List<MeetingMention> mentions, ILookup<int, MeetingMention> bySentence, Segment s, Matching.PatternMatch match, int reach)
    {
        var at = match.Start;
        if (bySentence.Contains(s.Index))
        {
            var here = bySentence[s.Index].ToList();
            return (here.Any(m => !m.Previous) ? here.Where(m => !m.Previous) : here).MinBy(m => Math.Abs(m.Trigger - at));
        }

        var doc = ctx.Doc;
        var near = Enumerable.Range(Math.Max(0, s.Index - reach), Math.Min(reach, s.Index)).SelectMany(i => bySentence[i]).Where(m => !m.Previous).ToList();
        var before = near.LastOrDefault(m => !m.Plural) ?? near.LastOrDefault();
        if (before is not null)
        {
            var next = s.Index - before.Sentence == 1;
            var sameBody = before.Format is { } f && doc.Match("meeting_formats", s.TokenStart, s.TokenEnd, "format").Any(x => x.Pattern["strength"] == "body" && x.Pattern["format"] == f);
            var refersToMeeting = ctx.AnyOf("meeting_nouns", s.TokenStart, s.TokenEnd) || ctx.Tokens.Skip(s.TokenStart).Take(s.TokenEnd - s.TokenStart).Any(t => t.Norm is "event" or "gathering" or "hosts");
            if ((next || sameBody || refersToMeeting) && (match.Label != "participant" || Objectless(ctx, s, match)))
            {
                return before;
            }
        }

        // "Thank you to France for hosting us today": said at the meeting, so the meeting of the remarks' title.
        if (match.Pattern["target"] == "remarks")
        {
            return mentions.FirstOrDefault(m => m.InHeadline && !m.Planned && !m.Previous);
        }

        if (match.Label != "participant" || ctx.AnyOf("bilateral_cues", s.TokenStart, s.TokenEnd) || !Objectless(ctx, s, match))
        {
            return null;
        }

        var planned = match.Pattern["status"] == "planned" || ctx.AnyOf("planned_cues", s.TokenStart, s.TokenEnd);
        return mentions.LastOrDefault(m => m.Sentence < s.Index && m.Planned == planned && m.Linked && !m.Previous);
    }

    /// <summary>
    /// "Syria joined in November as its 90th member", "Chad joined the Coalition": joining the coalition is membership,
    /// not taking part in a meeting.
    /// </summary>
    private static bool Membership(MeetingContext ctx, Segment s, Matching.PatternMatch match)
    {
        for (var k = match.Start; k < match.End; k++)
        {
            if (!ctx.Has("coalition_join_verbs", k))
            {
                continue;
            }

            var next = k + 1 < s.TokenEnd && ctx.Tokens[k + 1].Norm == "the" ? k + 2 : k + 1;
            if (next < s.TokenEnd && ctx.EntityStart[next] is { } e && MeetingContext.IsCoalitionOrBody(e) && e.Entry.OrgKind != "coalitionbody"
                && !(e.TokenEnd < s.TokenEnd && ctx.Has("meeting_nouns", e.TokenEnd)))
            {
                return true;
            }

            return ctx.AnyOf("membership_nouns", k + 1, Math.Min(s.TokenEnd, k + 11));
        }

        return false;
    }

    /// <summary>
    /// The participation verb ends its clause, takes no object of its own ("participated as observers", "will take part
    /// throughout", "expected to attend.") or takes a meeting or the coalition ("addressed the session"): not "have
    /// joined strikes in Syria". A role outside the meeting's sentence needs it.
    /// </summary>
    private static bool Objectless(MeetingContext ctx, Segment s, Matching.PatternMatch match)
    {
        if (match.Pattern["args"] != "before" || match["arg2"] is not null)
        {
            return true; // "represented by X", "delegations from X": the list is the object
        }

        // No object, or a meeting or the coalition as the object ("addressed the session", "attended the Small Group").
        var k = match.End;
        return k >= s.TokenEnd || ctx.Has("participation_tails", k) || ctx.Tokens[k].Norm is "." or "," or ";" or "?" or "!"
               || ctx.AnyOf("meeting_nouns", k, Math.Min(s.TokenEnd, k + 8)) || ctx.AnyOf("meeting_event_nouns", k, Math.Min(s.TokenEnd, k + 8))
               || ctx.NamesCoalition(k, Math.Min(s.TokenEnd, k + 4));
    }

    private static int ClauseStart(MeetingContext ctx, Segment s, int at)
    {
        var k = at;
        while (k > s.TokenStart && !(ctx.Tokens[k - 1].Norm is ";" or ":" or "which" or "that" or "who" or "\""))
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// People named in the meeting's own sentence take part when the sentence places them at it ("At the session, X …",
    /// "during the meeting"), or the mention is a meeting verb (its subject met); the subject of the next sentence of the
    /// paragraph takes part in a held meeting it does not leave ("U.S. envoy X provided an update").
    /// </summary>
    private static void SentenceParticipants(MeetingContext ctx, MeetingMention m, ILookup<int, PersonMention> people, ILookup<int, MeetingMention> bySentence)
    {
        if (m.Previous)
        {
            return;
        }

        var doc = ctx.Doc;
        var s = doc.Sentences[m.Sentence];
        var tokens = ctx.Tokens;
        var atTheMeeting = m.Start > s.TokenStart && tokens[m.Start - 1].Norm is "at" or "during" or "in" or "to";
        if (atTheMeeting || m.Verbal)
        {
            foreach (var p in people[s.Index])
            {
                AddPerson(m, p.Person);
            }
        }

        if (m.Planned || s.Index + 1 >= doc.Sentences.Count)
        {
            return;
        }

        var next = doc.Sentences[s.Index + 1];
        if (next.Paragraph != s.Paragraph || bySentence.Contains(next.Index) || ctx.AnyOf("bilateral_cues", next.TokenStart, next.TokenEnd))
        {
            return;
        }

        // The subject: a person opening the sentence (after a title).
        var k = next.TokenStart;
        if (ctx.TitleStart[k] is { } t)
        {
            k = t.TokenEnd;
        }

        if (ctx.PersonStart[k] is { } subject)
        {
            AddPerson(m, subject.Person);
        }
    }

    private static bool IsCountryCode(string r) => r.Length == 2 && r.All(char.IsUpper);

    private static void AddPerson(MeetingMention m, PersonEntity person)
    {
        if (m.Hosts.Contains(person.Name, StringComparer.Ordinal))
        {
            return;
        }

        m.Participants.Add(person.Name);
        if (person.Country is { } c)
        {
            m.Participants.Add(c);
        }
    }
}
