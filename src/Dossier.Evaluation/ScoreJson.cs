using System.Globalization;
using System.Text;

namespace Dossier.Evaluation;

/// <summary>
/// The report that <c>score.py --json OUT.json</c> writes, byte for byte: <c>json.dump(report, f, indent=2)</c> of
/// each kind's precision, recall, F1, tp/fp/fn and attributes (in the order first judged), then the overall F1, the
/// attribute accuracy and, when the texts were given, the provenance share. Floats are Python reprs; no final newline.
/// </summary>
public static class ScoreJson
{
    public static string Serialize(ScoreReport report)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var s in report.Scores)
        {
            Key(sb, ref first, 1, s.Kind).Append('{');
            var inner = true;
            Key(sb, ref inner, 2, "precision").Append(PyRepr.Float(s.Precision));
            Key(sb, ref inner, 2, "recall").Append(PyRepr.Float(s.Recall));
            Key(sb, ref inner, 2, "f1").Append(PyRepr.Float(s.F1));
            Key(sb, ref inner, 2, "tp").Append(s.Tp.ToString(CultureInfo.InvariantCulture));
            Key(sb, ref inner, 2, "fp").Append(s.Fp.ToString(CultureInfo.InvariantCulture));
            Key(sb, ref inner, 2, "fn").Append(s.Fn.ToString(CultureInfo.InvariantCulture));
            Key(sb, ref inner, 2, "attributes").Append('{');
            var attributes = true;
            foreach (var a in s.AttrOrder)
            {
                Key(sb, ref attributes, 3, a).Append('[');
                Indent(sb, 4).Append(s.AttrCorrect.GetValueOrDefault(a).ToString(CultureInfo.InvariantCulture)).Append(',');
                Indent(sb, 4).Append(s.AttrJudged[a].ToString(CultureInfo.InvariantCulture));
                Indent(sb, 3).Append(']');
            }

            Close(sb, attributes, 2, '}');
            Close(sb, inner, 1, '}');
        }

        Key(sb, ref first, 1, "overall_f1").Append(PyRepr.Float(report.OverallF1));
        Key(sb, ref first, 1, "attribute_accuracy").Append(PyRepr.Float(report.AttributeAccuracy));
        if (report.ProvenanceChecked)
        {
            Key(sb, ref first, 1, "provenance_valid").Append(PyRepr.Float(report.Provenance));
        }

        Close(sb, first, 0, '}');
        return sb.ToString();
    }

    /// <summary>A comma after the previous member, a new line at the depth, and <c>"key": </c>.</summary>
    private static StringBuilder Key(StringBuilder sb, ref bool first, int depth, string key)
    {
        if (!first)
        {
            sb.Append(',');
        }

        first = false;
        return Indent(sb, depth).Append('"').Append(key).Append("\": ");
    }

    /// <summary>Closes a container: on its own line unless it is empty (<c>{}</c>).</summary>
    private static void Close(StringBuilder sb, bool empty, int depth, char bracket)
    {
        if (!empty)
        {
            Indent(sb, depth);
        }

        sb.Append(bracket);
    }

    private static StringBuilder Indent(StringBuilder sb, int depth) => sb.Append('\n').Append(' ', 2 * depth);
}
