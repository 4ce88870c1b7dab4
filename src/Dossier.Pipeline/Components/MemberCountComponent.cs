using Dossier.Domain;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Statements of the Global Coalition's size, read by the patterns of <c>Data/patterns/member_counts.jsonl</c>
/// ("the 83-member coalition", "a coalition of over 80 countries", "which includes 85 countries", "60 countries
/// contributing to the coalition", "bringing the total number of members to 86"), each where its pattern's context
/// holds (the pattern names the coalition, a pronoun refers back to it, or the sentence is about it). Attendance,
/// bodies inside the coalition and parts of a stated total ("74 countries and 5 institutions" beside 79) are not
/// sizes. A size is listed once. As of: a stated past year for a past size ("started out as a coalition of 12"),
/// else a date of the sentence, else the date of the meeting the sentence speaks of, else the publication date.
/// </summary>
public sealed class MemberCountComponent : IPipelineComponent
{
    public const string PatternFile = "member_counts";

    /// <summary>The smallest and largest sizes read (a coalition of one, or of thousands, is not this coalition).</summary>
    private const int MinCount = 2;
    private const int MaxCount = 500;

    public string Name => "member-counts";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Numbers, Layers.Dates, Layers.Published, Layers.Meetings];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.MemberCounts];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var context = CoalitionContext.For(document);
        if (!context.Any)
        {
            return;
        }

        var numbers = NumberIndex.Of(document);
        var found = new List<(MemberCountFact Fact, int Part)>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.IsBoilerplate)
            {
                continue;
            }

            // A count needs a number in the sentence.
            if (!numbers.AnyIn(s.TokenStart, s.TokenEnd))
            {
                continue;
            }

            foreach (var m in Counts(document, context, s))
            {
                var c = m["count"]!.Value;
                if (numbers.At(c.Start) is not { } n || n.Value != decimal.Truncate(n.Value) || n.Value < MinCount || n.Value > MaxCount)
                {
                    continue;
                }

                var fact = new MemberCountFact((int)n.Value, n.Qualifier, AsOf(document, context, s, m, c.Start), Span(document, m)) { Rule = m.Id };
                found.Add((fact, PartOf(document, numbers, m)));
            }
        }

        foreach (var (fact, part) in found)
        {
            // "74 countries and 5 international institutions" beside a stated 79: the parts of a total.
            var isPart = part > 0 && found.Any(f => f.Fact.Count == fact.Count + part);
            if (!isPart && !document.MemberCounts.Any(x => x.Count == fact.Count))
            {
                document.MemberCounts.Add(fact);
            }
        }
    }

    /// <summary>
    /// The count matches of a sentence whose context holds and that no blocking reading ("not": "delegations from 28
    /// members") overlaps; of the matches reading the same number, the one of highest priority, then the longest.
    /// Matches of different numbers may overlap ("the 80-member Coalition, which includes 75 countries and …").
    /// </summary>
    private static IEnumerable<PatternMatch> Counts(AnnotatedDocument document, CoalitionContext context, Segment s)
    {
        var all = document.MatchAll(PatternFile, s.TokenStart, s.TokenEnd);
        var blocks = all.Where(m => m.Label == "not").ToList();
        return all.Where(m => m.Label == "count" && m["count"] is not null && !blocks.Any(b => b.Overlaps(m)) && InContext(document, context, m, s))
            .GroupBy(m => m["count"]!.Value.Start)
            .Select(g => g.OrderByDescending(m => m.Pattern.Priority).ThenByDescending(m => m.End - m.Start).First())
            .OrderBy(m => m.Start);
    }

    /// <summary>Is the coalition there the way the pattern's context asks?</summary>
    private static bool InContext(AnnotatedDocument document, CoalitionContext context, PatternMatch m, Segment s) =>
        m.Pattern["context"] switch
        {
            "self" => m["coalition"] is not null,
            "anaphor" => m["ref"] is { } r && context.RefersToCoalition(r.Start),
            "sentence" => context.About(s.Index),
            "join" => context.About(s.Index) && HasJoinCue(document, context, s),
            _ => false,
        };

    private static bool HasJoinCue(AnnotatedDocument document, CoalitionContext context, Segment s)
    {
        var cues = document.Knowledge.Sets["join_cues"];
        for (var k = s.TokenStart; k < s.TokenEnd; k++)
        {
            if (context.LongestAt(cues, k, s.TokenEnd) > k)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The other number of "N countries and M institutions" right after the match, or 0.</summary>
    private static int PartOf(AnnotatedDocument document, NumberIndex numbers, PatternMatch m)
    {
        var tokens = document.Tokens;
        return m.End + 1 < tokens.Count && tokens[m.End].Norm == "and" && numbers.At(m.End + 1) is { } other
            && document.TokenSentence[m.End + 1] == document.TokenSentence[m.Start] && other.Value <= MaxCount
            ? (int)other.Value
            : 0;
    }

    private static TextSpan Span(AnnotatedDocument document, PatternMatch m) =>
        new(document.Tokens[m.Start].Start, document.Tokens[m.End - 1].End);

    private static string? AsOf(AnnotatedDocument document, CoalitionContext context, Segment s, PatternMatch m, int count)
    {
        if (IsPastSize(document, context, s, count))
        {
            return FormationYear(document, s);
        }

        foreach (var d in document.Dates)
        {
            if (d.Sentence == s.Index && d.Value is not null && !d.Value.StartsWith("--", StringComparison.Ordinal) && !IsFoundingOrSince(document, d))
            {
                return d.Value;
            }
        }

        return MeetingDate(document, s) ?? document.Published;
    }

    /// <summary>
    /// A sentence that speaks of a meeting ("the ministerial that gathered all 68 members") ties its count to the
    /// held meeting with a full date mentioned last up to that sentence.
    /// </summary>
    private static string? MeetingDate(AnnotatedDocument document, Segment s)
    {
        var triggers = document.Knowledge.MeetingTriggers;
        var speaksOfMeeting = false;
        for (var k = s.TokenStart; k < s.TokenEnd && !speaksOfMeeting; k++)
        {
            speaksOfMeeting = triggers.ContainsKey(document.Tokens[k].Norm);
        }

        return !speaksOfMeeting ? null : document.Meetings
            .Where(m => m.Status == MeetingStatuses.Held && m.Date is { Length: 10 } && m.Span.Start < s.End)
            .OrderByDescending(m => m.Span.Start)
            .FirstOrDefault()?.Date;
    }

    /// <summary>"It started out as a coalition of 12 members": a past-size cue before the count (token <paramref name="before"/>) in its sentence.</summary>
    private static bool IsPastSize(AnnotatedDocument document, CoalitionContext context, Segment s, int before)
    {
        var cues = document.Knowledge.Sets["past_size_cues"];
        for (var k = s.TokenStart; k < before; k++)
        {
            if (context.LongestAt(cues, k, before) > k)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The year of a past size: a year of its sentence, else the year the document says the coalition was formed.</summary>
    private static string? FormationYear(AnnotatedDocument document, Segment s)
    {
        var inSentence = document.Dates.FirstOrDefault(d => d.Sentence == s.Index && Year(d.Value) is not null);
        if (inSentence is not null)
        {
            return Year(inSentence.Value);
        }

        var founding = document.Dates.FirstOrDefault(d => Year(d.Value) is not null && IsFoundingOrSince(document, d) && FoundingVerbBefore(document, d));
        return founding is null ? null : Year(founding.Value);
    }

    private static string? Year(string? value) =>
        value is { Length: >= 4 } && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3]) ? value[..4] : null;

    /// <summary>"formed in 2014", "since 2014": a date that is not the time of the size.</summary>
    private static bool IsFoundingOrSince(AnnotatedDocument document, DateMention d)
    {
        var k = d.TokenStart - 1;
        var tokens = document.Tokens;
        return k >= 0 && (tokens[k].Norm == "since" || (tokens[k].Norm is "in" or "on" && FoundingVerbBefore(document, d)));
    }

    private static bool FoundingVerbBefore(AnnotatedDocument document, DateMention d)
    {
        var k = d.TokenStart - 2;
        if (k < 0)
        {
            return false;
        }

        var founding = document.Knowledge.Sets["founding_verbs"];
        var norm = document.Tokens[k].Norm;
        return founding.Words.Contains(norm) || (k >= 1 && founding.Sequences.Any(q => q.Length == 2 && q[0] == document.Tokens[k - 1].Norm && q[1] == norm));
    }
}
