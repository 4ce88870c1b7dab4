using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>Look-ups the meeting components share: the longest entity at each token, and what an entity is to a meeting.</summary>
internal sealed class MeetingContext
{
    /// <summary>The context of a document, shared by the meeting components while its annotations are unchanged.</summary>
    public static MeetingContext For(AnnotatedDocument doc)
    {
        var version = (doc.Entities.Count, doc.Dates.Count, doc.PersonMentions.Count, doc.Titles.Count);
        if (doc.Shared.TryGetValue(typeof(MeetingContext), out var cached) && cached is MeetingContext c && c._version == version)
        {
            return c;
        }

        var fresh = new MeetingContext(doc) { _version = version };
        doc.Shared[typeof(MeetingContext)] = fresh;
        return fresh;
    }

    private (int, int, int, int) _version;

    private MeetingContext(AnnotatedDocument doc)
    {
        Doc = doc;
        var n = doc.Tokens.Count;
        // Snapshots of the lists, so that an index keeps naming the mention it was built for.
        var entities = doc.Entities.ToArray();
        var dates = doc.Dates.ToArray();
        var people = doc.PersonMentions.ToArray();
        var titles = doc.Titles.ToArray();
        EntityStart = new TokenIndex<EntityMention>(entities, n);
        EntityEnd = new TokenIndex<EntityMention>(entities, n + 1);
        for (var k = 0; k < entities.Length; k++)
        {
            var e = entities[k];
            if (e.Nested)
            {
                continue;
            }

            if (EntityStart[e.TokenStart] is not { } longest || longest.TokenEnd < e.TokenEnd)
            {
                EntityStart.Set(e.TokenStart, k);
            }

            if (EntityEnd[e.TokenEnd] is not { } widest || widest.TokenStart > e.TokenStart)
            {
                EntityEnd.Set(e.TokenEnd, k);
            }
        }

        DateStart = new TokenIndex<DateMention>(dates, n);
        DateEnd = new TokenIndex<DateMention>(dates, n + 1);
        for (var k = 0; k < dates.Length; k++)
        {
            DateStart.SetIfEmpty(dates[k].TokenStart, k);
            DateEnd.SetIfEmpty(dates[k].TokenEnd, k);
        }

        PersonStart = new TokenIndex<PersonMention>(people, n);
        PersonEnd = new TokenIndex<PersonMention>(people, n + 1);
        for (var k = 0; k < people.Length; k++)
        {
            PersonStart.SetIfEmpty(people[k].TokenStart, k);
            PersonEnd.SetIfEmpty(people[k].TokenEnd, k);
        }

        TitleStart = new TokenIndex<TitleMention>(titles, n);
        TitleEnd = new TokenIndex<TitleMention>(titles, n + 1);
        for (var k = 0; k < titles.Length; k++)
        {
            TitleStart.SetIfEmpty(titles[k].TokenStart, k);
            TitleEnd.SetIfEmpty(titles[k].TokenEnd, k);
        }
    }

    public AnnotatedDocument Doc { get; }

    /// <summary>Every entity mention (nested ones too) by its first token, in the document's order.</summary>
    public ILookup<int, EntityMention> EntitiesAt => _entitiesAt ??= Doc.Entities.ToLookup(e => e.TokenStart);

    private ILookup<int, EntityMention>? _entitiesAt;

    /// <summary>The last coalition body named (outside other names) that ends at or before <paramref name="token"/>.</summary>
    public EntityMention? LastBodyBefore(int token)
    {
        var bodies = _bodies ??= Doc.Entities.Where(e => !e.Nested && e.Confirmed && e.Entry.Kind is EntityKind.Organization && e.Entry.OrgKind == "coalitionbody")
            .OrderBy(e => e.TokenEnd).ToList();
        int lo = 0, hi = bodies.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (bodies[mid].TokenEnd <= token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 ? bodies[lo - 1] : null;
    }

    private List<EntityMention>? _bodies;

    /// <summary>Datelines without a date ("OSLO (AP) —"), see <see cref="Meetings.PlaceDatelines"/>.</summary>
    public List<Dateline> PlaceDatelines => _placeDatelines ??= Meetings.PlaceDatelines.Find(Doc);

    private List<Dateline>? _placeDatelines;

    /// <summary>Is the character offset inside a dateline (with or without a date)?</summary>
    public bool InDateline(int start, int end) =>
        Doc.Datelines.Any(x => x.Start <= start && end <= x.End) || PlaceDatelines.Any(x => x.Start <= start && end <= x.End);

    public TokenIndex<EntityMention> EntityStart { get; }
    public TokenIndex<EntityMention> EntityEnd { get; }
    public TokenIndex<DateMention> DateStart { get; }
    public TokenIndex<DateMention> DateEnd { get; }
    public TokenIndex<PersonMention> PersonStart { get; }
    public TokenIndex<PersonMention> PersonEnd { get; }
    public TokenIndex<TitleMention> TitleStart { get; }
    public TokenIndex<TitleMention> TitleEnd { get; }
    public List<Token> Tokens => Doc.Tokens;
    public string Text => Doc.Text;
    public WordSets Sets => Doc.Knowledge.Sets;

    public bool Has(string set, int token) => Doc.InSet(set, token);

    /// <summary>The Global Coalition, one of its bodies, or its military command.</summary>
    public static bool IsCoalitionOrBody(EntityMention e) =>
        e.Entry.Kind is EntityKind.Organization && e.Confirmed && (e.Entry.Id is "coalition" or "oir" || e.Entry.OrgKind == "coalitionbody");

    public static bool IsIsis(EntityMention e) => e.Entry.Kind is EntityKind.Organization && e.Entry.Id == "isis";

    public static bool IsPlace(EntityMention e) =>
        e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Subdivision;

    /// <summary>An organization that is neither the coalition, its bodies, ISIS nor a state's own organ (NATO, the GCC, the EU).</summary>
    public bool IsOtherBody(EntityMention e) =>
        e.Entry.Kind is EntityKind.Organization && !IsCoalitionOrBody(e) && !IsIsis(e) && e.Entry.OrgKind is "intl" or "othercoalition";

    /// <summary>Does the token range name the coalition or a body, or "counter-/anti-/D-ISIS"?</summary>
    public bool NamesCoalition(int from, int to)
    {
        for (var k = Math.Max(0, from); k < to && k < Tokens.Count; k++)
        {
            if (EntityStart[k] is { } e && e.TokenEnd <= to + 1)
            {
                if (IsCoalitionOrBody(e))
                {
                    return true;
                }

                if (IsIsis(e) && k > 0 && Tokens[k - 1].Norm == "-" && k - 2 >= 0 && Tokens[k - 2].Norm is "counter" or "anti" or "d" or "defeat")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Does the token range name ISIS (under any of its names)?</summary>
    public bool NamesIsis(int from, int to)
    {
        for (var k = Math.Max(0, from); k < to && k < Tokens.Count; k++)
        {
            if (EntityStart[k] is { } e && IsIsis(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does the range contain a word (or phrase) of the set?</summary>
    public bool AnyOf(string set, int from, int to)
    {
        var ws = Sets[set];
        var tokens = Tokens;
        for (var k = Math.Max(0, from); k < to && k < tokens.Count; k++)
        {
            if (Doc.InSet(ws, k))
            {
                return true;
            }

            foreach (var seq in ws.Sequences)
            {
                if (k + seq.Length > to || tokens[k].Norm != seq[0])
                {
                    continue;
                }

                var all = true;
                for (var j = 1; j < seq.Length && all; j++)
                {
                    all = tokens[k + j].Norm == seq[j];
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
