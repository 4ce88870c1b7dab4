using System.Text;

namespace Dossier.NearDupBench;

/// <summary>
/// Makes a reprint of an article as another outlet would run it, from a seed: a new headline instead of the first line,
/// a byline, site boilerplate at the top and bottom (and sometimes in the middle), one paragraph dropped (when there are
/// three or more), and a light rewording of a few words. The same seed gives the same reprint. The headlines, outlets,
/// names and boilerplate are the generator's own, not taken from any article.
/// </summary>
public sealed class ReprintGenerator
{
    private static readonly string[] Outlets = ["The Morning Ledger", "Harbour Daily", "Westfield Courier", "Globe Wire Online", "The Capital Star", "Northern Dispatch"];
    private static readonly string[] First = ["Anna", "Tomas", "Leila", "Marco", "Sofia", "Daniel", "Amira", "Jonas"];
    private static readonly string[] Last = ["Keller", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Reyes"];
    private static readonly string[] Headlines =
    [
        "Allies weigh next steps as talks wrap up", "Ministers pledge to keep up pressure", "What the latest meeting means for the region",
        "Coalition partners meet amid new concerns", "Officials outline plans after closed-door session", "Leaders signal long campaign ahead",
    ];
    private static readonly string[] Top = ["Home | World | Politics | Opinion | Video", "Menu  Search  Sign in", "Breaking News", "Advertisement"];
    private static readonly string[] Middle = ["Advertisement", "Story continues below", "RELATED: More coverage of the region", "Read more"];
    private static readonly string[] Bottom =
    [
        "Sign up for our daily newsletter to get the top stories in your inbox.", "© {0}. All rights reserved.",
        "Share this article: Facebook | Twitter | Email", "Comments are closed for this story.", "More from {0}: world, business, sport.",
    ];

    /// <summary>Word swaps of a light rewording (a word and its stand-in, in both directions).</summary>
    private static readonly (string, string)[] Swaps =
    [
        ("said", "stated"), ("told", "informed"), ("meeting", "gathering"), ("met", "convened"), ("agreed", "decided"), ("also", "additionally"),
        ("countries", "nations"), ("help", "assist"), ("began", "started"), ("large", "big"), ("attack", "assault"), ("support", "backing"),
        ("officials", "authorities"), ("announced", "revealed"), ("fight", "battle"), ("new", "fresh"), ("week", "weekend"), ("group", "body"),
    ];

    public string Reprint(string article, int seed)
    {
        var random = new Random(seed);
        // Paragraphs: blocks between blank lines, or lines when the article has fewer than three blocks.
        var text = article.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (paragraphs.Count < 3)
        {
            paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        // A new headline instead of the first line (when there is more than one).
        if (paragraphs.Count > 1)
        {
            paragraphs.RemoveAt(0);
        }

        // One paragraph trimmed, as an editor cuts a story to fit: one of at most a quarter of the words, when there are three or more.
        var words = paragraphs.Sum(WordCount);
        var trimmable = Enumerable.Range(0, paragraphs.Count).Where(i => WordCount(paragraphs[i]) * 4 <= words).ToList();
        if (paragraphs.Count >= 3 && trimmable.Count > 0)
        {
            paragraphs.RemoveAt(trimmable[random.Next(trimmable.Count)]);
        }

        // Light rewording: a few words swapped for a synonym.
        var body = string.Join("\n\n", paragraphs);
        body = Reword(body, random, changes: 2 + random.Next(4));

        var outlet = Outlets[random.Next(Outlets.Length)];
        var builder = new StringBuilder();
        builder.AppendLine(Top[random.Next(Top.Length)]).AppendLine();
        builder.AppendLine(Headlines[random.Next(Headlines.Length)]).AppendLine();
        builder.Append("By ").Append(First[random.Next(First.Length)]).Append(' ').Append(Last[random.Next(Last.Length)]).Append(", ").AppendLine(outlet).AppendLine();
        var parts = body.Split("\n\n");
        var middle = parts.Length > 2 && random.Next(2) == 0 ? random.Next(1, parts.Length) : -1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i == middle)
            {
                builder.AppendLine(Middle[random.Next(Middle.Length)]).AppendLine();
            }

            builder.AppendLine(parts[i]).AppendLine();
        }

        foreach (var line in Bottom.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
        {
            builder.AppendLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, line, outlet));
        }

        return builder.ToString();
    }

    private static int WordCount(string paragraph) => paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Reword(string text, Random random, int changes)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => Swap(words[i]) is not null).OrderBy(_ => random.Next()).Take(changes).ToList();
        foreach (var i in candidates)
        {
            words[i] = Swap(words[i])!;
        }

        // Articles without any swappable word get one word dropped instead.
        if (candidates.Count == 0 && words.Length > 10)
        {
            words[random.Next(words.Length)] = "";
        }

        return string.Join(' ', words);
    }

    private static string? Swap(string word)
    {
        foreach (var (a, b) in Swaps)
        {
            if (word == a)
            {
                return b;
            }

            if (word == b)
            {
                return a;
            }
        }

        return null;
    }
}
