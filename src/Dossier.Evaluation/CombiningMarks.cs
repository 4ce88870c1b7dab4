using System.Globalization;

namespace Dossier.Evaluation;

/// <summary>
/// The code points with a non-zero canonical combining class (Python's <c>unicodedata.combining(c) != 0</c>), read
/// from the embedded <c>Data/combining.txt</c>. score.py's <c>norm()</c> drops exactly these after NFKD; other marks
/// (a spacing vowel sign, the combining grapheme joiner) have class 0 and separate words like any symbol.
/// </summary>
internal static class CombiningMarks
{
    private static readonly (int First, int Last)[] Ranges = Load();

    public static bool IsCombining(int codePoint)
    {
        int lo = 0, hi = Ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var (first, last) = Ranges[mid];
            if (codePoint < first)
            {
                hi = mid - 1;
            }
            else if (codePoint > last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static (int, int)[] Load()
    {
        using var stream = typeof(CombiningMarks).Assembly.GetManifestResourceStream("Dossier.Evaluation.Data.combining.txt")
            ?? throw new InvalidOperationException("embedded resource Data/combining.txt is missing");
        using var reader = new StreamReader(stream);
        var ranges = new List<(int, int)>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split("..");
            var first = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : first;
            ranges.Add((first, last));
        }

        return [.. ranges];
    }
}
