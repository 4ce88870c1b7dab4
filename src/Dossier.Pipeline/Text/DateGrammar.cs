using System.Globalization;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>A date expression found at a token position.</summary>
/// <param name="End">Token index after the expression.</param>
/// <param name="Value">Resolved value: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, or null when it needs a reference date that is unknown.</param>
/// <param name="Absolute">The value does not depend on a reference date.</param>
public readonly record struct DateMatch(int Start, int End, string? Value, bool Absolute, bool Future, bool YearOnly)
{
    /// <summary>The month the text states or that the expression resolves to (null for a year or an unresolved relative date).</summary>
    public int? Month { get; init; }

    /// <summary>The day of the month the text states or that the expression resolves to.</summary>
    public int? Day { get; init; }

    /// <summary>The year is not written: it was taken from the reference date (or is unknown).</summary>
    public bool YearInferred { get; init; }

    /// <summary>The value read as held: the most recent such date on or before the reference.</summary>
    public string? PastValue { get; init; }

    /// <summary>The value read as announced: the next such date on or after the reference.</summary>
    public string? FutureValue { get; init; }

    /// <summary>A range of days (12–13 May, from June 6 to June 8): the value is its first day.</summary>
    public bool IsRange { get; init; }

    /// <summary>Written in digits only (05/14/2015, 17-08-2025, 2021-06-25).</summary>
    public bool Numeric { get; init; }
}

/// <summary>
/// Grammar of date expressions over tokens: absolute (9 February 2026, February 9, 2026, 24th November, 2022,
/// 2022-05-14, 05.03.2019, 17-08-2025, 05/14/2015 — see <see cref="NumericDates"/>), ranges of days (12–13 May,
/// May 12-13, July 23 and 24, from June 6 to June 8: the first day), partial (2nd December → --12-02 without a
/// reference year, September 2014, mid-May, late June), years in a date context (in 2014, since 2014, 2014's,
/// the 2021 goal; never "2100 troops"), and dates relative to a reference (on Wednesday, this week, In March,
/// last May, next week, yesterday, later this year). A year-less date carries both readings, held and announced;
/// its value follows the context words (will, upcoming, to be held → announced).
/// </summary>
public static class DateGrammar
{
    /// <summary>The years dates are read in.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2100;

    /// <summary>How far back the context words of a date are looked for.</summary>
    private const int ContextWindow = 8;

    /// <summary>The longest range of days read as one date (a meeting of a few days).</summary>
    private const int MaxRangeDays = 14;

    public static bool TryMatch(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        match = default;
        if (i >= limit || i >= doc.Tokens.Count)
        {
            return false;
        }

        if (reference is { } given && (given.Year < MinYear || given.Year > MaxYear))
        {
            // A reference outside the years dates are read in (published 0001-01-01 or 9999-12-31) resolves nothing:
            // "next week" from 9999-12-31 is no date.
            reference = null;
        }

        // A weekday before a date belongs to it: "Tuesday, October 14, 2014", "Wednesday 11 May".
        if (IsWeekday(doc, i))
        {
            var j = i + 1 < limit && doc.Tokens[i + 1].Norm == "," ? i + 2 : i + 1;
            if (j < limit && TryCalendarDate(doc, j, limit, reference, out var dated))
            {
                match = dated with { Start = i };
                return true;
            }
        }

        return TryCalendarDate(doc, i, limit, reference, out match)
            || TryMonth(doc, i, limit, reference, out match)
            || TryWeekday(doc, i, reference, out match)
            || TryRelative(doc, i, limit, reference, out match)
            || TryYear(doc, i, limit, out match);
    }

    /// <summary>Parses an ISO date (YYYY-MM-DD).</summary>
    public static DateOnly? ParseIso(string? value) =>
        value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The year-less date (month, day) read against a reference: held (the most recent on or before it), announced
    /// (the next on or after it), and the default value — announced in a future context, else held, except that a
    /// date up to a month after the reference is taken as this year's (a date just ahead is an announced one).
    /// Without a reference every reading is <c>--MM-DD</c>; a day no year has (31 February) is no date.
    /// </summary>
    public static (string? Value, string? Past, string? Future) ResolvePartial(int month, int day, DateOnly? reference, bool future)
    {
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return (null, null, null);
        }

