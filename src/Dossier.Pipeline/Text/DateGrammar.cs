using System.Globalization;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>A date expression found at a token position.</summary>
/// <param name="End">Token index after the expression.</param>
/// <param name="Value">Resolved value: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, or null when it needs a reference date that is unknown.</param>
/// <param name="Absolute">The value does not depend on a reference date.</param>
public readonly record struct DateMatch(int Start, int End, string? Value, bool Absolute, bool Future, bool YearOnly);

/// <summary>
/// Grammar of date expressions over tokens: absolute (9 February 2026, February 9, 2026, 24th November, 2022,
/// 2022-05-14), partial (2nd December → --12-02 without a reference year, September 2014, 2014), and
/// relative to a reference date (on Wednesday, this week, In March, last May, next week, yesterday,
/// later this year).
/// </summary>
public static class DateGrammar
{
    /// <summary>The years dates are read in.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2100;

    public static bool TryMatch(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var kb = doc.Knowledge;
        match = default;
        var t = tokens[i];
        if (reference is { } given && (given.Year < MinYear || given.Year > MaxYear))
        {
            // A reference outside the years dates are read in (published 0001-01-01 or 9999-12-31) resolves nothing:
            // "next week" from 9999-12-31 is no date.
            reference = null;
        }

        // ISO: 2022-05-14
        if (t.IsNumber && t.Length == 4 && i + 4 < limit && tokens[i + 1].Norm == "-" && tokens[i + 2].IsNumber && tokens[i + 3].Norm == "-" && tokens[i + 4].IsNumber
            && Adjacent(tokens, i, i + 4)
            && TryDate(Int(t, text), Int(tokens[i + 2], text), Int(tokens[i + 4], text), out var iso))
        {
            match = new DateMatch(i, i + 5, iso, true, false, false);
            return true;
        }

        // Day Month [,] [Year]: 9 February 2026, 24th November, 2022, 2nd December, 2 of March
        if (t.IsNumber && DayOf(t, text) is { } day && i + 1 < limit)
        {
            var j = i + 1;
            if (tokens[j].Norm == "of" && j + 1 < limit)
            {
                j++;
            }

            if (MonthAt(doc, j) is { } month)
            {
                var end = j + 1;
                var year = YearAfter(doc, end, limit, out var yearEnd);
                if (year is not null)
                {
                    end = yearEnd;
                }

                match = new DateMatch(i, end, Compose(year, month, day, reference, Future(doc, i)), year is not null, false, false);
                return true;
            }
        }

        // Month Day[,] [Year] | Month [of] Year | Month (after in/last/next/this/early/late/since/until/by)
        if (MonthAt(doc, i) is { } m)
        {
            var j = i + 1;
            if (j < limit && tokens[j].Norm == "." && tokens[j].Start == t.End)
            {
                j++;
            }

            if (j < limit && tokens[j].IsNumber && DayOf(tokens[j], text) is { } d && !(tokens[j].Length == 4))
            {
                var end = j + 1;
                var year = YearAfter(doc, end, limit, out var yearEnd);
                if (year is not null)
                {
                    end = yearEnd;
                }

                match = new DateMatch(i, end, Compose(year, m, d, reference, Future(doc, i)), year is not null, false, false);
                return true;
            }

            var k = j < limit && tokens[j].Norm == "of" ? j + 1 : j;
            if (k < limit && YearOf(tokens[k], text) is { } y)
            {
                match = new DateMatch(i, k + 1, string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}"), true, false, false);
                return true;
            }

            var prev = i > 0 ? tokens[i - 1].Norm : "";
            if (prev is "in" or "last" or "next" or "this" or "early" or "late" or "mid" or "since" or "until" or "by" or "during" or "of" or "from")
            {
                var start = prev is "last" or "next" or "this" ? i - 1 : i;
                var future = prev == "next" || (prev != "last" && Future(doc, i));
                string? value = null;
                if (reference is { } r)
                {
                    var year = r.Year;
                    if (prev == "last")
                    {
                        year = m < r.Month ? r.Year : r.Year - 1;
                    }
                    else if (future)
                    {
                        year = m >= r.Month ? r.Year : r.Year + 1;
                    }
                    else if (m > r.Month)
                    {
                        year = r.Year - 1;
                    }

                    value = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}");
                }

                match = new DateMatch(start, i + 1, value, false, future, false);
                return true;
            }
        }

