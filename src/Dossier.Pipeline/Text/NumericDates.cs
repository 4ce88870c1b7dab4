using System.Globalization;
using System.Runtime.CompilerServices;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>
/// How an all-digit date with the year last (<c>a/b/yyyy</c>, <c>a-b-yyyy</c>, <c>a.b.yyyy</c>) is read:
/// <list type="number">
/// <item>a part greater than 12 is the day (<c>17-08-2025</c>, <c>05/14/2015</c>); equal parts need no rule (<c>8/8/2024</c>);</item>
/// <item>otherwise dotted and dashed dates are day-first (<c>05.03.2019</c> is 5 March: the European, Middle Eastern
/// and Asian forms; US pages write slashes);</item>
/// <item>an ambiguous slash date is month-first on a US page — a .gov or .mil address, a US time zone written next to a
/// time (EST, EDT, ET …), or a US government header phrase in the first lines — and otherwise follows the order in
/// which the same text writes its dates with month names ("May 14, 2015" month-first, "14 May 2015" day-first);</item>
/// <item>with no such evidence it is no date.</item>
/// </list>
/// </summary>
public static class NumericDates
{
    private const int HeaderParagraphs = 15;

    private static readonly string[] UsPageCues = ["us_page"];

    private static readonly ConditionalWeakTable<AnnotatedDocument, StrongBox<bool?>> Orders = new();

    /// <summary>The (month, day) of an all-digit date with parts <paramref name="a"/> and <paramref name="b"/> before the year, or null.</summary>
    public static (int Month, int Day)? Read(AnnotatedDocument doc, int a, int b, char separator)
    {
        if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12))
        {
            return null;
        }

        if (a > 12)
        {
            return (b, a);
        }

        if (b > 12 || a == b)
        {
            return (a, b);
        }

        if (separator is '.' or '-')
        {
            return (b, a);
        }

        return MonthFirst(doc) switch
        {
            true => (a, b),
            false => (b, a),
            null => null,
        };
    }

    /// <summary>True: the page reads slash dates month-first; false: day-first; null: nothing tells.</summary>
    public static bool? MonthFirst(AnnotatedDocument doc) => Orders.GetValue(doc, d => new StrongBox<bool?>(Decide(d))).Value;

    private static bool? Decide(AnnotatedDocument doc)
    {
        if (IsUsPage(doc))
        {
            return true;
        }

        var (monthFirst, dayFirst) = CountWrittenOrders(doc);
        return monthFirst == dayFirst ? null : monthFirst > dayFirst;
    }

    private static bool IsUsPage(AnnotatedDocument doc)
    {
        if (Uri.TryCreate(doc.Request.Url, UriKind.Absolute, out var url)
            && (url.Host.EndsWith(".gov", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".mil", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var tokens = doc.Tokens;
        var cues = doc.Knowledge.DateCues;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsWord && t.IsAllCaps(doc.Text) && cues.Is(t.Norm, "us_zone") && i > 0 && (tokens[i - 1].IsNumber || cues.Is(tokens[i - 1].Norm, "meridiem")))
            {
                return true;
            }
        }

        var headerEnd = doc.Paragraphs.Count > HeaderParagraphs ? doc.Paragraphs[HeaderParagraphs].TokenStart : tokens.Count;
        for (var i = 0; i < headerEnd; i++)
        {
            if (cues.Longest(tokens, i, headerEnd, UsPageCues).End > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static (int MonthFirst, int DayFirst) CountWrittenOrders(AnnotatedDocument doc)
    {
        var tokens = doc.Tokens;
        var monthFirst = 0;
        var dayFirst = 0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!IsMonthName(doc, i))
            {
                continue;
            }

            var next = tokens[i + 1].Norm == "." && i + 2 < tokens.Count ? i + 2 : i + 1;
            if (IsDayNumber(doc, next))
            {
                monthFirst++;
            }
            else if (i > 0 && IsDayNumber(doc, i - 1))
            {
                dayFirst++;
            }
        }

        return (monthFirst, dayFirst);
    }

    private static bool IsMonthName(AnnotatedDocument doc, int i) =>
        doc.Tokens[i].IsCapitalized(doc.Text) && doc.Knowledge.Calendar.TryGetValue(doc.Tokens[i].Norm, out var cal) && cal.Kind == "month";

    private static bool IsDayNumber(AnnotatedDocument doc, int i)
    {
        var t = doc.Tokens[i];
        if (!t.IsNumber)
        {
            return false;
        }

        var digits = t.Norm.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31;
    }
}
