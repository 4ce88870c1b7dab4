namespace Dossier.Domain;

/// <summary>
/// Dates as precise as the text allows: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD (day known, year not).
/// </summary>
public static class PartialDates
{
    /// <summary>
    /// Could both denote the same day? A year or month is compatible with any date inside it; --MM-DD with any date
    /// of that month and day. Null is compatible only with null.
    /// </summary>
    public static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.StartsWith("--", StringComparison.Ordinal) || b.StartsWith("--", StringComparison.Ordinal))
        {
            var (yearless, other) = a.StartsWith("--", StringComparison.Ordinal) ? (a, b) : (b, a);
            return other.StartsWith("--", StringComparison.Ordinal)
                ? other == yearless
                : other.Length == 10 && other.EndsWith(yearless[1..], StringComparison.Ordinal);
        }

        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }

    /// <summary>How precise a date is: 3 day, 2 month, 1 year or day-without-year, 0 none.</summary>
    public static int Precision(string? date) => date switch
    {
        null => 0,
        { Length: 10 } => 3,
        { Length: 7 } when date.StartsWith("--", StringComparison.Ordinal) => 1,
        { Length: 7 } => 2,
        _ => 1,
    };

    /// <summary>The more precise of two compatible dates (a year-less day and a year make a full date when they fit).</summary>
    public static string? MorePrecise(string? a, string? b) => Precision(b) > Precision(a) ? b : a;

    /// <summary>Roughly the same time: compatible, or full/month dates at most <paramref name="days"/> apart.</summary>
    public static bool Near(string? a, string? b, int days = 62)
    {
        if (a is null || b is null || a.StartsWith("--", StringComparison.Ordinal) || b.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        if (Compatible(a, b))
        {
            return true;
        }

        return ToDate(a) is { } da && ToDate(b) is { } db && Math.Abs(da.DayNumber - db.DayNumber) <= days;
    }

    /// <summary>The first day a partial date can denote (for ranges and ordering), or null.</summary>
    public static DateOnly? ToDate(string? date) => date switch
    {
        { Length: 10 } when DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) => d,
        { Length: 7 } when !date.StartsWith("--", StringComparison.Ordinal) && DateOnly.TryParseExact(date + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m) => m,
        { Length: 4 } when int.TryParse(date, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is > 0 and < 10000 => new DateOnly(y, 1, 1),
        _ => null,
    };
}