        // Weekday: (on|last|next|this)? Wednesday
        if (kb.Calendar.TryGetValue(t.Norm, out var cal) && cal.Kind == "weekday" && t.IsCapitalized(text))
        {
            var prev = i > 0 ? tokens[i - 1].Norm : "";
            var start = prev is "on" or "last" or "next" or "this" ? i - 1 : i;
            var future = prev == "next" || (prev != "last" && Future(doc, i));
            string? value = null;
            if (reference is { } r)
            {
                var dow = (int)r.DayOfWeek;
                var date = future
                    ? r.AddDays(((cal.Number - dow) + 7) % 7 == 0 ? 7 : ((cal.Number - dow) + 7) % 7)
                    : r.AddDays(-(((dow - cal.Number) + 7) % 7));
                if (prev == "last" && date == r)
                {
                    date = r.AddDays(-7);
                }

                value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            match = new DateMatch(start, i + 1, value, false, future, false);
            return true;
        }

        // Relative words: yesterday, today, tomorrow; (this|last|next|later this|earlier this) (week|month|year)
        if (t.Norm is "yesterday" or "today" or "tomorrow")
        {
            var offset = t.Norm switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
            var value = reference?.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            match = new DateMatch(i, i + 1, value, false, offset > 0, false);
            return true;
        }

        if (t.Norm is "this" or "last" or "next" or "past" && i + 1 < limit && tokens[i + 1].Norm is "week" or "month" or "year")
        {
            var start = i;
            if (t.Norm == "this" && i > 0 && tokens[i - 1].Norm is "later" or "earlier")
            {
                start = i - 1;
            }

            var unit = tokens[i + 1].Norm;
            var dir = t.Norm switch { "last" or "past" => -1, "next" => 1, _ => 0 };
            var future = dir > 0 || (start < i && tokens[start].Norm == "later");
            string? value = null;
            if (reference is { } r)
            {
                value = unit switch
                {
                    "week" => r.AddDays(7 * dir).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    "month" => r.AddMonths(dir).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => (r.Year + dir).ToString("D4", CultureInfo.InvariantCulture),
                };
            }

            match = new DateMatch(start, i + 2, value, false, future, unit == "year");
            return true;
        }

        // A year alone: in 2014, the 2022 meeting
        if (YearOf(t, text) is { } yearOnly && !(i + 1 < limit && tokens[i + 1].Norm is "-" or "%" or "," && i + 2 < limit && tokens[i + 2].IsNumber))
        {
            if (i + 1 < limit && (tokens[i + 1].Norm is "%" or "percent" || (tokens[i + 1].Norm == "-" && i + 2 < limit && tokens[i + 2].Norm is "member" or "members")))
            {
                return false;
            }

            match = new DateMatch(i, i + 1, yearOnly.ToString("D4", CultureInfo.InvariantCulture), true, false, true);
            return true;
        }

        return false;
    }

    /// <summary>Parses an ISO date (YYYY-MM-DD) or any absolute date form of the grammar.</summary>
    public static DateOnly? ParseIso(string? value) =>
        value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool Future(AnnotatedDocument doc, int i)
    {
        // "will", "to be held", "next", "upcoming", "scheduled" shortly before the expression.
        var tokens = doc.Tokens;
        var sentence = doc.TokenSentence.Length > i ? doc.Sentences[doc.TokenSentence[i]] : null;
        var from = Math.Max(sentence?.TokenStart ?? 0, i - 8);
        for (var k = i - 1; k >= from; k--)
        {
            var n = tokens[k].Norm;
            if (n is "will" or "upcoming" or "scheduled" or "next" or "planned" or "forthcoming" or "shall")
            {
                return true;
            }

            if (n is "was" or "were" or "had" or "held" or "took" or "met" or "has" or "have" or "said")
            {
                return false;
            }
        }

        return false;
    }

    private static string? Compose(int? year, int month, int day, DateOnly? reference, bool future)
    {
        if (year is { } y)
        {
            return TryDate(y, month, day, out var v) ? v : null;
        }

        if (reference is { } r)
        {
            var yy = r.Year;
            if (!future && (month > r.Month + 1 || (month == r.Month + 1 && day > r.Day)))
            {
                yy--;
            }
            else if (future && (month < r.Month || (month == r.Month && day < r.Day)))
            {
                yy++;
            }

            if (TryDate(yy, month, day, out var v))
            {
                return v;
            }
        }

        // Without a year, a day that no year has ("31 February") is no date; 29 February is (leap years have it).
        return day >= 1 && day <= DateTime.DaysInMonth(2000, month) ? string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}") : null;
    }

    private static bool TryDate(int y, int m, int d, out string value)
    {
        value = "";
        if (y < MinYear || y > MaxYear || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        value = string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}");
        return true;
    }

    private static bool Adjacent(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].End != tokens[k + 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    private static int Int(Token t, string text) =>
        int.TryParse(t.Span(text), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static int? DayOf(Token t, string text)
    {
        var s = t.Span(text);
        if (s.Length > 2 && char.IsLetter(s[^1]))
        {
            s = s[..^2];
        }

        return s.Length <= 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
    }

    private static int? YearOf(Token t, string text) =>
        t.IsNumber && t.Length == 4 && int.TryParse(t.Span(text), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;

    private static int? MonthAt(AnnotatedDocument doc, int i)
    {
        if (i >= doc.Tokens.Count)
        {
            return null;
        }

        var t = doc.Tokens[i];
        if (!t.IsWord || !t.IsCapitalized(doc.Text) || !doc.Knowledge.Calendar.TryGetValue(t.Norm, out var cal) || cal.Kind != "month")
        {
            return null;
        }

        // "May" and "March" need a day, a year or a date preposition; checked by the callers' forms.
        return cal.Number;
    }

    private static int? YearAfter(AnnotatedDocument doc, int j, int limit, out int end)
    {
        end = j;
        var tokens = doc.Tokens;
        if (j < limit && tokens[j].Norm == ",")
        {
            j++;
        }

        if (j < limit && YearOf(tokens[j], doc.Text) is { } y)
        {
            end = j + 1;
            return y;
        }

        return null;
    }
}
