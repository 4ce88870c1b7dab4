using System.Globalization;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>
/// A date of the Islamic (Hijri) calendar that Arab outlets write next to the Gregorian one: "12 Rajab 1443 AH",
/// "Dhu al-Qadah 22, 1444", "Ramadan 14, 1444 H" (month names and era marks are the <c>hijri_month</c> and
/// <c>hijri_era</c> kinds of Data/date_cues.tsv). It is recognized only to be stepped over — in a dateline
/// ("Riyadh, Dhu al-Qadah 22, 1444, June 11, 2023, SPA --") or before a header date — so that the Gregorian date
/// beside it is read; it is never converted, and its year (1300–1500) is never a Gregorian year.
/// </summary>
public static class HijriDates
{
    private const int MinYear = 1300;
    private const int MaxYear = 1500;

    private static readonly string[] MonthCues = ["hijri_month"];
    private static readonly string[] EraCues = ["hijri_era"];

    /// <summary>The token after a Hijri date starting at <paramref name="i"/> (DAY MONTH YEAR or MONTH DAY, YEAR, an era mark after), or -1.</summary>
    public static int End(AnnotatedDocument doc, int i, int limit)
    {
        var tokens = doc.Tokens;
        var cues = doc.Knowledge.DateCues;
        int k;
        if (i < limit && Day(doc, i) && cues.Longest(tokens, i + 1, limit, MonthCues).End is var monthEnd && monthEnd > i + 1)
        {
            k = monthEnd; // 12 Rajab 1443
        }
        else if (cues.Longest(tokens, i, limit, MonthCues).End is var m && m > i && m < limit && Day(doc, m))
        {
            k = m + 1; // Dhu al-Qadah 22, 1444
            if (k < limit && tokens[k].Norm == ",")
            {
                k++;
            }
        }
        else
        {
            return -1;
        }

        if (k >= limit || !Year(doc, k))
        {
            return -1;
        }

        k++;
        var era = k < limit ? cues.Longest(tokens, k, limit, EraCues).End : -1;
        return era > k ? era : k;
    }

    private static bool Day(AnnotatedDocument doc, int i)
    {
        var t = doc.Tokens[i];
        return t.IsNumber && t.Length <= 2 && int.TryParse(t.Span(doc.Text), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 30;
    }

    private static bool Year(AnnotatedDocument doc, int i)
    {
        var t = doc.Tokens[i];
        return t.IsNumber && t.Length == 4 && int.TryParse(t.Span(doc.Text), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear;
    }
}
