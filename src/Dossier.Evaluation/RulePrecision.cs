using System.Globalization;
using System.Text;
using Dossier.Domain;

namespace Dossier.Evaluation;

/// <summary>How many facts a rule made on a scored corpus, and how many of them were right.</summary>
public sealed record RuleTally(string Kind, string Rule, int Facts, int Correct)
{
    /// <summary>
    /// The confidence a fact of this rule is given: the precision with one right and one wrong fact added (Laplace's
    /// rule of succession, so that a rule right on all of few facts is not given certainty), two decimals; null when the
    /// rule made fewer than <see cref="RulePrecision.MinimumFacts"/> facts.
    /// </summary>
    public double? Confidence => Facts < RulePrecision.MinimumFacts ? null : Math.Round((Correct + 1.0) / (Facts + 2.0), 2);
}

/// <summary>
/// Each rule's precision on a scored corpus: a fact is wrong when the scorer reports an error about it (spurious, a
/// duplicate, or a wrong attribute: a person's title, a meeting's city or date, a quote's speaker), found by its spans,
/// and right otherwise. Money in other currencies (not scored) is not counted. Where the scorer counts values (member
/// counts, attack statistics) and a value is predicted twice with one of them spurious, both count as wrong. Each
/// kind also gets a pooled row (rule "*") over all its rules.
/// </summary>
public static class RulePrecision
{
    /// <summary>The fewest facts a rule must have made for its precision to be given as a confidence.</summary>
    public const int MinimumFacts = 5;

    /// <summary>The rule name of a kind's pooled row: every rule of the kind together.</summary>
    public const string AnyRule = "*";

    /// <param name="report">The score of <paramref name="documents"/> (FactsScorer.Score of the same facts).</param>
    /// <param name="documents">Each document's stem and the facts the pipeline made (with their rules).</param>
    public static IReadOnlyList<RuleTally> Measure(ScoreReport report, IEnumerable<(string Stem, DocumentFacts Facts)> documents)
    {
        var wrong = new HashSet<(string Doc, string Kind, TextSpan Span)>();
        foreach (var score in report.Scores)
        {
            foreach (var e in score.Errors)
            {
                foreach (var span in e.PredictedSpans)
                {
                    wrong.Add((e.Doc, e.Kind, span));
                }
            }
        }

        var tallies = new Dictionary<(string Kind, string Rule), (int Facts, int Correct)>();
        foreach (var (stem, facts) in documents)
        {
            var scored = facts with { Money = facts.Money.Where(m => m.AmountUsd is not null).ToList() };
            foreach (var (kind, rule, spans) in FactKinds.Ruled(scored))
            {
                var key = (kind, rule ?? "unnamed");
                var (n, ok) = tallies.GetValueOrDefault(key);
                var right = !spans.Any(s => wrong.Contains((stem, kind, s)));
                tallies[key] = (n + 1, ok + (right ? 1 : 0));
            }
        }

        // Each kind's rules pooled ("*"): the confidence of a fact whose own rule made too few facts to say.
        foreach (var kind in tallies.Keys.Select(k => k.Kind).Distinct().ToList())
        {
            var all = tallies.Where(kv => kv.Key.Kind == kind).Select(kv => kv.Value).ToList();
            tallies[(kind, AnyRule)] = (all.Sum(x => x.Facts), all.Sum(x => x.Correct));
        }

        return tallies
            .Select(kv => new RuleTally(kv.Key.Kind, kv.Key.Rule, kv.Value.Facts, kv.Value.Correct))
            .OrderBy(t => FactKinds.All.ToList().IndexOf(t.Kind))
            .ThenBy(t => t.Rule, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The table as <c>Data/rule_precision.tsv</c> holds it (kind, rule, facts, correct, confidence).</summary>
    public static string ToTsv(IEnumerable<RuleTally> tallies, string corpus)
    {
        var b = new StringBuilder();
        b.Append("# Each rule's precision on ").Append(corpus).Append(": kind, rule, facts it made, facts right, confidence.\n");
        b.Append("# Written by `dossier evaluate --rules-out FILE` (Dossier.Evaluation.RulePrecision); do not edit by hand.\n");
        b.Append("# kind\trule\tfacts\tcorrect\tconfidence\n");
        foreach (var t in tallies)
        {
            b.Append(t.Kind).Append('\t').Append(t.Rule).Append('\t')
                .Append(t.Facts.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(t.Correct.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(t.Confidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "").Append('\n');
        }

        return b.ToString();
    }
}
