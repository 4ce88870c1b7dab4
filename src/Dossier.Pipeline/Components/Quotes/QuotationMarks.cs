using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Where quotation marks open and close, paragraph by paragraph. A curly double opening mark always opens; a straight
/// double mark or a curly single opening mark opens after white space or an opening bracket, colon or dash, before a
/// non-space; a curly closing mark at the very start of a paragraph opens too (” … as stored). A double quotation closes
/// at the next double closing or straight mark (a new curly opening mark first leaves it open); a single one at a curly
/// apostrophe not followed by a letter (so “Daesh’s” does not close it). An open double quotation carries on into the
/// next paragraph when that paragraph opens with a mark.
/// </summary>
public static class QuotationMarks
{
    /// <summary>One quotation: the text between the marks (<c>[Start, End)</c>, the paragraph's end when left open).</summary>
    public readonly record struct Raw(int Paragraph, int Start, int End, bool Closed, bool Continues);

    public static List<Raw> Find(string text, IReadOnlyList<Segment> paragraphs)
    {
        var result = new List<Raw>();
        var openAcross = false;
        foreach (var p in paragraphs)
        {
            var first = FirstNonSpace(text, p.Start, p.End);
            var continues = openAcross && first < p.End && IsOpening(text, first, p.Start, first);
            openAcross = false;
            var i = first;
            while (i < p.End)
            {
                if (!IsOpening(text, i, p.Start, first))
                {
                    i++;
                    continue;
                }

                var close = FindClosing(text, i, p.End);
                var carried = continues && i == first;
                if (close < 0)
                {
                    result.Add(new Raw(p.Index, i + 1, p.End, false, carried));
                    openAcross = text[i] != '\u2018';
                    break;
                }

                result.Add(new Raw(p.Index, i + 1, close, true, carried));
                i = close + 1;
            }
        }

        return result;
    }

    private static int FirstNonSpace(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static bool IsOpening(string text, int i, int paragraphStart, int firstNonSpace)
    {
        var c = text[i];
        if (c == '\u201C')
        {
            return true;
        }

        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        if (c == '\u201D')
        {
            // A closing mark that opens its paragraph, followed by text: the page stored the opening mark that way.
            return i == firstNonSpace && i + 1 < text.Length && after != '\n';
        }

        if (c is '"' or '\u2018')
        {
            var before = i == paragraphStart ? ' ' : text[i - 1];
            return (char.IsWhiteSpace(before) || before is '(' or '[' or ':' or '\u2014' or '\u2013' or '-') && !char.IsWhiteSpace(after);
        }

        return false;
    }

    private static int FindClosing(string text, int open, int end)
    {
        var single = text[open] == '\u2018';
        for (var k = open + 1; k < end; k++)
        {
            var c = text[k];
            if (!single && c is '\u201D' or '"')
            {
                return k;
            }

            if (single && c == '\u2019' && (k + 1 >= end || !char.IsLetter(text[k + 1])))
            {
                return k;
            }

            if (!single && c == '\u201C')
            {
                return -1;
            }
        }

        return -1;
    }
}
