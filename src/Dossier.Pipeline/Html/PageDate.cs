using System.Globalization;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Html;

/// <summary>
/// Reads the calendar day of a date a page states in its metadata: ISO 8601 and its common variants
/// ("2017-11-03 03:01:00.000000", "2019-01-03T07:00:02.000Z"), RFC 1123 and other invariant-culture forms
/// ("Thu, 22 Dec 2016 10:43:37 -0800", "December 22, 2016"), and Unix times in seconds or milliseconds. The day is
/// the one the page wrote (a time with an offset is not moved to UTC).
/// </summary>
public static class PageDate
{
    private static readonly DateOnly Earliest = new(1990, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Month names and abbreviations (<c>Data/calendar.tsv</c>) → month number.</summary>
    private static readonly Dictionary<string, int> Months = DataFiles.ReadRows("calendar.tsv")
        .Where(r => r.Length >= 3 && r[1] == "month")
        .GroupBy(r => r[0].Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => int.Parse(g.First()[2], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words skipped between the parts of a written date ("22nd of December", "July 10, 2015").</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase) { "of", "the" };

    /// <summary>YYYY-MM-DD, or null when the value is no date (or one before 1990 or after 2100).</summary>
    public static string? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        DateOnly? day = null;
        if (IsoDay(s) is { } iso)
        {
            day = iso;
        }
        else if (s.Length is 10 or 13 && s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            var at = s.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            day = DateOnly.FromDateTime(at.UtcDateTime);
        }
        else if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            day = DateOnly.FromDateTime(parsed.DateTime);
        }

        return day is { } d && d >= Earliest && d <= Latest
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A leading YYYY-MM-DD (or YYYY/MM/DD), whatever follows it.</summary>
    private static DateOnly? IsoDay(string s)
    {
        if (s.Length < 10 || !(s[4] is '-' or '/') || s[7] != s[4] || (s.Length > 10 && char.IsAsciiDigit(s[10])))
        {
            return null;
        }

        return int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y is >= 1 and <= 9999 ? y : 2000, m) && y is >= 1 and <= 9999
                ? new DateOnly(y, m, d)
                : null;
    }

    /// <summary>
    /// The first date written out in a short visible text ("Published: July 10, 2015 9:53 am", "22nd December 2016",
    /// "Updated 2019-04-29"), as YYYY-MM-DD; null when there is none.
    /// </summary>
    public static string? FindInText(string text)
    {
        var tokens = Tokens(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length == 10 && IsoDay(tokens[i]) is { } iso && Valid(iso.Year, iso.Month, iso.Day) is { } isoText)
            {
                return isoText;
            }

            // Month Day Year, or Day Month Year.
            if (i + 2 < tokens.Count && TryDay(tokens[i + 1], out var day1) && Months.TryGetValue(tokens[i], out var month1) && TryYear(tokens[i + 2], out var year1)
                && Valid(year1, month1, day1) is { } a)
            {
                return a;
            }

            if (i + 2 < tokens.Count && TryDay(tokens[i], out var day2) && Months.TryGetValue(tokens[i + 1], out var month2) && TryYear(tokens[i + 2], out var year2)
                && Valid(year2, month2, day2) is { } b)
            {
                return b;
            }
        }

        return null;
    }

    /// <summary>Words and numbers of a text (punctuation and filler words dropped); ISO dates kept whole.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && text[i] is '-' or '/' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i - 1])));
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var token = text[start..i];
                if (!Fillers.Contains(token))
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }

    private static bool TryDay(string token, out int day)
    {
        var digits = token.Length > 2 && token[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th" ? token[..^2] : token;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out day) && digits.Length <= 2 && day is >= 1 and <= 31;
    }

    private static bool TryYear(string token, out int year)
    {
        year = 0;
        return token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    private static string? Valid(int year, int month, int day)
    {
        if (day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month))
        {
            return null;
        }

        var d = new DateOnly(year, month, day);
        return d >= Earliest && d <= Latest ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }
}
