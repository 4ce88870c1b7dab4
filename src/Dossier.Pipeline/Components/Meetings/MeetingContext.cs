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
        EntityStart = new EntityMention?[n];
        EntityEnd = new EntityMention?[n + 1];
        foreach (var e in doc.Entities)
        {
            if (e.Nested)
            {
                continue;
            }

            if (EntityStart[e.TokenStart] is null || EntityStart[e.TokenStart]!.TokenEnd < e.TokenEnd)
            {
                EntityStart[e.TokenStart] = e;
            }

            if (EntityEnd[e.TokenEnd] is null || EntityEnd[e.TokenEnd]!.TokenStart > e.TokenStart)
            {
                EntityEnd[e.TokenEnd] = e;
            }
        }

        DateStart = new DateMention?[n];
        DateEnd = new DateMention?[n + 1];
        foreach (var d in doc.Dates)
        {
            DateStart[d.TokenStart] ??= d;
            DateEnd[d.TokenEnd] ??= d;
        }

        PersonStart = new PersonMention?[n];
        PersonEnd = new PersonMention?[n + 1];
        foreach (var m in doc.PersonMentions)
        {
            PersonStart[m.TokenStart] ??= m;
            PersonEnd[m.TokenEnd] ??= m;
        }

        TitleStart = new TitleMention?[n];
        TitleEnd = new TitleMention?[n + 1];
        foreach (var t in doc.Titles)
        {
            TitleStart[t.TokenStart] ??= t;
            TitleEnd[t.TokenEnd] ??= t;
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

    public EntityMention?[] EntityStart { get; }
    public EntityMention?[] EntityEnd { get; }
    public DateMention?[] DateStart { get; }
    public DateMention?[] DateEnd { get; }
    public PersonMention?[] PersonStart { get; }
    public PersonMention?[] PersonEnd { get; }
    public TitleMention?[] TitleStart { get; }
    public TitleMention?[] TitleEnd { get; }
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
            if (Doc.InSet(set, k))
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
