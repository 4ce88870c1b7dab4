using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// Meeting mentions: a noun phrase around a meeting noun (<c>sets/meeting_nouns</c>: "the December 3 Coalition
/// Ministerial", "a meeting of the coalition's political directors", "the Global Coalition to Defeat ISIS Small Group
/// Ministerial") or a meeting verb with its subject (<c>sets/meeting_verbs</c>: "Ministers of the Global Coalition met",
/// "the CIFG convened"; and "X and N colleagues spoke in PLACE"). Each gets its format from the cues of
/// <c>patterns/meeting_formats</c> inside it (a named body over the participants' level over weak cues; a body named
/// in the sentence over a weak cue), whether it is tied to the Global Coalition (its name, a body, "Counter-ISIL", or a
/// level of participants in a sentence about ISIS), and why it is not a coalition meeting when it is not: another
/// body's (a NATO summit, a meeting held by the GCC), bilateral talks (<c>sets/bilateral_cues</c>), a press conference
/// (<c>sets/meeting_negative_modifiers</c>), habitual meetings (<c>sets/habitual_cues</c>). "The meeting" without a
/// cue of its own is generic: it refers to a meeting mentioned before.
/// </summary>
public sealed class MeetingMentionsComponent : IPipelineComponent
{
    private static readonly HashSet<string> HoldVerbs = new(StringComparer.Ordinal)
    {
        "held", "holds", "hold", "holding", "hosted", "hosts", "host", "hosting", "convened", "organized", "organised", "called", "co-hosted",
    };

    private static readonly HashSet<string> GroupNouns = new(StringComparer.Ordinal)
    {
        "ministers", "members", "directors", "representatives", "delegations", "delegates", "officials", "colleagues", "chiefs",
        "co-chairs", "partners", "envoys", "ambassadors", "leaders", "counterparts", "commanders", "diplomats", "participants", "states",
    };

