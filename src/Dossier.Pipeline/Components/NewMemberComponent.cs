using Dossier.Domain;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Members stated as joining the Global Coalition, read by the patterns of <c>Data/patterns/new_members.jsonl</c>
/// over the <c>members</c> layer (lists of countries and international organizations, <see cref="MemberLists"/>):
/// "X joined the coalition" (also in a relative clause or between dashes), "entered the Coalition", "welcomed X as
/// its newest member", "welcomed new members including A, B and C", "X became the 86th member", "the accession of
/// X". The ordinal is the one the join states, or one stated after it in the sentence ("…, becoming the 86th member
/// country"; "bringing the total number of members to 86" for a single member). One entry per member, with its
/// ordinal when any sentence states it.
/// </summary>
public sealed class NewMemberComponent : IPipelineComponent
{
    public const string PatternFile = "new_members";

    public string Name => "new-members";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Numbers, Layers.MemberCounts];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.NewMembers, Layers.Membership];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var context = CoalitionContext.For(document);
        if (!context.Any)
        {
            return;
        }

        var items = MemberLists.Build(document);
        if (items.Count == 0)
        {
            return;
        }

        var numbers = NumberIndex.Of(document);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            // The joins whose context holds, the ordinals and every blocking reading ("not"), then overlaps
            // resolved: a blocking reading wins over the join it overlaps.
            var matches = PatternSet.Resolve(document.MatchAll(PatternFile, s.TokenStart, s.TokenEnd)
                .Where(m => m.Label != "join" || InContext(context, m, s)).ToList());
            foreach (var join in matches)
            {
                if (join.Label != "join" || join["who"] is not { } who || MemberLists.In(items, who) is not { Count: > 0 } members)
                {
                    continue;
                }

                var (ordinals, end, rule) = Ordinals(document, numbers, matches, join, members.Count);
                for (var i = 0; i < members.Count; i++)
                {
                    // Evidence: from the member's name to the end of what states its joining (and its ordinal).
                    var span = new TextSpan(document.Tokens[members[i].Start].Start, document.Tokens[end - 1].End);
                    Add(document, new NewMemberFact(members[i].Member, ordinals.Count == members.Count ? ordinals[i] : null, span) { Rule = rule });
                }
            }
        }
    }

    private static bool InContext(CoalitionContext context, PatternMatch m, Segment s) => m.Pattern["context"] switch
    {
        "self" => m["coalition"] is not null,
        "sentence" => context.About(s.Index),
        "paragraph" => context.About(s.Index) || context.InParagraph(s.Index),
        _ => false,
    };

    /// <summary>
    /// The ordinals of a join: its own, else those of the first "ordinal" match after it in the sentence (a total
    /// counts only for a join of one member and only when exact). Also the token its evidence ends at and the rule.
    /// </summary>
    private static (List<int> Ordinals, int End, string Rule) Ordinals(AnnotatedDocument document, NumberIndex numbers, List<PatternMatch> matches, PatternMatch join, int members)
    {
        var own = OrdinalsIn(document, join["ordinals"]);
        if (own.Count == 0 && members == 1 && ExactTotal(numbers, join["total"]) is { } brought)
        {
            own.Add(brought);
        }

        if (own.Count > 0)
        {
            return (own, join.End, join.Id);
        }

        foreach (var m in matches)
        {
            if (m.Label != "ordinal" || m.Start < join.End)
            {
                continue;
            }

            var stated = OrdinalsIn(document, m["ordinals"]);
            if (stated.Count == 0 && members == 1 && ExactTotal(numbers, m["total"]) is { } total)
            {
                stated.Add(total);
            }

            if (stated.Count > 0)
            {
                return (stated, m.End, join.Id + "+" + m.Id);
            }
        }

        return ([], join.End, join.Id);
    }

    /// <summary>The whole, exact total a capture holds ("bringing the total to 86"), or null.</summary>
    private static int? ExactTotal(NumberIndex numbers, TokenRange? capture) =>
        capture is { } t && numbers.At(t.Start) is { Qualifier: Qualifiers.Exact } total && total.Value == decimal.Truncate(total.Value) && total.Value is > 0 and <= int.MaxValue
            ? (int)total.Value
            : null;

    /// <summary>The ordinals of a range of the <c>ordinals</c> layer ("86th and 87th"), in order.</summary>
    private static List<int> OrdinalsIn(AnnotatedDocument document, TokenRange? range) => range is { } r
        ? document.Numbers.Where(n => n.Ordinal && n.TokenStart >= r.Start && n.TokenEnd <= r.End && n.Value is > 0 and <= int.MaxValue)
            .OrderBy(n => n.TokenStart).Select(n => (int)n.Value).ToList()
        : [];

    /// <summary>One entry per member: a later statement with an ordinal replaces one without.</summary>
    private static void Add(AnnotatedDocument document, NewMemberFact fact)
    {
        var at = document.NewMembers.FindIndex(m => m.Member == fact.Member);
        if (at < 0)
        {
            document.NewMembers.Add(fact);
        }
        else if (document.NewMembers[at].Ordinal is null && fact.Ordinal is not null)
        {
            document.NewMembers[at] = fact;
        }
    }
}
