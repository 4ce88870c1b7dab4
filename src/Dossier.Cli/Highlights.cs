using System.Text;
using Dossier.Contracts;
using Dossier.Contracts.V1;

namespace Dossier.Cli;

/// <summary>How <c>search</c> shows the matched words of a snippet.</summary>
public enum HighlightStyle
{
    /// <summary>The snippet's text alone (output redirected, <c>NO_COLOR</c> set, or <c>TERM=dumb</c>).</summary>
    Plain,

    /// <summary>Matches in bold (ANSI SGR 1 … 22), on a terminal.</summary>
    Bold,
}

/// <summary>
/// Renders a search hit's snippet on one line of the <c>search</c> table: the hit's highlight ranges (UTF-16 code units
/// into the snippet) in bold on a terminal, plain text when the output is redirected — no marker characters are added to
/// text that may hold its own brackets or quotes; <c>--json</c> carries the ranges.
/// </summary>
public static class Highlights
{
    public const string BoldOn = "\u001b[1m";
    public const string BoldOff = "\u001b[22m";

    /// <summary>Bold when <paramref name="stdout"/> is the console, not redirected, and colour is not turned off.</summary>
    public static HighlightStyle StyleFor(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb"
            ? HighlightStyle.Bold
            : HighlightStyle.Plain;

    /// <summary>The hit's snippet for the table on <paramref name="stdout"/>, at most <paramref name="max"/> characters of text.</summary>
    public static string Line(SearchHit hit, int max, TextWriter stdout) =>
        Render(hit.Snippet, hit.Highlights.Select(r => (r.Start, r.End)), max, StyleFor(stdout));

    /// <summary>
    /// The snippet on one line (each line-ending character a space), cut to <paramref name="max"/> characters with "…",
    /// the ranges in the style. Ranges out of the snippet, empty or overlapping an earlier one are ignored.
    /// </summary>
    public static string Render(string snippet, IEnumerable<(int Start, int End)> ranges, int max, HighlightStyle style)
    {
        var length = snippet.Length;
        var shortened = length > max;
        if (shortened)
        {
            length = max - 1;
            if (length > 0 && char.IsHighSurrogate(snippet[length - 1]))
            {
                length--;
            }
        }

        var line = new StringBuilder(length + 16);
        foreach (var (start, end, match) in HighlightSegments.Of(snippet.Length, ranges))
        {
            if (start >= length)
            {
                break;
            }

            var bold = match && style == HighlightStyle.Bold;
            line.Append(bold ? BoldOn : "");
            AppendOneLine(line, snippet, start, Math.Min(end, length));
            line.Append(bold ? BoldOff : "");
        }

        return shortened ? line.Append('…').ToString() : line.ToString();
    }

    private static void AppendOneLine(StringBuilder line, string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var c = text[k];
            line.Append(c is '\r' or '\n' or '\f' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
        }
    }
}
