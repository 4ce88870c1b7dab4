using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// Datelines without a date, which the datelines layer (a place and a date) leaves out: "OSLO (Reuters) —", "MADRID –",
/// "ERBIL, Kurdistan Region –" at the head of a paragraph. The place is upper case or followed by an agency in
/// parentheses, and a dash ends the dateline. A meeting reported in that paragraph with no place of its own was held there.
/// </summary>
internal static class PlaceDatelines
{
    public static List<Dateline> Find(AnnotatedDocument document)
    {
        var found = new List<Dateline>();
        foreach (var p in document.Paragraphs)
        {
            if (p.IsBoilerplate || document.Datelines.Any(d => d.Paragraph == p.Index))
            {
                continue;
            }

            if (Read(document, p) is { } dateline)
            {
                found.Add(dateline);
            }
        }

        return found;
    }

    private static Dateline? Read(AnnotatedDocument document, Segment p)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var i = p.TokenStart;
        var limit = Math.Min(p.TokenEnd, i + 16);
        var j = i;
        while (j < limit && j - i < 4 && tokens[j].IsWord && tokens[j].IsCapitalized(text))
        {
            j++;
        }

        if (j == i || j >= limit)
        {
            return null;
        }

        var (placeEnd, entry) = document.Knowledge.Gazetteer.Longest(tokens, i, j,
            (e, _, _) => e.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country);
        if (entry is null)
        {
            return null;
        }

        var upper = Enumerable.Range(i, placeEnd - i).All(k => tokens[k].IsAllCaps(text));
        var k = placeEnd;
        string? city = entry.Kind is EntityKind.City or EntityKind.Capital ? document.TokenRangeText(i, placeEnd) : null;

        // ", Kurdistan Region", ", Norway": a second place part; "JORDAN, AMMAN": the city of the country named first.
        if (k + 1 < limit && tokens[k].Norm == ",")
        {
            var n = k + 1;
            while (n < limit && n - k <= 3 && tokens[n].IsWord && tokens[n].IsCapitalized(text))
            {
                n++;
            }

            if (city is null && n > k + 1)
            {
                var (cityEnd, second) = document.Knowledge.Gazetteer.Longest(tokens, k + 1, n, (e, _, _) => e.Kind is EntityKind.City or EntityKind.Capital);
                if (second is not null && second.Country == entry.Country && cityEnd == n)
                {
                    city = document.TokenRangeText(k + 1, cityEnd);
                }
            }

            k = n > k + 1 ? n : k;
        }

        var agency = false;
        if (k < limit && tokens[k].Norm == "(")
        {
            var close = k + 1;
            while (close < limit && close - k <= 6 && tokens[close].Norm != ")")
            {
                close++;
            }

            if (close >= limit || tokens[close].Norm != ")")
            {
                return null;
            }

            agency = true;
            k = close + 1;
        }

        if (!(upper || agency) || k >= limit || !(tokens[k].Norm is "-" or "\u2014" or "\u2013"))
        {
            return null;
        }

        return new Dateline(p.Index, tokens[i].Start, tokens[k].End, city, entry.Country, null);
    }
}