        if (reference is not { } r)
        {
            var partial = string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}");
            return (partial, partial, partial);
        }

        var pastYear = (month, day).CompareTo((r.Month, r.Day)) <= 0 ? r.Year : r.Year - 1;
        var futureYear = (month, day).CompareTo((r.Month, r.Day)) >= 0 ? r.Year : r.Year + 1;
        var past = Existing(pastYear, month, day, -1);
        var next = Existing(futureYear, month, day, 1);
        if (future)
        {
            return (next, past, next);
        }

        var lenientYear = month > r.Month + 1 || (month == r.Month + 1 && day > r.Day) ? r.Year - 1 : r.Year;
        return (Existing(lenientYear, month, day, -1), past, next);
    }

    private static bool TryCalendarDate(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match) =>
        TryYearFirst(doc, i, limit, out match)
        || TryDotted(doc, i, out match)
        || TrySeparatedDigits(doc, i, limit, out match)
        || TryDayMonth(doc, i, limit, reference, out match)
        || TryMonthDay(doc, i, limit, reference, out match);

    // 2022-05-14, 2022/05/14
    private static bool TryYearFirst(AnnotatedDocument doc, int i, int limit, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (!(t.IsNumber && t.Length == 4 && i + 4 < limit && tokens[i + 1].Norm is "-" or "/" && tokens[i + 3].Norm == tokens[i + 1].Norm
            && tokens[i + 2].IsNumber && tokens[i + 2].Length <= 2 && tokens[i + 4].IsNumber && tokens[i + 4].Length <= 2 && Adjacent(tokens, i, i + 4)))
        {
            return false;
        }

        return Full(Int(t, doc.Text), Int(tokens[i + 2], doc.Text), Int(tokens[i + 4], doc.Text), i, i + 5, numeric: true, out match);
    }

    // 05.03.2019 (one number token), 2019.03.05
    private static bool TryDotted(AnnotatedDocument doc, int i, out DateMatch match)
    {
        match = default;
        var t = doc.Tokens[i];
        if (!t.IsNumber)
        {
            return false;
        }

        var parts = t.Norm.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 4 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        if (parts[0].Length == 4 && parts[1].Length <= 2 && parts[2].Length <= 2)
        {
            return Full(Int(parts[0]), Int(parts[1]), Int(parts[2]), i, i + 1, numeric: true, out match);
        }

        if (parts[2].Length == 4 && parts[0].Length <= 2 && parts[1].Length <= 2 && NumericDates.Read(doc, Int(parts[0]), Int(parts[1]), '.') is { } md)
        {
            return Full(Int(parts[2]), md.Month, md.Day, i, i + 1, numeric: true, out match);
        }

        return false;
    }

    // 05/14/2015, 17-08-2025, 8/8/2024
    private static bool TrySeparatedDigits(AnnotatedDocument doc, int i, int limit, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (!(t.IsNumber && t.Length <= 2 && i + 4 < limit && tokens[i + 1].Norm is "/" or "-" && tokens[i + 3].Norm == tokens[i + 1].Norm
            && tokens[i + 2].IsNumber && tokens[i + 2].Length <= 2 && tokens[i + 4].IsNumber && tokens[i + 4].Length == 4 && Adjacent(tokens, i, i + 4)))
        {
            return false;
        }

        var separator = tokens[i + 1].Norm[0];
        return NumericDates.Read(doc, Int(t, doc.Text), Int(tokens[i + 2], doc.Text), separator) is { } md
            && Full(Int(tokens[i + 4], doc.Text), md.Month, md.Day, i, i + 5, numeric: true, out match);
    }

    // 9 February 2026, 24th November, 2022, 2nd December, 2 of March, 12–13 May, 30 June – 2 July 2023, 14-Feb-2023
    private static bool TryDayMonth(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        if (!tokens[i].IsNumber || DayOf(tokens[i], doc.Text) is not { } day || i + 1 >= limit)
        {
            return false;
        }

        var j = i + 1;
        if (j + 3 < limit && tokens[j].Norm == "-" && tokens[j + 2].Norm == "-" && Adjacent(tokens, i, j + 3) && MonthAt(doc, j + 1) is { } hyphenMonth
            && YearOf(tokens[j + 3], doc.Text) is { } hyphenYear)
        {
            // 14-Feb-2023
            return Full(hyphenYear, hyphenMonth, day, i, j + 4, numeric: false, out match);
        }

        var range = false;
        if (IsRangeWord(doc, j) && j + 2 < limit && DayOf(tokens[j + 1], doc.Text) is { } lastDay && lastDay > day && lastDay - day <= MaxRangeDays
            && tokens[j + 1].IsNumber && MonthAt(doc, j + 2) is not null)
        {
            range = true;
            j += 2;
        }
        else if (tokens[j].Norm == "of" && j + 1 < limit)
        {
            j++;
        }

        if (MonthAt(doc, j) is not { } month)
        {
            return false;
        }

        var end = AfterMonth(doc, j, limit);
        var year = YearAfter(doc, end, limit, out var yearEnd);
        if (year is not null)
        {
            end = yearEnd;
        }
        else if (!range && RangeTail(doc, end, limit, dayFirst: true) is { } tail)
        {
            // 30 June – 2 July 2023: the year written at the end is the first day's too.
            range = true;
            end = tail.End;
            year = tail.Year is { } y && tail.Month < month ? y - 1 : tail.Year;
        }

        return Compose(doc, i, end, year, month, day, reference, range, out match);
    }

    // February 9, 2026, Sept. 5, May 12-13, July 23 and 24, from June 6 to June 8, June 30-July 2, 2023
    private static bool TryMonthDay(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        if (MonthAt(doc, i) is not { } month)
        {
            return false;
        }

        var j = AfterMonth(doc, i, limit);
        if (j >= limit || !tokens[j].IsNumber || YearOf(tokens[j], doc.Text) is not null || DayOf(tokens[j], doc.Text) is not { } day)
        {
            return false;
        }

        var end = j + 1;
        var range = false;
        int? tailYear = null;
        var tailMonth = month;
        if (IsRangeWord(doc, end) && end + 1 < limit && tokens[end + 1].IsNumber && tokens[end + 1].Length <= 4
            && DayOf(tokens[end + 1], doc.Text) is { } lastDay && lastDay > day && lastDay - day <= MaxRangeDays)
        {
            range = true;
            end += 2;
        }
        else if (RangeTail(doc, end, limit, dayFirst: false) is { } tail)
        {
            range = true;
            end = tail.End;
            tailYear = tail.Year;
            tailMonth = tail.Month;
        }

        var year = YearAfter(doc, end, limit, out var yearEnd);
        if (year is not null)
        {
            end = yearEnd;
        }
        else if (tailYear is { } y)
        {
            year = tailMonth < month ? y - 1 : y;
        }

        return Compose(doc, i, end, year, month, day, reference, range, out match);
    }

    /// <summary>"- 2 July [2023]" / "to July 2[, 2023]" after a first day and month: the end of a range across months.</summary>
    private static (int End, int Month, int? Year)? RangeTail(AnnotatedDocument doc, int k, int limit, bool dayFirst)
    {
        var tokens = doc.Tokens;
        if (!IsRangeWord(doc, k) || tokens[k].Norm == "and" || k + 2 >= limit)
        {
            return null;
        }

        int month;
        int end;
        if (dayFirst)
        {
            if (!tokens[k + 1].IsNumber || DayOf(tokens[k + 1], doc.Text) is null || MonthAt(doc, k + 2) is not { } m)
            {
                return null;
            }

            month = m;
            end = AfterMonth(doc, k + 2, limit);
        }
        else
        {
            if (MonthAt(doc, k + 1) is not { } m)
            {
                return null;
            }

            var d = AfterMonth(doc, k + 1, limit);
            if (d >= limit || !tokens[d].IsNumber || YearOf(tokens[d], doc.Text) is not null || DayOf(tokens[d], doc.Text) is null)
            {
                return null;
            }

            month = m;
            end = d + 1;
        }

        var year = YearAfter(doc, end, limit, out var yearEnd);
        return (year is null ? end : yearEnd, month, year);
    }

    private static bool Compose(AnnotatedDocument doc, int start, int end, int? year, int month, int day, DateOnly? reference, bool range, out DateMatch match)
    {
        match = default;
        if (year is { } y)
        {
            if (!TryDate(y, month, day, out var value))
            {
                return false;
            }

            match = new DateMatch(start, end, value, true, false, false) { Month = month, Day = day, PastValue = value, FutureValue = value, IsRange = range };
            return true;
        }

        var future = Future(doc, start);
        var (v, past, next) = ResolvePartial(month, day, reference, future);
        match = new DateMatch(start, end, v, false, future, false)
        {
            Month = month,
            Day = day,
            YearInferred = true,
            PastValue = past,
            FutureValue = next,
            IsRange = range,
        };
        return true;
    }

    private static bool Full(int y, int m, int d, int start, int end, bool numeric, out DateMatch match)
    {
        match = default;
        if (!TryDate(y, m, d, out var value))
        {
            return false;
        }

        match = new DateMatch(start, end, value, true, false, false) { Month = m, Day = d, PastValue = value, FutureValue = value, Numeric = numeric };
        return true;
    }

    // September 2014, March of 2023; a month after a date word: in March, last May, mid-May, late June, the end of September
    private static bool TryMonth(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        if (MonthAt(doc, i) is not { } m)
        {
            return false;
        }

        var j = AfterMonth(doc, i, limit);
        var k = j < limit && tokens[j].Norm == "of" ? j + 1 : j;
        var start = QualifiedStart(doc, i);
        if (k < limit && YearOf(tokens[k], doc.Text) is { } y)
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}");
            match = new DateMatch(start, k + 1, value, true, false, false) { Month = m, PastValue = value, FutureValue = value };
            return true;
        }

        var prev = ContextBefore(doc, i);
        if (prev is null)
        {
            return false;
        }

        var lexicon = doc.Knowledge.DateCues;
        if (!(prev is "last" or "next" or "this" or "of" || lexicon.Is(prev, "year_strong") || lexicon.Is(prev, "year_weak") || lexicon.Is(prev, "qualifier")))
        {
            return false;
        }

        if (prev is "to" or "through" && !MonthBefore(doc, i - 1))
        {
            // "from March to May" is a month; "Protesters to March" is a verb.
            return false;
        }

        if (prev is "last" or "next" or "this")
        {
            start = i - 1;
        }

        // "by September" is a deadline: announced unless a past cue says otherwise ("had left by September").
        var tense = Tense(doc, start);
        var future = prev == "next" || (prev != "last" && (tense > 0 || (lexicon.Is(prev, "deadline") && tense == 0)));
        string? resolved = null;
        string? past = null;
        string? next = null;
        if (reference is { } r)
        {
            var pastYear = m <= r.Month ? r.Year : r.Year - 1;
            var futureYear = m >= r.Month ? r.Year : r.Year + 1;
            var year = prev switch
            {
                "last" => m < r.Month ? r.Year : r.Year - 1,
                "next" => m > r.Month ? r.Year : r.Year + 1,
                _ => future ? futureYear : pastYear,
            };
            resolved = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}");
            past = prev == "last" ? resolved : string.Create(CultureInfo.InvariantCulture, $"{pastYear:D4}-{m:D2}");
            next = prev == "next" ? resolved : string.Create(CultureInfo.InvariantCulture, $"{futureYear:D4}-{m:D2}");
        }

        match = new DateMatch(start, i + 1, resolved, false, future, false) { Month = m, YearInferred = true, PastValue = past, FutureValue = next };
        return true;
    }

    /// <summary>A month name among the few tokens before <paramref name="k"/> in its sentence ("from March to").</summary>
    private static bool MonthBefore(AnnotatedDocument doc, int k)
    {
        for (var j = k - 1; j >= Math.Max(0, k - 3) && SameSentence(doc, j, k); j--)
        {
            if (MonthAt(doc, j) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first token of a month's qualifier: "mid-May", "late June", "the end of September" (else the month itself).</summary>
    private static int QualifiedStart(AnnotatedDocument doc, int i)
    {
        var tokens = doc.Tokens;
        var lexicon = doc.Knowledge.DateCues;
        var s = i;
        if (s > 0 && tokens[s - 1].Norm == "-" && s > 1 && lexicon.Is(tokens[s - 2].Norm, "qualifier") && tokens[s - 2].End == tokens[s - 1].Start)
        {
            s -= 2;
        }
        else if (s > 0 && lexicon.Is(tokens[s - 1].Norm, "qualifier"))
        {
            s--;
        }
        else if (s > 1 && tokens[s - 1].Norm == "of" && lexicon.Is(tokens[s - 2].Norm, "period"))
        {
            s -= 2;
        }

        return s > 0 && s < i && tokens[s - 1].Norm == "the" ? s - 1 : s;
    }

    /// <summary>
    /// The context word before a month or year in the same sentence: "mid" for "mid-May", the period word for
    /// "the end of" (as "of"), else the previous token's key.
    /// </summary>
    private static string? ContextBefore(AnnotatedDocument doc, int i)
    {
        if (i == 0 || !SameSentence(doc, i - 1, i))
        {
            return null;
        }

        var tokens = doc.Tokens;
        var prev = tokens[i - 1].Norm;
        if (prev == "-" && i > 1 && tokens[i - 2].End == tokens[i - 1].Start && doc.Knowledge.DateCues.Is(tokens[i - 2].Norm, "qualifier"))
        {
            return tokens[i - 2].Norm;
        }

        if (prev == "of")
        {
            return i > 1 && doc.Knowledge.DateCues.Is(tokens[i - 2].Norm, "period") ? "of" : null;
        }

        return prev;
    }

    // (on|last|next|this)? Wednesday
    private static bool TryWeekday(AnnotatedDocument doc, int i, DateOnly? reference, out DateMatch match)
    {
        match = default;
        if (!IsWeekday(doc, i))
        {
            return false;
        }

        var tokens = doc.Tokens;
        var weekday = doc.Knowledge.Calendar[tokens[i].Norm].Number;
        var prev = i > 0 && SameSentence(doc, i - 1, i) ? tokens[i - 1].Norm : "";
        var start = prev is "on" or "last" or "next" or "this" ? i - 1 : i;
        var future = prev == "next" || (prev != "last" && Future(doc, start));
        if (reference is not { } r)
        {
            match = new DateMatch(start, i + 1, null, false, future, false) { YearInferred = true };
            return true;
        }

        var dow = (int)r.DayOfWeek;
        var back = (dow - weekday + 7) % 7;
        var past = r.AddDays(prev == "last" && back == 0 ? -7 : -back);
        var ahead = (weekday - dow + 7) % 7;
        var next = r.AddDays(ahead == 0 ? 7 : ahead);
        var date = future ? next : past;
        match = new DateMatch(start, i + 1, Iso(date), false, future, false)
        {
            Month = date.Month,
            Day = date.Day,
            YearInferred = true,
            PastValue = Iso(past),
            FutureValue = Iso(next),
        };
        return true;
    }

    // yesterday, today, tomorrow; (this|last|next|past|later this|earlier this) (week|month|year)
    private static bool TryRelative(AnnotatedDocument doc, int i, int limit, DateOnly? reference, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        var t = tokens[i];
        if (t.Norm is "yesterday" or "today" or "tomorrow")
        {
            var offset = t.Norm switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
            var day = reference?.AddDays(offset);
            var value = day is { } d ? Iso(d) : null;
            match = new DateMatch(i, i + 1, value, false, offset > 0, false)
            {
                Month = day?.Month,
                Day = day?.Day,
                YearInferred = true,
                PastValue = value,
                FutureValue = value,
            };
            return true;
        }

        if (!(t.Norm is "this" or "last" or "next" or "past" && i + 1 < limit && tokens[i + 1].Norm is "week" or "month" or "year"))
        {
            return false;
        }

        var start = i;
        if (t.Norm == "this" && i > 0 && tokens[i - 1].Norm is "later" or "earlier" && SameSentence(doc, i - 1, i))
        {
            start = i - 1;
        }

        var unit = tokens[i + 1].Norm;
        var dir = t.Norm switch { "last" or "past" => -1, "next" => 1, _ => 0 };
        var future = dir > 0 || (start < i && tokens[start].Norm == "later") || (dir == 0 && start == i && Future(doc, i));
        string? resolved = null;
        if (reference is { } r)
        {
            resolved = unit switch
            {
                "week" => Week(r, t.Norm, future),
                "month" => r.AddMonths(dir).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => (r.Year + dir).ToString("D4", CultureInfo.InvariantCulture),
            };
        }

        match = new DateMatch(start, i + 2, resolved, false, future, unit == "year") { YearInferred = true, PastValue = resolved, FutureValue = resolved };
        return true;
    }

    /// <summary>
    /// A week (Monday to Sunday) as precisely as it is known: its month when all its days (the ones before or after the
    /// reference for "this week") are in one month, else its year, else null.
    /// </summary>
    private static string? Week(DateOnly r, string which, bool future)
    {
        var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
        var (from, to) = which switch
        {
            "last" => (monday.AddDays(-7), monday.AddDays(-1)),
            "past" => (r.AddDays(-7), r),
            "next" => (monday.AddDays(7), monday.AddDays(13)),
            _ => future ? (r, monday.AddDays(6)) : (monday, r),
        };

        if (from.Year != to.Year)
        {
            return null;
        }

        return from.Month == to.Month ? from.ToString("yyyy-MM", CultureInfo.InvariantCulture) : from.Year.ToString("D4", CultureInfo.InvariantCulture);
    }

    // A year in a date context: in 2014, since 2014, 2014's, the 2021 goal, mid-2024, the end of 2023, 2014 and 2015
    private static bool TryYear(AnnotatedDocument doc, int i, int limit, out DateMatch match)
    {
        match = default;
        var tokens = doc.Tokens;
        if (YearOf(tokens[i], doc.Text) is not { } year)
        {
            return false;
        }

        var next = i + 1 < limit ? tokens[i + 1].Norm : "";
        if (next is "%" or "percent" || (next == "-" && i + 2 < limit && (tokens[i + 2].IsNumber || tokens[i + 2].Norm is "member" or "members")))
        {
            return false;
        }

        if (!IsYearContext(doc, i, limit))
        {
            return false;
        }

        var value = year.ToString("D4", CultureInfo.InvariantCulture);
        match = new DateMatch(i, i + 1, value, true, false, true) { PastValue = value, FutureValue = value };
        return true;
    }

    private static bool IsYearContext(AnnotatedDocument doc, int i, int limit)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var lexicon = doc.Knowledge.DateCues;

        // 2014's
        if (i + 2 < limit && tokens[i + 1].Norm == "'" && tokens[i + 2].Norm == "s" && Adjacent(tokens, i, i + 2))
        {
            return true;
        }

        var prev = ContextBefore(doc, i);
        if (prev is null)
        {
            return false;
        }

        var pluralAfter = i + 1 < limit && IsPluralNoun(tokens[i + 1], text);
        if (lexicon.Is(prev, "year_strong") || lexicon.Is(prev, "qualifier") || prev == "of")
        {
            return true;
        }

        if (lexicon.Is(prev, "year_weak") || lexicon.Is(prev, "year_determiner"))
        {
            return !pluralAfter && (i + 1 >= limit || !tokens[i + 1].IsNumber);
        }

        // (2014); 2014 and 2015; 2014, 2015
        if (prev == "(")
        {
            return i + 1 < limit && tokens[i + 1].Norm == ")";
        }

        return prev is "and" or "or" or "," or "-" && i > 1 && YearOf(tokens[i - 2], text) is not null && !pluralAfter;
    }

    private static bool IsPluralNoun(Token t, string text)
    {
        if (!t.IsLower(text) || t.Length < 4)
        {
            return false;
        }

        var n = t.Norm;
        return n.EndsWith('s') && !n.EndsWith("ss", StringComparison.Ordinal) && !n.EndsWith("us", StringComparison.Ordinal) && !n.EndsWith("is", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the date at token <paramref name="i"/> is announced: a future cue (will, upcoming, scheduled, to be held)
    /// before it in its sentence, nearer than any past cue (was, held, met, said). "be held" is future.
    /// </summary>
    public static bool Future(AnnotatedDocument doc, int i) => Tense(doc, i) > 0;

    /// <summary>1 when a future cue is nearer before token <paramref name="i"/> in its sentence, -1 for a past cue, 0 for none.</summary>
    private static int Tense(AnnotatedDocument doc, int i)
    {
        var tokens = doc.Tokens;
        var lexicon = doc.Knowledge.DateCues;
        var sentence = doc.TokenSentence.Length > i ? doc.Sentences[doc.TokenSentence[i]] : null;
        var from = Math.Max(sentence?.TokenStart ?? 0, i - ContextWindow);
        for (var k = i - 1; k >= from; k--)
        {
            var n = tokens[k].Norm;
            if (lexicon.Is(n, "future"))
            {
                return 1;
            }

            if (lexicon.Is(n, "past"))
            {
                if (k > from && tokens[k - 1].Norm == "be")
                {
                    continue;
                }

                return -1;
            }
        }

        return 0;
    }

    private static string? Existing(int year, int month, int day, int step)
    {
        // 29 February: the nearest leap year in the direction of the reading.
        for (var y = year; Math.Abs(y - year) <= 8; y += step)
        {
            if (TryDate(y, month, day, out var v))
            {
                return v;
            }
        }

        return null;
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

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool SameSentence(AnnotatedDocument doc, int a, int b) =>
        doc.TokenSentence.Length <= Math.Max(a, b) || doc.TokenSentence[a] == doc.TokenSentence[b];

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

    private static bool IsRangeWord(AnnotatedDocument doc, int k) => k < doc.Tokens.Count && doc.Knowledge.DateCues.Is(doc.Tokens[k].Norm, "range");

    private static bool IsWeekday(AnnotatedDocument doc, int i)
    {
        var t = doc.Tokens[i];
        return t.IsCapitalized(doc.Text) && doc.Knowledge.Calendar.TryGetValue(t.Norm, out var cal) && cal.Kind == "weekday";
    }

    private static int Int(Token t, string text) =>
        int.TryParse(t.Span(text), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

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
        t.IsNumber && t.Length == 4 && int.TryParse(t.Span(text), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear ? y : null;

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

    /// <summary>
    /// The token after a month name and its abbreviation dot (Nov., Sept.). A full name takes no dot: the stop after
    /// "12 and 14 May." ends the sentence.
    /// </summary>
    private static int AfterMonth(AnnotatedDocument doc, int month, int limit)
    {
        var j = month + 1;
        return j < limit && doc.Tokens[j].Norm == "." && doc.Tokens[j].Start == doc.Tokens[month].End && !doc.Knowledge.MonthNames.Contains(doc.Tokens[month].Norm) ? j + 1 : j;
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
