namespace Dossier.Dashboard.Services;

/// <summary>One fact span to highlight: half-open [Start, End) in UTF-16 code units of the article's text.</summary>
public sealed record Highlight(
    string Kind, int Start, int End, string Label, string? EntityId = null, double? Confidence = null, string? ExtractorVersion = null)
{
    /// <summary>Position in the annotation list (stable id for anchors: <c>hl-{Index}</c>).</summary>
    public int Index { get; init; }

    /// <summary>The text the hover shows: normalized value, confidence and extractor version.</summary>
    public string Title
    {
        get
        {
            var parts = new List<string> { $"{Kind.Replace('_', ' ')}: {Label}" };
            if (Confidence is { } c)
            {
                parts.Add("confidence " + c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(ExtractorVersion))
            {
                parts.Add("extractor " + ExtractorVersion);
            }

            parts.Add($"[{Start}, {End})");
            return string.Join(" · ", parts);
        }
    }
}

/// <summary>
/// A node of highlighted text: plain text (<see cref="Text"/> set) or a highlight whose children are the text and the
/// highlights inside it. <see cref="Continued"/> is true for the second and later pieces of a highlight that had to be
/// split because it crosses another one.
/// </summary>
public sealed class HighlightNode
{
    public string? Text { get; private init; }

    public Highlight? Mark { get; private init; }

    public bool Continued { get; private init; }

    public List<HighlightNode> Children { get; } = [];

    public static HighlightNode Plain(string text) => new() { Text = text };

    public static HighlightNode Of(Highlight mark, bool continued) => new() { Mark = mark, Continued = continued };

    /// <summary>The text under this node (for tests and for plain-text checks).</summary>
    public string InnerText => Text ?? string.Concat(Children.Select(c => c.InnerText));
}

/// <summary>
/// Turns a text and its (possibly nested or overlapping) annotation spans into a well-formed tree of nodes that a page
/// renders as nested &lt;mark&gt; elements. The text is never rewritten: concatenating the leaves gives it back.
/// </summary>
public static class Highlighter
{
    // When two spans cover exactly the same text, the wider concept is the outer one.
    private static readonly string[] OuterFirst =
        ["quote", "meeting", "member_count", "new_member", "attack_stat", "money", "organization", "person", "place", "country"];

    public static IReadOnlyList<HighlightNode> Build(string text, IEnumerable<Highlight> highlights)
    {
        var valid = highlights
            .Where(h => h.Start >= 0 && h.Start < h.End && h.End <= text.Length)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End).ThenBy(h => Rank(h.Kind)).ThenBy(h => h.Index)
            .ToList();

        var root = new List<HighlightNode>();
        if (valid.Count == 0)
        {
            if (text.Length > 0)
            {
                root.Add(HighlightNode.Plain(text));
            }

            return root;
        }

        // Elementary segments between every boundary; in each, the active spans ordered outer first.
        var bounds = new SortedSet<int> { 0, text.Length };
        foreach (var h in valid)
        {
            bounds.Add(h.Start);
            bounds.Add(h.End);
        }

        var open = new List<(Highlight Mark, HighlightNode Node)>();
        var opened = new HashSet<Highlight>(ReferenceEqualityComparer.Instance);
        var points = bounds.ToArray();
        for (var p = 0; p + 1 < points.Length; p++)
        {
            int from = points[p], to = points[p + 1];
            var active = valid.Where(h => h.Start <= from && to <= h.End).ToList(); // already in outer-first order

            var keep = 0;
            while (keep < open.Count && keep < active.Count && ReferenceEquals(open[keep].Mark, active[keep]))
            {
                keep++;
            }

            open.RemoveRange(keep, open.Count - keep);
            for (var i = keep; i < active.Count; i++)
            {
                var mark = active[i];
                var node = HighlightNode.Of(mark, continued: !opened.Add(mark));
                (open.Count == 0 ? root : open[^1].Node.Children).Add(node);
                open.Add((mark, node));
            }

            var leaf = HighlightNode.Plain(text[from..to]);
            (open.Count == 0 ? root : open[^1].Node.Children).Add(leaf);
        }

        return root;
    }

    private static int Rank(string kind)
    {
        var i = Array.IndexOf(OuterFirst, kind);
        return i < 0 ? OuterFirst.Length : i;
    }
}
