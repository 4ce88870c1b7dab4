using System.Globalization;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// Each rule's measured precision (<c>Data/rule_precision.tsv</c>, written by <c>dossier evaluate --rules-out</c> on the
/// dev corpus): for a kind of fact and the rule that made it, how many facts the rule made there, how many were right
/// (neither spurious nor wrong in an attribute the scorer checks) and the confidence a fact of that rule gets, empty
/// when the rule made too few facts to say; then the kind's pooled row (rule "*") gives it. A fact of a kind the table
/// does not measure has no confidence (null).
/// </summary>
public sealed class RulePrecisionTable
{
    private readonly Dictionary<(string Kind, string Rule), double> _confidence = [];

    public static RulePrecisionTable Empty { get; } = new();

    public int Count => _confidence.Count;

    /// <summary>Rows: kind, rule, facts, correct, confidence (as the tool computed it: Dossier.Evaluation.RulePrecision).</summary>
    public static RulePrecisionTable Load(IEnumerable<string[]> rows)
    {
        var table = new RulePrecisionTable();
        foreach (var r in rows)
        {
            if (r.Length > 4 && double.TryParse(r[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var c))
            {
                table._confidence[(r[0], r[1])] = c;
            }
        }

        return table;
    }

    /// <summary>The confidence of a fact of <paramref name="kind"/> made by <paramref name="rule"/>, or null when unmeasured.</summary>
    /// <remarks>A rule measured on too few facts takes its kind's pooled confidence (the row of rule "*").</remarks>
    public double? Of(string kind, string? rule) =>
        rule is not null && _confidence.TryGetValue((kind, rule), out var c) ? c
        : _confidence.TryGetValue((kind, "*"), out var pooled) ? pooled : null;
}
