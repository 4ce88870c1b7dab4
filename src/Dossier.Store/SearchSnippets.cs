using Dossier.Domain;

namespace Dossier.Store;

/// <summary>A search hit's fragment of the text, plain, and its highlighted words as ranges into it.</summary>
/// <param name="Highlights">Half-open <c>[Start, End)</c> ranges of UTF-16 code units in <paramref name="Text"/>, in order.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights);

/// <summary>
/// Cuts a search hit's snippet from the text and its highlighted words, the same way for every engine: the window of
/// <see cref="MaxWords"/> words holding the most highlights (the first such), opened <see cref="LeadWords"/> words before
/// its first highlight, with <see cref="Ellipsis"/> where words were left out. The snippet's text is the article's own,
/// brackets and all; only the ellipses are added.
/// </summary>
public static class SearchSnippets
{
    public const int MaxWords = 24;
    public const int LeadWords = 4;
    public const int MaxChars = 400;
    public const string Ellipsis = "…";

    /// <param name="highlights">Ranges in <paramref name="text"/>, in order and not overlapping.</param>
    public static Snippet Make(string text, IReadOnlyList<TextSpan> highlights)
    {
        var words = HighlightMarks.Words(text, 0, text.Length);
        if (words.Count == 0)
        {
            var (plain, shortened) = Shorten(text, 0, text.Length, MaxChars);
            return new Snippet(shortened ? plain + Ellipsis : plain, []);
        }

        // The word each highlight starts in (or the first after it), in order.
        var at = highlights.Select(h => WordAt(words, h.Start)).ToArray();
        var first = 0;
        var best = -1;
        for (var j = 0; j < at.Length; j++)
        {
            var start = Math.Max(0, at[j] - LeadWords);
            var count = CountBelow(at, start + MaxWords) - CountBelow(at, start);
            if (count > best)
            {
                best = count;
                first = start;
            }
        }

        // A window cut short by the end of the text takes more words before it instead.
        first = Math.Max(0, Math.Min(first, words.Count - MaxWords));
        var last = Math.Min(words.Count, first + MaxWords);
        // Cut at whitespace where the window's words have punctuation next to them: "[sic]," stays whole.
        var from = first == 0 ? Skip(text, 0) : words[first].Start;
        while (first > 0 && from > words[first - 1].End && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }

        var to = last == words.Count ? Trim(text, text.Length, from) : words[last - 1].End;
        while (last < words.Count && to < words[last].Start && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        var (cut, cutShort) = Shorten(text, from, to, MaxChars);
        var prefix = first > 0 ? Ellipsis : "";
        var suffix = last < words.Count || cutShort ? Ellipsis : "";
        var end = from + cut.Length;
        var ranges = highlights
            .Where(h => h.Start >= from && h.Start < end)
            .Select(h => new TextSpan(h.Start - from + prefix.Length, Math.Min(h.End, end) - from + prefix.Length))
            .ToList();
        return new Snippet(prefix + cut + suffix, ranges);
    }

    private static int WordAt(List<TextSpan> words, int offset)
    {
        var (low, high) = (0, words.Count - 1);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (words[mid].End <= offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many of the sorted values are below the limit.</summary>
    private static int CountBelow(int[] sorted, int limit)
    {
        var index = Array.BinarySearch(sorted, limit);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == limit)
        {
            index--;
        }

        return index;
    }

    private static int Skip(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static int Trim(string text, int to, int from)
    {
        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return to;
    }

    /// <summary><c>text[from..to)</c>, at most <paramref name="max"/> code units long, never splitting a surrogate pair.</summary>
    private static (string Text, bool Shortened) Shorten(string text, int from, int to, int max)
    {
        if (to - from <= max)
        {
            return (text[from..to], false);
        }

        var end = from + max;
        if (char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return (text[from..end], true);
    }
}
