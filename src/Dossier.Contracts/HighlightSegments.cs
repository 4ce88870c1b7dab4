namespace Dossier.Contracts;

/// <summary>
/// A search hit's snippet cut by its highlight ranges (<c>SearchHit.highlights</c>: half-open UTF-16 ranges), for every
/// renderer alike (the dashboard's &lt;mark&gt;, the CLI's bold): consecutive segments covering the snippet, each a match or
/// not. Ranges out of the snippet, empty, or overlapping an earlier one are ignored, so bad ranges never lose text.
/// </summary>
public static class HighlightSegments
{
    /// <param name="length">The snippet's length.</param>
    /// <param name="ranges">The highlight ranges, in any order.</param>
    public static List<(int Start, int End, bool Match)> Of(int length, IEnumerable<(int Start, int End)> ranges)
    {
        var segments = new List<(int Start, int End, bool Match)>();
        var i = 0;
        foreach (var (start, end) in ranges.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            if (start < i || end <= start || end > length)
            {
                continue;
            }

            if (start > i)
            {
                segments.Add((i, start, false));
            }

            segments.Add((start, end, true));
            i = end;
        }

        if (i < length)
        {
            segments.Add((i, length, false));
        }

        return segments;
    }
}
