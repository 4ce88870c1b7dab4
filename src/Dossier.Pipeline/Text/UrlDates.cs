using System.Globalization;

namespace Dossier.Pipeline.Text;

/// <summary>
/// A full date in the path of a page's address (never the host, query or fragment), read from its runs of digits:
/// <list type="number">
/// <item>year, month and day as three runs with one separator (/ - _ .) between them: <c>/2014/09/05/</c>,
/// <c>/2023-01/19/</c>, <c>-2016-05-04-</c>;</item>
/// <item>a run of exactly eight digits: YYYYMMDD (<c>-20160504</c>), else DDMMYYYY when only that reading is a date
/// (<c>10022026</c> is 10 February 2026; <c>20160504</c> cannot be read day-first, so the two never compete);</item>
/// <item>a run of ten or more digits, a story number, that starts with YYYYMMDD (<c>stories/202306090228</c>).</item>
/// </list>
/// Not dates: a month only (<c>/2024/02/</c>, <c>july17</c>), six digits (<c>170404</c> could be any order), nine
/// digits. Years are read from 1990 to 2100.
/// </summary>
public static class UrlDates
{
    private const int MinYear = 1990;
    private const int MaxYear = 2100;

    /// <summary>The date (YYYY-MM-DD) the address's path gives, or null.</summary>
    public static string? Find(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = uri.AbsolutePath;
        var runs = DigitRuns(path);
        for (var r = 0; r < runs.Count; r++)
        {
            var (start, end) = runs[r];
            var digits = path.AsSpan(start, end - start);
            if (digits.Length == 4 && r + 2 < runs.Count && ThreeParts(path, runs[r], runs[r + 1], runs[r + 2]) is { } parts)
            {
                return parts;
            }

            if (digits.Length == 8)
            {
                if (Compose(Int(digits[..4]), Int(digits[4..6]), Int(digits[6..8])) is { } ymd)
                {
                    return ymd;
                }

                if (Compose(Int(digits[4..8]), Int(digits[2..4]), Int(digits[..2])) is { } dmy)
                {
                    return dmy;
                }
            }

            if (digits.Length >= 10 && Compose(Int(digits[..4]), Int(digits[4..6]), Int(digits[6..8])) is { } story)
            {
                return story;
            }
        }

        return null;
    }

    private static string? ThreeParts(string path, (int Start, int End) year, (int Start, int End) month, (int Start, int End) day)
    {
        if (!OneSeparator(path, year.End, month.Start) || !OneSeparator(path, month.End, day.Start)
            || month.End - month.Start > 2 || day.End - day.Start > 2)
        {
            return null;
        }

        return Compose(Int(path.AsSpan(year.Start, 4)), Int(path.AsSpan(month.Start, month.End - month.Start)), Int(path.AsSpan(day.Start, day.End - day.Start)));
    }

    private static bool OneSeparator(string path, int from, int to) => to == from + 1 && path[from] is '/' or '-' or '_' or '.';

    private static List<(int Start, int End)> DigitRuns(string path)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < path.Length)
        {
            if (!char.IsAsciiDigit(path[i]))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < path.Length && char.IsAsciiDigit(path[j]))
            {
                j++;
            }

            runs.Add((i, j));
            i = j;
        }

        return runs;
    }

    private static int Int(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static string? Compose(int y, int m, int d) =>
        y is >= MinYear and <= MaxYear && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}")
            : null;
}
