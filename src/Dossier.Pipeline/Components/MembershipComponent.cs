using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Member counts of the coalition ("over 80 members", "comprising 84 countries", "The Coalition's 85
/// members", "An 83-member Global Coalition") in sentences that mention the coalition, and new members
/// ("welcomed the Maldives as its 87th member", "X became the 86th member", "X joined the coalition").
/// An ordinal member also states the count.
/// </summary>
public sealed class MembershipComponent : IPipelineComponent
{
    private static readonly HashSet<string> MemberNouns = new(StringComparer.Ordinal)
    {
        "members", "countries", "nations", "states", "partners", "member", "participants",
    };

    public string Name => "membership";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Numbers, Layers.Dates, Layers.Published];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Membership];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        var seen = new HashSet<(int, string)>();
        var byStart = new Dictionary<int, NumberMention>();
        foreach (var number in document.Numbers)
        {
            byStart.TryAdd(number.TokenStart, number);
        }

        var docHasCoalition = document.Entities.Any(e => e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition" && e.Confirmed);
        var done = new HashSet<NumberMention>();
        var coalitionSentences = CoalitionSentences(document);
        foreach (var n in document.Numbers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = document.Sentences[n.Sentence];
            if (done.Contains(n) || s.IsBoilerplate || n.Percent || n.Currency is not null || n.Value > int.MaxValue)
            {
                continue;
            }

            var value = (int)n.Value;
            if (n.Ordinal)
            {
                // "its 87th member", "as the 82nd and 83rd members"
                var group = new List<NumberMention> { n };
                var k = n.TokenEnd;
                while (k + 1 < s.TokenEnd && tokens[k].Norm is "and" or "," && byStart.TryGetValue(k + 1, out var next) && next.Ordinal && next.Value <= int.MaxValue)
                {
                    group.Add(next);
                    k = next.TokenEnd;
                }

                if (!docHasCoalition || k >= s.TokenEnd || !(tokens[k].Norm is "member" or "members" or "partner" or "partners" or "country" or "state"))
                {
                    continue;
                }

                done.UnionWith(group);
                var members = CountriesBefore(document, s, n.TokenStart);
                var take = Math.Min(group.Count, members.Count);
                for (var g = 0; g < take; g++)
                {
                    var member = members[members.Count - take + g];
                    document.NewMembers.Add(new NewMemberFact(member.Code, (int)group[g].Value, new TextSpan(member.Start, tokens[k].End)));
                }

                Add(document, seen, (int)group.Max(x => x.Value), Qualifiers.Exact, group[^1], s, tokens[k].End);
                continue;
            }

            if (value < 20 || value > 200 || !CoalitionIn(document, coalitionSentences, s))
            {
                continue;
            }

            if (n.MemberCompound)
            {
                Add(document, seen, value, n.Qualifier, n, s, tokens[n.TokenEnd + 1].End);
                continue;
            }

            var j = n.TokenEnd;
            if (j < s.TokenEnd && tokens[j].Norm is "member" or "partner" or "participating" && j + 1 < s.TokenEnd && MemberNouns.Contains(tokens[j + 1].Norm))
            {
                j++;
            }

            if (j < s.TokenEnd && MemberNouns.Contains(tokens[j].Norm) && tokens[j].Norm != "member")
            {
                Add(document, seen, value, n.Qualifier, n, s, tokens[j].End);
            }
        }

        FindJoins(document, coalitionSentences);
    }

    /// <summary>The sentences that name the coalition (confirmed), computed once: a lookup per sentence, not a scan of every entity.</summary>
    private static HashSet<int> CoalitionSentences(AnnotatedDocument document) =>
        document.Entities.Where(e => e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition" && e.Confirmed).Select(e => e.Sentence).ToHashSet();

    private static bool CoalitionIn(AnnotatedDocument document, HashSet<int> coalitionSentences, Segment s)
    {
        if (coalitionSentences.Contains(s.Index))
        {
            return true;
        }

        // "It now has 86 members." right after a sentence about the coalition.
        var first = document.Tokens[s.TokenStart].Norm;
        return first is "it" or "its" && s.Index > 0 && document.Sentences[s.Index - 1].Paragraph == s.Paragraph
            && coalitionSentences.Contains(s.Index - 1);
    }

    /// <summary>The countries named before a token of the sentence, in order (one entry per country).</summary>
    private static List<(string Code, int Start)> CountriesBefore(AnnotatedDocument document, Segment s, int before)
    {
        var result = new List<(string Code, int Start)>();
        foreach (var e in document.Entities)
        {
            if (e.Sentence == s.Index && e.TokenEnd <= before && e.CountryRef is not null && !result.Any(r => r.Code == e.CountryRef))
            {
                result.Add((e.CountryRef, e.Start));
            }
        }

        return result;
    }

    private static void Add(AnnotatedDocument document, HashSet<(int, string)> seen, int count, string qualifier, NumberMention n, Segment s, int end)
    {
        if (!seen.Add((count, qualifier)))
        {
            return;
        }

        var start = n.Start;
        document.MemberCounts.Add(new MemberCountFact(count, qualifier, AsOf(document, s), new TextSpan(start, end)));
    }

    private static string? AsOf(AnnotatedDocument document, Segment s)
    {
        foreach (var d in document.Dates)
        {
            if (d.Sentence == s.Index && d.Value is not null && !d.Value.StartsWith("--", StringComparison.Ordinal))
            {
                var k = d.TokenStart - 1;
                if (k >= 0 && document.Tokens[k].Norm is "in" or "since" && k - 1 >= 0 && document.Tokens[k - 1].Norm is "formed" or "established" or "founded" or "created")
                {
                    continue;
                }

                if (k >= 0 && document.Tokens[k].Norm is "since")
                {
                    continue;
                }

                return d.Value;
            }
        }

        return document.Published;
    }

    /// <summary>"new", "newest", "latest": a member that has just joined.</summary>
    private static bool IsNew(string norm) => norm is "new" or "newest" or "latest";

    /// <summary>
    /// "COUNTRY (has|officially) joined the coalition", "welcomed COUNTRY as (a|its) new (newest, latest) member",
    /// "COUNTRY became the newest member".
    /// </summary>
    private static void FindJoins(AnnotatedDocument document, HashSet<int> coalitionSentences)
    {
        var tokens = document.Tokens;
        for (var index = 0; index < document.Entities.Count; index++)
        {
            var e = document.Entities[index];
            if (e.CountryRef is null || document.Sentences[e.Sentence].IsBoilerplate)
            {
                continue;
            }

            var s = document.Sentences[e.Sentence];
            if (!CoalitionIn(document, coalitionSentences, s))
            {
                continue;
            }

            var k = e.TokenEnd;
            if (k + 1 < s.TokenEnd && tokens[k].Norm == "," && tokens[k + 1].Norm is "which" or "who")
            {
                k += 2;
            }
            else if (k < s.TokenEnd && tokens[k].Norm is "which")
            {
                k++;
            }

            while (k < s.TokenEnd && tokens[k].Norm is "has" or "have" or "officially" or "formally" or "recently" or "also" or "both")
            {
                k++;
            }

            var joined = k < s.TokenEnd && tokens[k].Norm is "joined" or "joins" or "becomes" or "became";
            var asNew = k + 3 < s.TokenEnd && tokens[k].Norm == "as" && tokens[k + 1].Norm is "a" or "its" or "the" && IsNew(tokens[k + 2].Norm) && tokens[k + 3].Norm is "member" or "partner";
            if (!joined && !asNew)
            {
                continue;
            }

            if (joined && tokens[k].Norm is "becomes" or "became" && !(k + 3 < s.TokenEnd && IsNew(tokens[k + 2].Norm)))
            {
                continue;
            }

            // The countries coordinated before it join too: "A, B and C, which joined …".
            var members = new List<EntityMention> { e };
            for (var j = index - 1; j >= 0; j--)
            {
                var prev = document.Entities[j];
                var gap = members[0].TokenStart - prev.TokenEnd;
                if (prev.Sentence != s.Index || prev.CountryRef is null || gap < 1 || gap > 2
                    || !(tokens[prev.TokenEnd].Norm is "," or "and") || (gap == 2 && !(tokens[prev.TokenEnd + 1].Norm is "and" or "the")))
                {
                    break;
                }

                members.Insert(0, prev);
            }

            foreach (var member in members)
            {
                if (!document.NewMembers.Any(m => m.Member == member.CountryRef))
                {
                    document.NewMembers.Add(new NewMemberFact(member.CountryRef!, null, new TextSpan(member.Start, tokens[Math.Min(s.TokenEnd - 1, k + 3)].End)));
                }
            }
        }
    }
}
