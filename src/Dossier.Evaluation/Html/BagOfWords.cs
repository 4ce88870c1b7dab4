namespace Dossier.Evaluation.Html;

/// <summary>
/// Bag-of-words F1 of two texts: words are runs of letters, digits, combining marks and '_' (as Python's <c>\w+</c>),
/// lower-cased, counted with their multiplicity; order and layout do not matter.
/// </summary>
public static class BagOfWords
{
    /// <summary>The words of a text with their counts.</summary>
    public static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && IsWordChar(text[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                var w = text[start..i].ToLowerInvariant();
                counts[w] = counts.GetValueOrDefault(w) + 1;
                start = -1;
            }
        }

        return counts;
    }

    /// <summary>F1 of the predicted text's words against the expected text's (1 when both have none).</summary>
    public static double F1(string predicted, string expected)
    {
        var p = Count(predicted);
        var e = Count(expected);
        var pTotal = p.Values.Sum();
        var eTotal = e.Values.Sum();
        if (pTotal == 0 || eTotal == 0)
        {
            return pTotal == eTotal ? 1.0 : 0.0;
        }

        var overlap = p.Sum(kv => Math.Min(kv.Value, e.GetValueOrDefault(kv.Key)));
        var precision = (double)overlap / pTotal;
        var recall = (double)overlap / eTotal;
        return overlap == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
