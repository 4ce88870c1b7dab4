using System.Text;
using Dossier.Domain;

namespace Dossier.Evaluation;

/// <summary>
/// The sentences that show one scoring error in its document: for a predicted item (spurious, duplicate, a wrong
/// title, date, city, hosts or speaker) the sentences of its spans; for a missed gold item the sentence that holds
/// its evidence string, or the first that names it (name, alias, quote text, country name, city). Each sentence is
/// one line with white space collapsed and the span or match between <c>[[</c> and <c>]]</c>; a long sentence is cut
/// to a window around it.
/// </summary>
public static class ErrorContext
{
    /// <summary>At most this many sentences are shown for one error; a line says how many more there are.</summary>
    public const int MaxSentences = 3;

    private const int Window = 160;

    public static IReadOnlyList<string> Lines(ScoreError error, SentenceLocator locator)
    {
        if (error.PredictedSpans.Count > 0)
        {
            return PredictedLines(error.PredictedSpans, locator);
        }

        foreach (var needle in error.GoldNeedles)
        {
            if (locator.Find(needle) is { } match && locator.SentenceOf(match) is { } sentence)
            {
                return [Render(locator.Text, sentence, [match])];
            }
        }

        return error.GoldNeedles.Count == 0
            ? ["(nothing to look for in the text)"]
            : [$"(not found in the text: {string.Join(" / ", error.GoldNeedles.Select(PyRepr.Of))})"];
    }

    private static IReadOnlyList<string> PredictedLines(IReadOnlyList<TextSpan> spans, SentenceLocator locator)
    {
        var sentences = new List<(TextSpan Sentence, List<TextSpan> Spans)>();
        var outside = new List<TextSpan>();
        foreach (var span in spans)
        {
            if (locator.SentenceOf(span) is not { } sentence)
            {
                outside.Add(span);
                continue;
            }

            var group = sentences.FindIndex(s => s.Sentence.Overlaps(sentence));
            if (group < 0)
            {
                sentences.Add((sentence, [span]));
            }
            else
            {
                var (old, members) = sentences[group];
                members.Add(span);
                sentences[group] = (new TextSpan(Math.Min(old.Start, sentence.Start), Math.Max(old.End, sentence.End)), members);
            }
        }

        // A sentence repeated word for word (a caption printed twice) is shown once.
        var rendered = sentences.Select(s => Render(locator.Text, s.Sentence, s.Spans)).Distinct(StringComparer.Ordinal).ToList();
        var lines = rendered.Take(MaxSentences).ToList();
        if (rendered.Count > MaxSentences)
        {
            lines.Add($"(and {rendered.Count - MaxSentences} more sentence{(rendered.Count - MaxSentences > 1 ? "s" : "")})");
        }

        if (outside.Count > 0)
        {
            lines.Add($"(span{(outside.Count > 1 ? "s" : "")} outside the text of {locator.Text.Length} characters: {string.Join(", ", outside)})");
        }

        return lines;
    }

    /// <summary>The sentence with the marked spans, white space collapsed, cut to a window around the marks when long.</summary>
    private static string Render(string text, TextSpan sentence, List<TextSpan> marks)
    {
        marks = marks.Where(m => sentence.Contains(m)).OrderBy(m => m.Start).ToList();
        var from = sentence.Start;
        var to = sentence.End;
        if (marks.Count > 0 && to - from > 2 * Window + (marks[^1].End - marks[0].Start))
        {
            from = Math.Max(from, marks[0].Start - Window);
            to = Math.Min(to, marks[^1].End + Window);
        }

        var sb = new StringBuilder();
        if (from > sentence.Start)
        {
            sb.Append('…');
        }

        var pos = from;
        foreach (var m in marks)
        {
            if (m.Start < pos)
            {
                continue;
            }

            Append(sb, text, pos, m.Start);
            sb.Append("[[");
            if (m.Length > 2 * Window)
            {
                // A long span (a quote of several sentences): its start and its end.
                Append(sb, text, m.Start, m.Start + Window);
                sb.Append(" … ");
                Append(sb, text, m.End - (Window / 2), m.End);
            }
            else
            {
                Append(sb, text, m.Start, m.End);
            }

            sb.Append("]]");
            pos = m.End;
        }

        Append(sb, text, pos, to);
        if (to < sentence.End)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }
}
