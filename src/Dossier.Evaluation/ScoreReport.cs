using System.Globalization;

namespace Dossier.Evaluation;

/// <summary>Precision, recall and F1 of one kind of fact, and the accuracy of its attributes.</summary>
public sealed class KindScore(string kind)
{
    public string Kind { get; } = kind;
    public int Tp { get; internal set; }
    public int Fp { get; internal set; }
    public int Fn { get; internal set; }
    internal SortedDictionary<string, int> AttrCorrect { get; } = new(StringComparer.Ordinal);
    internal SortedDictionary<string, int> AttrJudged { get; } = new(StringComparer.Ordinal);

    /// <summary>The attributes in the order they were first judged (score.py's <c>--json</c> keeps that order).</summary>
    internal List<string> AttrOrder { get; } = [];

    /// <summary>The error lines of score.py's <c>--verbose</c> list for this kind, in its order.</summary>
    public List<ScoreError> Errors { get; } = [];

    /// <summary>Attribute name → (correct, judged).</summary>
    public IReadOnlyDictionary<string, (int Correct, int Judged)> Attributes =>
        AttrJudged.ToDictionary(kv => kv.Key, kv => (AttrCorrect.GetValueOrDefault(kv.Key), kv.Value), StringComparer.Ordinal);

    public double Precision => Tp + Fp > 0 ? (double)Tp / (Tp + Fp) : (Fn == 0 ? 1.0 : 0.0);

    public double Recall => Tp + Fn > 0 ? (double)Tp / (Tp + Fn) : 1.0;

    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0.0;

    internal void Judge(string attribute, bool ok)
    {
        if (!AttrJudged.ContainsKey(attribute))
        {
            AttrOrder.Add(attribute);
        }

        AttrJudged[attribute] = AttrJudged.GetValueOrDefault(attribute) + 1;
        if (ok)
        {
            AttrCorrect[attribute] = AttrCorrect.GetValueOrDefault(attribute) + 1;
        }
        else
        {
            AttrCorrect.TryAdd(attribute, 0);
        }
    }
}

/// <summary>The result of scoring predictions against gold, as <c>score.py</c> computes it.</summary>
public sealed class ScoreReport
{
    public static readonly IReadOnlyList<string> Kinds =
        ["countries", "people", "organizations", "meetings", "member_counts", "new_members", "money", "quotes", "attack_stats"];

    public IReadOnlyList<KindScore> Scores { get; } = Kinds.Select(k => new KindScore(k)).ToList();
    public int RelevantOk { get; internal set; }
    public int RelevantN { get; internal set; }
    public int PublishedOk { get; internal set; }
    public int PublishedN { get; internal set; }
    public int ProvenanceValid { get; internal set; }
    public int ProvenanceInvalid { get; internal set; }
    public int ProvenanceMissing { get; internal set; }
    public int ProvenanceItems { get; internal set; }

    /// <summary>Whether provenance was checked (the texts were given).</summary>
    public bool ProvenanceChecked { get; internal set; }

    /// <summary>Messages about unreadable or missing predictions (score.py prints them to stderr).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The original text of each scored document that had one, by stem (to show errors in their sentences).</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    public KindScore this[string kind] => Scores.First(s => s.Kind == kind);

    /// <summary>Macro average of the F1 of the nine kinds (summed in order, as score.py does).</summary>
    public double OverallF1
    {
        get
        {
            var sum = 0.0;
            foreach (var s in Scores)
            {
                sum += s.F1;
            }

            return sum / Scores.Count;
        }
    }

    public double AttributeAccuracy
    {
        get
        {
            var n = Scores.Sum(s => s.AttrJudged.Values.Sum());
            return n == 0 ? 1.0 : (double)Scores.Sum(s => s.AttrCorrect.Values.Sum()) / n;
        }
    }

    public int ProvenanceJudged => ProvenanceValid + ProvenanceInvalid + ProvenanceMissing;

    public double Provenance => ProvenanceJudged == 0 ? 0.0 : (double)ProvenanceValid / ProvenanceJudged;

    /// <summary>The summary line, as the last line of score.py.</summary>
    public string SummaryLine
    {
        get
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"overall F1 {PyRepr.Fixed3(OverallF1)} (macro over {Kinds.Count} kinds), attribute accuracy {PyRepr.Fixed3(AttributeAccuracy)}");
            if (ProvenanceChecked)
            {
                line += string.Create(CultureInfo.InvariantCulture, $", provenance {PyRepr.Fixed3(Provenance)} of {ProvenanceJudged} items valid");
            }

            return line;
        }
    }

    /// <summary>
    /// Prints the table, the relevance/publication line, the errors (when verbose) and the summary line like score.py.
    /// With <paramref name="sentences"/>, each error line is followed by the sentences that show it
    /// (<see cref="ErrorContext"/>), each on a line of its own that starts with <see cref="ContextPrefix"/>.
    /// </summary>
    public void Print(TextWriter writer, bool verbose = false, bool sentences = false)
    {
        writer.WriteLine($"{"field",-15}{"P",7}{"R",7}{"F1",7}   tp/fp/fn    attributes");
        foreach (var s in Scores)
        {
            var attrs = string.Join(", ", s.AttrJudged.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {s.AttrCorrect.GetValueOrDefault(kv.Key)}/{kv.Value}")));
            var counts = string.Create(CultureInfo.InvariantCulture, $"{s.Tp}/{s.Fp}/{s.Fn,-6}");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Kind,-15}{PyRepr.Fixed3(s.Precision),7}{PyRepr.Fixed3(s.Recall),7}{PyRepr.Fixed3(s.F1),7}   {counts} {attrs}"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"relevant       {RelevantOk}/{RelevantN}   published {PublishedOk}/{PublishedN}"));
        if (verbose)
        {
            var locators = new Dictionary<string, SentenceLocator>(StringComparer.Ordinal);
            foreach (var s in Scores)
            {
                foreach (var e in s.Errors)
                {
                    writer.WriteLine("  " + e.Line);
                    if (sentences && Texts.TryGetValue(e.Doc, out var text))
                    {
                        if (!locators.TryGetValue(e.Doc, out var locator))
                        {
                            locators[e.Doc] = locator = new SentenceLocator(text);
                        }

                        foreach (var line in ErrorContext.Lines(e, locator))
                        {
                            writer.WriteLine(ContextPrefix + line);
                        }
                    }
                }
            }
        }

        writer.WriteLine(SummaryLine);
    }

    /// <summary>What starts a sentence line under an error (score.py's own lines start with two spaces and a stem).</summary>
    public const string ContextPrefix = "      | ";
}
