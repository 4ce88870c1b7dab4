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
                var target = Target(ctx, mentions, bySentence, s, match.Start, reach, match.Label == "participant");
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

    /// <summary>The mention a role in sentence <paramref name="s"/> belongs to.</summary>
    /// <summary>
    /// The mention a role in sentence <paramref name="s"/> belongs to: the nearest in the sentence; else one of the
    /// <paramref name="reach"/> sentences before when the sentence follows it, names its body or refers to a meeting;
    /// else, for a participant ("Uzbekistan participated as an observer"), the article's last held coalition meeting.
    /// </summary>
    private static MeetingMention? Target(MeetingContext ctx, List<MeetingMention> mentions, ILookup<int, MeetingMention> bySentence, Segment s, int at, int reach, bool participant)
    {
        if (bySentence.Contains(s.Index))
        {
            return bySentence[s.Index].MinBy(m => Math.Abs(m.Trigger - at));
        }

        var doc = ctx.Doc;
        var near = Enumerable.Range(Math.Max(0, s.Index - reach), Math.Min(reach, s.Index)).SelectMany(i => bySentence[i]).ToList();
        var before = near.LastOrDefault(m => !m.Plural) ?? near.LastOrDefault();
        if (before is not null)
        {
            var next = s.Index - before.Sentence == 1;
            var sameBody = before.Format is { } f && doc.Match("meeting_formats", s.TokenStart, s.TokenEnd, "format").Any(x => x.Pattern["strength"] == "body" && x.Pattern["format"] == f);
            var refersToMeeting = ctx.AnyOf("meeting_nouns", s.TokenStart, s.TokenEnd) || ctx.Tokens.Skip(s.TokenStart).Take(s.TokenEnd - s.TokenStart).Any(t => t.Norm is "event" or "gathering" or "hosts");
            if (next || sameBody || refersToMeeting)
            {
                return before;
            }
        }

        return participant && !ctx.AnyOf("bilateral_cues", s.TokenStart, s.TokenEnd)
            ? mentions.LastOrDefault(m => m.Sentence < s.Index && !m.Planned && m.Linked)
            : null;
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