    public string Name => "meeting-mentions";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.CoalitionReferences, Layers.People, Layers.Dates];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.MeetingMentions];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var ctx = MeetingContext.For(document);
        var title = TitleParagraph(document);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            var headline = s.Paragraph == title || LineShape.IsTitleCaseHeadline(document, document.Paragraphs[s.Paragraph]);
            for (var i = s.TokenStart; i < s.TokenEnd; i++)
            {
                var mention = NounMention(ctx, s, i) ?? VerbMention(ctx, s, i) ?? BodyEvent(ctx, s, i) ?? SincePlace(ctx, s, i);
                if (mention is null)
                {
                    continue;
                }

                mention.InHeadline = headline || mention.Rule == "mention.body_event";
                Classify(ctx, s, mention);
                document.MeetingMentions.Add(mention);
                i = Math.Max(i, mention.Rule == "mention.body_event" ? mention.End - 1 : mention.Trigger);
            }
        }

        BodiesNamedInTheSentence(ctx);

        // "The next ministerial meeting will be held in Marrakech": after a coalition meeting, a mention of the same
        // level (ministerial, a body) without a coalition name of its own continues the coalition's meetings.
        var seenLinked = false;
        foreach (var m in document.MeetingMentions)
        {
            if (m.Excluded == "not-coalition" && seenLinked && m.FormatStrength >= 2)
            {
                m.Linked = true;
                m.Excluded = null;
                m.Rule += "+continues";
            }

            seenLinked |= m.Linked && m.Excluded is null;
        }
    }

    /// <summary>Does a city or the coalition (or one of its bodies) start in <c>[start, end)</c> and end by <paramref name="end"/>?</summary>
    /// <remarks>A loop, not a query: a lambda over the parameters of <see cref="NounMention"/>, asked of every token, would cost it a closure per token.</remarks>
    private static bool CityOrCoalitionWithin(MeetingContext ctx, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (ctx.EntityStart[k] is { } e && e.TokenEnd <= end && (e.Entry.Kind is EntityKind.City or EntityKind.Capital || MeetingContext.IsCoalitionOrBody(e)))
            {
                return true;
            }
        }

        return false;
    }

    private static MeetingMention? NounMention(MeetingContext ctx, Segment s, int i)
    {
        var tokens = ctx.Tokens;
        var placed = ctx.Has("meeting_nouns_placed", i);
        if (!(ctx.Has("meeting_nouns", i) || placed) || (i + 1 < s.TokenEnd && ctx.Has("meeting_nouns", i + 1) && tokens[i + 1].Norm is not ("of" or "in")))
        {
            return null;
        }

        // "are meeting", "will be meeting": a verb.
        if (tokens[i].Norm == "meeting" && i > s.TokenStart && tokens[i - 1].Norm is "are" or "is" or "were" or "was" or "be" or "been")
        {
            return null;
        }

        var start = LeftEdge(ctx, s, i);

        // "The Brussels talks", "the Coalition talks": "talks" names a meeting only with a city or the coalition before it.
        if (placed && !CityOrCoalitionWithin(ctx, start, i))
        {
            return null;
        }

        var end = RightEdge(ctx, s, i + 1);
        return new MeetingMention(i, start, end, s.Index)
        {
            Plural = tokens[i].Norm.EndsWith('s') && tokens[i].Norm != "consultations",
            Rule = "mention.noun",
        };
    }

    /// <summary>Where a meeting noun phrase starts: determiners, ordinals, dates, names, format words before the head.</summary>
    private static int LeftEdge(MeetingContext ctx, Segment s, int head)
    {
        var tokens = ctx.Tokens;
        var k = head;
        while (k > s.TokenStart)
        {
            var t = tokens[k - 1];
            if (ctx.EntityEnd[k] is { } e && e.TokenStart >= s.TokenStart)
            {
                k = e.TokenStart;
                continue;
            }

            if (ctx.DateEnd[k] is { } d && d.TokenStart >= s.TokenStart)
            {
                k = d.TokenStart;
                continue;
            }

            if (t.Norm == "s" && k - 2 >= s.TokenStart && tokens[k - 2].Norm == "'")
            {
                k -= 2;
                continue;
            }

            if (t.Norm == "-" && k - 2 >= s.TokenStart && t.Start == tokens[k - 2].End && t.End == tokens[k].Start)
            {
                k -= 2;
                continue;
            }

            var modifier = t.IsWord && (ctx.Has("meeting_np_modifiers", k - 1) || ctx.Has("meeting_nouns", k - 1));
            var name = t.IsWord && t.IsCapitalized(ctx.Text) && !ctx.Has("name_stopwords", k - 1);
            if (t.IsNumber || modifier || name)
            {
                // A capitalized word that is a verb of a headline ("Kerry Hosts Coalition Meeting") still ends the phrase
                // when a person or a country stands before it.
                if (t.IsCapitalized(ctx.Text) && k - 1 > s.TokenStart && (ctx.PersonEnd[k - 1] is not null || ctx.EntityEnd[k - 1] is { CountryRef: not null })
                    && !ctx.Has("meeting_np_modifiers", k - 1) && ctx.EntityEnd[k] is null)
                {
                    break;
                }

                k--;
                continue;
            }

            break;
        }

        return k;
    }

    /// <summary>Where a meeting noun phrase ends: "of/from/between …" with the groups, bodies and names that follow.</summary>
    private static int RightEdge(MeetingContext ctx, Segment s, int from)
    {
        var tokens = ctx.Tokens;
        var end = from;

        // "a meeting on Monday of some officials …", "a meeting today of the Global Coalition": a date before the complement.
        var k = from;
        var at = k < s.TokenEnd && tokens[k].Norm == "on" && ctx.DateStart[k] is null ? k + 1 : k;
        if (at < s.TokenEnd && ctx.DateStart[at] is { } d && d.TokenEnd + 1 < s.TokenEnd && tokens[d.TokenEnd].Norm == "of")
        {
            k = d.TokenEnd;
        }

        if (k >= s.TokenEnd || tokens[k].Norm is not ("of" or "from" or "between" or "among" or "with"))
        {
            return end;
        }

        var j = k + 1;
        var limit = Math.Min(s.TokenEnd, k + 16);
        while (j < limit)
        {
            var t = tokens[j];
            if (ctx.EntityStart[j] is { } e && e.TokenEnd <= s.TokenEnd)
            {
                j = e.TokenEnd;
                end = j;
                continue;
            }

            if (t.IsNumber || t.Norm is "the" or "a" or "its" or "their" or "our" or "some" or "all" or "of" or "from" or "and" or "to" or "-" or "'" or "s"
                || (t.IsWord && (t.IsCapitalized(ctx.Text) || GroupNouns.Contains(t.Norm) || ctx.Has("meeting_np_modifiers", j) || t.Norm is "foreign" or "senior" or "diplomatic" or "military" or "defence" or "defense" or "member" or "coalition" or "countries" or "nations")))
            {
                j++;
                if ((t.IsWord || t.IsNumber) && t.Norm is not ("the" or "a" or "its" or "their" or "our" or "of" or "from" or "and" or "to" or "s"))
                {
                    end = j;
                }

                continue;
            }

            break;
        }

        return end;
    }

    private static MeetingMention? VerbMention(MeetingContext ctx, Segment s, int i)
    {
        var tokens = ctx.Tokens;
        var t = tokens[i];
        var seqEnd = i;
        var isVerb = ctx.Has("meeting_verbs", i);
        if (!isVerb && i + 1 < s.TokenEnd && t.Norm is "came" or "come" or "coming" && tokens[i + 1].Norm == "together")
        {
            isVerb = true;
            seqEnd = i + 1;
        }

        var weak = false;
        if (!isVerb && t.Norm is "spoke" or "talked" or "conferred" && i + 2 < s.TokenEnd && tokens[i + 1].Norm is "in" or "at"
            && ctx.EntityStart[i + 2] is { } place && MeetingContext.IsPlace(place))
        {
            // "X and 12 Defence colleagues spoke in Ottawa": a group speaking somewhere is meeting there.
            isVerb = true;
            weak = true;
        }

        if (!isVerb)
        {
            return null;
        }

        var next = Math.Max(i, seqEnd) + 1;

        // "met on Sunday with X", "met yesterday with X": the verb's object after a date or an adverb of time.
        var obj = next;
        if (obj + 1 < s.TokenEnd && tokens[obj].Norm == "on" && ctx.DateStart[obj + 1] is { } onDate)
        {
            obj = onDate.TokenEnd;
        }
        else if (obj < s.TokenEnd && ctx.DateStart[obj] is { } date)
        {
            obj = date.TokenEnd;
        }

        while (obj < s.TokenEnd && tokens[obj].Norm is "today" or "yesterday" or "again" or "separately" or "privately" or "briefly")
        {
            obj++;
        }

        if (obj < s.TokenEnd && tokens[obj].Norm is "with" or "up")
        {
            return null; // met with: bilateral; met up
        }

        // "The envoy met Prime Minister X in Erbil", "met Iraqi officials": a person or a country's people as the object is
        // bilateral talks.
        if (t.Norm is "met" or "meet" or "meets" && obj < s.TokenEnd && ctx.DateStart[obj] is null && PersonObject(ctx, obj))
        {
            return null;
        }

        // "Much has changed since we last met in Oslo": in remarks at a coalition meeting, the group's meeting before it.
        if (t.Norm == "met" && WeLastMet(ctx, s, i) is { } previous)
        {
            return previous;
        }

        // "to meet the evolving threat": an object that is no group is no meeting.
        if (next < s.TokenEnd && tokens[next].Norm is "the" or "its" or "their" or "a" or "an" or "this" or "these"
            && !(t.Norm is "convened" or "convene" or "convenes" && next + 1 < s.TokenEnd && (GroupNouns.Contains(tokens[next + 1].Norm) || tokens[next + 1].IsNumber)))
        {
            return null;
        }

        var subjectStart = Math.Max(s.TokenStart, i - 30);
        var hasGroup = false;
        for (var k = subjectStart; k < i; k++)
        {
            hasGroup |= GroupNouns.Contains(tokens[k].Norm) || (ctx.EntityStart[k] is { } e && MeetingContext.IsCoalitionOrBody(e));
        }

        if (!hasGroup)
        {
            return null;
        }

        return new MeetingMention(i, subjectStart, Math.Max(i, seqEnd) + 1, s.Index) { Verbal = true, Rule = weak ? "mention.group_spoke" : "mention.verb" };
    }

    /// <summary>
    /// A person, a title or a country's people at <paramref name="k"/>, after a region's name at most ("met Kurdistan
    /// Region Prime Minister X", "met Iraqi officials").
    /// </summary>
    private static bool PersonObject(MeetingContext ctx, int k)
    {
        if (ctx.EntityStart[k] is { CountryRef: null, Entry.Kind: not EntityKind.Organization } region && region.TokenEnd < ctx.Tokens.Count)
        {
            k = region.TokenEnd;
        }

        return ctx.PersonStart[k] is not null || ctx.TitleStart[k] is not null || ctx.EntityStart[k] is { CountryRef: not null };
    }

    /// <summary>
    /// "since we last met", "when we met": the speakers' previous meeting, of the format of the coalition meeting the text
    /// is about (the last one mentioned before).
    /// </summary>
    private static MeetingMention? WeLastMet(MeetingContext ctx, Segment s, int verb)
    {
        var tokens = ctx.Tokens;
        var k = verb - 1;
        if (k > s.TokenStart && tokens[k].Norm == "last")
        {
            k--;
        }

        if (k <= s.TokenStart || tokens[k].Norm != "we" || tokens[k - 1].Norm is not ("since" or "when"))
        {
            return null;
        }

        var current = ctx.Doc.MeetingMentions.LastOrDefault(x => x.Linked && x.Excluded is null && !x.Planned && x.Format is not null);
        if (current is null)
        {
            return null;
        }

        return new MeetingMention(verb, k, verb + 1, s.Index) { Verbal = true, Rule = "mention.we_last_met", Previous = true };
    }

    /// <summary>
    /// "the first gathering of the coalition's ministers since Kuwait last year", "the first ministerial since Rome": a
    /// place right after a meeting phrase stands for the meeting held there before.
    /// </summary>
    private static MeetingMention? SincePlace(MeetingContext ctx, Segment s, int i)
    {
        var tokens = ctx.Tokens;
        var mentions = ctx.Doc.MeetingMentions;
        if (tokens[i].Norm != "since" || i + 1 >= s.TokenEnd || ctx.EntityStart[i + 1] is not { } place
            || place.Entry.Kind is not (EntityKind.City or EntityKind.Capital or EntityKind.Country) || mentions.Count == 0)
        {
            return null;
        }

        var head = mentions[^1];
        if (head.Sentence != s.Index || head.Verbal || head.Excluded is not null || head.Format is null || head.End != i)
        {
            return null;
        }

        // The place ends the phrase ("since Kuwait last year", "since Rome, …"): not "since Kuwait joined".
        var after = place.TokenEnd;
        var ends = after >= s.TokenEnd || ctx.DateStart[after] is not null || tokens[after].Norm is "," or "." or ";" or ")" or "and"
                   || (tokens[after].Norm == "in" && after + 1 < s.TokenEnd && ctx.DateStart[after + 1] is not null);
        if (!ends)
        {
            return null;
        }

        return new MeetingMention(place.TokenStart, place.TokenStart, place.TokenEnd, s.Index)
        {
            Rule = "mention.since_place",
            Previous = true,
            City = place.Entry.Kind is EntityKind.Country ? null : Display.Name(ctx.Doc.Slice(place.Start, place.End)),
            Country = place.Entry.Country,
        };
    }

    /// <summary>The last coalition meeting mentioned before, whose format a back reference takes.</summary>
    private static MeetingMention? LastCoalitionMeeting(MeetingContext ctx) =>
        ctx.Doc.MeetingMentions.LastOrDefault(x => x.Linked && x.Excluded is null && x.Format is not null && !x.Previous);

    /// <summary>
    /// "The Group's next meeting", "a meeting of the Committee": a short definite name ("the Group") of the coalition body
    /// named last before, within a few sentences.
    /// </summary>
    private static EntityMention? ShortBodyName(MeetingContext ctx, MeetingMention m)
    {
        var tokens = ctx.Tokens;
        if (ctx.LastBodyBefore(m.Start) is not { } body || m.Sentence - body.Sentence > 4)
        {
            return null;
        }

        var head = tokens[body.TokenEnd - 1].Norm;
        for (var k = Math.Max(m.Start, 1); k < m.End; k++)
        {
            if (tokens[k].Norm == head && tokens[k].IsCapitalized(ctx.Text) && tokens[k - 1].Norm == "the" && ctx.EntityStart[k] is null && ctx.EntityEnd[k + 1] is null)
            {
                return body;
            }
        }

        return null;
    }

    private static void Classify(MeetingContext ctx, Segment s, MeetingMention m)
    {
        var doc = ctx.Doc;
        var tokens = ctx.Tokens;
        m.ClauseEnd = ClauseEnd(ctx, s, m.End);

        // The format: the strongest cue inside the mention.
        SetFormat(ctx, m, m.Start, m.End);

        // Tied to the coalition: its name or a body inside the mention; "X held its meeting" with the coalition as X; a
        // level of participants (ministers, chiefs of defence) in a sentence about the coalition or ISIS.
        var linked = ctx.NamesCoalition(m.Start, m.End) || m.FormatStrength == 3;
        if (!linked && !m.Verbal && m.Start > s.TokenStart && HoldVerbs.Contains(tokens[m.Start - 1].Norm))
        {
            linked = ctx.NamesCoalition(Math.Max(s.TokenStart, m.Start - 16), m.Start - 1);
        }

        if (!linked && m.FormatStrength >= 2)
        {
            linked = ctx.NamesCoalition(s.TokenStart, s.TokenEnd) || ctx.NamesIsis(s.TokenStart, s.TokenEnd)
                || (m.Verbal && s.Index > 0 && doc.Sentences[s.Index - 1].Paragraph == s.Paragraph && ctx.NamesCoalition(doc.Sentences[s.Index - 1].TokenStart, doc.Sentences[s.Index - 1].TokenEnd));
        }

        if (!linked && m.Rule == "mention.group_spoke" && s.Index > 0)
        {
            var previous = doc.Sentences[s.Index - 1];
            linked = ctx.NamesCoalition(previous.TokenStart, previous.TokenEnd) || ctx.NamesCoalition(s.TokenStart, s.TokenEnd);
        }

        // A mention with a date or place of its own in a sentence about the coalition: "the coalition made the resolution
        // after the 2022 meeting in Morocco".
        if (!linked && !m.Verbal && ctx.NamesCoalition(s.TokenStart, s.TokenEnd) && HasOwnSlot(ctx, s, m))
        {
            linked = true;
        }

        if (!linked && m.FormatStrength == 0 && !m.Verbal && ShortBodyName(ctx, m) is { } body)
        {
            SetFormat(ctx, m, body.TokenStart, body.TokenEnd);
            linked = m.Format is not null;
            m.Rule += "+short_body";
        }

        // A previous meeting ("since we last met", "since Kuwait"): of the format of the meeting it is compared with.
        if (m.Previous && (m.Rule == "mention.since_place" ? ctx.Doc.MeetingMentions.LastOrDefault() : LastCoalitionMeeting(ctx)) is { } current)
        {
            m.Format = current.Format;
            m.FormatStrength = current.FormatStrength;
            m.FormatPriority = current.FormatPriority;
            m.FormatRule = current.FormatRule;
            m.FormatOk = current.FormatOk;
            linked = current.Linked;
        }

        m.Linked = linked;
        m.Generic = !linked && m.FormatStrength == 0 && !m.Verbal && IsDefinite(ctx, m);

        // "which was the first to be convened in Africa": a passive meeting verb refers back to a meeting.
        if (m.Verbal && m.Trigger > s.TokenStart && tokens[m.Trigger - 1].Norm is "be" or "been" or "being" or "was" or "were")
        {
            m.Generic = true;
            m.Linked = false;
        }

        m.Excluded = Exclusion(ctx, s, m);
    }

    /// <summary>The strongest format cue in the range: a named body over the participants' level over a weak cue.</summary>
    private static void SetFormat(MeetingContext ctx, MeetingMention m, int from, int to)
    {
        PatternMatch? best = null;
        var bestStrength = 0;
        foreach (var f in ctx.Doc.Match("meeting_formats", from, to, "format"))
        {
            var strength = Strength(f);
            if (strength > bestStrength || (strength == bestStrength && f.Pattern.Priority > best!.Pattern.Priority))
            {
                best = f;
                bestStrength = strength;
            }
        }

        m.Format = best?.Pattern["format"];
        m.FormatStrength = bestStrength;
        m.FormatPriority = best?.Pattern.Priority ?? -1;
        m.FormatRule = best?.Id;
        m.FormatOk = best?.Pattern["ok"] is { } ok ? ok.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
    }

    private static int Strength(PatternMatch f) => f.Pattern["strength"] switch { "body" => 3, "level" => 2, _ => 1 };

    /// <summary>
    /// A weak cue ("the plenary meeting of senior officials") gives way to the one body the sentence names outside other
    /// meeting mentions (the Africa Focus Group Action Plan, adopted at the plenary meeting …).
    /// </summary>
    private static void BodiesNamedInTheSentence(MeetingContext ctx)
    {
        var doc = ctx.Doc;
        foreach (var m in doc.MeetingMentions)
        {
            if (m.FormatStrength != 1 || m.Excluded is not null)
            {
                continue;
            }

            var s = doc.Sentences[m.Sentence];
            var others = doc.MeetingMentions.Where(x => x.Sentence == m.Sentence && !ReferenceEquals(x, m)).ToList();
            var bodies = doc.Match("meeting_formats", s.TokenStart, s.TokenEnd, "format")
                .Where(f => f.Pattern["strength"] == "body" && !others.Any(o => f.Start >= o.Start && f.End <= o.End))
                .Select(f => f.Pattern["format"]).Distinct().ToList();
            if (bodies.Count == 1)
            {
                m.Format = bodies[0];
                m.FormatStrength = 3;
                m.FormatPriority = 10;
                m.FormatRule = "format.body_in_sentence";
            }
        }
    }

    /// <summary>
    /// "arrived … for the Global Coalition's Stabilization Working Group", "will address the Small Group": a body of the
    /// coalition named as the event someone goes to.
    /// </summary>
    private static MeetingMention? BodyEvent(MeetingContext ctx, Segment s, int i)
    {
        var tokens = ctx.Tokens;
        if (ctx.EntityStart[i] is not { Entry.OrgKind: "coalitionbody" } body || i == s.TokenStart)
        {
            return null;
        }

        var k = i - 1;
        while (k > s.TokenStart && (tokens[k].Norm is "the" or "'" or "s" || ctx.EntityEnd[k + 1] is { } owner && MeetingContext.IsCoalitionOrBody(owner) && owner.TokenStart < i))
        {
            k = ctx.EntityEnd[k + 1] is { } o && o.TokenStart < i && MeetingContext.IsCoalitionOrBody(o) ? o.TokenStart - 1 : k - 1;
        }

        if (k < s.TokenStart || tokens[k].Norm is not ("for" or "attend" or "attended" or "attends" or "attending" or "address" or "addressed" or "addresses" or "join" or "joined"))
        {
            return null;
        }

        // The body is the event only when nothing after it makes it a meeting's name ("the Small Group meeting").
        if (body.TokenEnd < s.TokenEnd && ctx.Has("meeting_nouns", body.TokenEnd))
        {
            return null;
        }

        return new MeetingMention(body.TokenStart, k + 1, body.TokenEnd, s.Index) { Rule = "mention.body_event" };
    }

    /// <summary>A date inside the phrase, or "in PLACE" right after it.</summary>
    private static bool HasOwnSlot(MeetingContext ctx, Segment s, MeetingMention m)
    {
        for (var k = m.Start; k < m.End; k++)
        {
            if (ctx.DateStart[k] is not null || (ctx.EntityStart[k] is { } e && MeetingContext.IsPlace(e)))
            {
                return true;
            }
        }

        return m.End + 1 < s.TokenEnd && ctx.Tokens[m.End].Norm is "in" or "on" && (ctx.EntityStart[m.End + 1] is { } p && MeetingContext.IsPlace(p) || ctx.DateStart[m.End + 1] is not null);
    }

    private static bool IsDefinite(MeetingContext ctx, MeetingMention m)
    {
        var first = ctx.Tokens[m.Start].Norm;
        return first is "the" or "this" or "that" or "its" or "their" || ctx.DateStart[m.Start] is not null
               || (m.Start + 2 < m.Trigger && ctx.Tokens[m.Start + 1].Norm == "'" && ctx.Tokens[m.Start + 2].Norm == "s");
    }

    private static string? Exclusion(MeetingContext ctx, Segment s, MeetingMention m)
    {
        var tokens = ctx.Tokens;
        if (!m.Verbal && m.Trigger > s.TokenStart && ctx.Has("meeting_negative_modifiers", m.Trigger - 1))
        {
            return "negative-modifier";
        }

        // Another body's meeting: named in the phrase (a NATO summit, a GCC ministerial, between the US and the GCC) or
        // holding it (a ministerial meeting to be held by the GCC).
        for (var k = m.Start; k < Math.Min(m.ClauseEnd, m.End + 6); k++)
        {
            if (ctx.EntityStart[k] is { } e && ctx.IsOtherBody(e) && !ctx.NamesCoalition(m.Start, m.End))
            {
                var inside = k < m.End;
                var heldBy = k >= m.End && k - 1 >= m.End && tokens[k - 1].Norm == "by" || (k - 2 >= m.End && tokens[k - 1].Norm == "the" && tokens[k - 2].Norm == "by");
                if (inside || heldBy)
                {
                    return "other-body";
                }
            }
        }

        if (m.Plural && ctx.AnyOf("habitual_cues", s.TokenStart, s.TokenEnd))
        {
            return "habitual";
        }

        if (m.FormatStrength < 3 && ctx.AnyOf("bilateral_cues", s.TokenStart, s.TokenEnd))
        {
            return "bilateral";
        }

        if (!m.Linked && !m.Generic)
        {
            return "not-coalition";
        }

        return null;
    }

    /// <summary>The end of the trigger's clause: a full stop or semicolon, or ", which/who/and …" starting a new clause.</summary>
    /// <summary>
    /// The page's title: its first line outside boilerplate when that is short and ends without a stop, in sentence case
    /// too ("Coalition ministers to meet in Lisbon"); -1 when the page opens with a sentence.
    /// </summary>
    private static int TitleParagraph(AnnotatedDocument document)
    {
        foreach (var p in document.Paragraphs)
        {
            if (p.IsBoilerplate)
            {
                continue;
            }

            var last = document.Tokens[p.TokenEnd - 1].Norm;
            return p.TokenEnd - p.TokenStart <= 20 && last is not ("." or "!" or "?" or "\"" or ":") && p.Index + 1 < document.Paragraphs.Count ? p.Index : -1;
        }

        return -1;
    }

    /// <summary>A full stop that closes an initial or an abbreviation ("Gen.", "Amb.", "St."), not a clause.</summary>
    private static bool AbbreviationDot(MeetingContext ctx, int k)
    {
        if (k == 0)
        {
            return false;
        }

        var prev = ctx.Tokens[k - 1];
        return prev.Length == 1 || (prev.IsWord && prev.End == ctx.Tokens[k].Start && ctx.Doc.Knowledge.Abbreviations.Contains(prev.Norm));
    }

    private static int ClauseEnd(MeetingContext ctx, Segment s, int from)
    {
        var tokens = ctx.Tokens;
        var k = from;
        var limit = Math.Min(s.TokenEnd, from + 24);
        while (k < limit)
        {
            var n = tokens[k].Norm;
            if (n is ";" or ":" || (n == "." && !AbbreviationDot(ctx, k)))
            {
                break;
            }

            if (n == "," && k + 1 < s.TokenEnd && tokens[k + 1].Norm is "which" or "who" or "while" or "but" or "where" or "although")
            {
                // "…, which was held in The Hague on Wednesday": a relative clause about the meeting itself goes on.
                var verb = k + 2 < s.TokenEnd ? tokens[k + 2].Norm : "";
                if (!(tokens[k + 1].Norm == "which" && verb is "was" or "were" or "is" or "will" or "took" or "takes" or "met" or "convened" or "held" or "has"))
                {
                    break;
                }
            }

            // ", the Saudi Press Agency reported on Thursday": an attribution clause is not the meeting's.
            if (n == "," && Enumerable.Range(k + 1, Math.Max(0, Math.Min(6, s.TokenEnd - k - 1))).Any(j => ctx.Has("speech_verbs", j) && tokens[j].Norm is not ("announced" or "stated")))
            {
                break;
            }

            if (k > from && ctx.Has("meeting_nouns", k) && tokens[k].Norm is not "session" && k + 1 < s.TokenEnd && !ctx.Has("meeting_nouns", k + 1))
            {
                break; // another meeting's phrase
            }

            k++;
        }

        return k;
    }
}
