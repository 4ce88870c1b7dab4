using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dossier.Cli.Syntax;

/// <summary>
/// Catches a misspelt option that System.CommandLine took as an argument value (<c>events --contry MA</c>: the event id
/// would be "--contry"): an argument of the command that starts with <c>-</c> (and comes before any <c>--</c>) is an
/// unknown option, reported with the command's nearest option names (edit distance).
/// </summary>
public static class UnknownOptions
{
    /// <summary>One message per unknown option, with a suggestion when one is close.</summary>
    public static IReadOnlyList<string> Find(ParseResult parsed)
    {
        var doubleDash = parsed.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? parsed.Tokens.ToHashSet() : parsed.Tokens.Take(doubleDash).ToHashSet();
        var command = parsed.CommandResult.Command;
        var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var messages = new List<string>();
        foreach (var token in parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens))
        {
            if (token.Value.Length < 2 || token.Value[0] != '-' || !beforeDoubleDash.Contains(token) || IsNumber(token.Value))
            {
                continue;
            }

            var nearest = Nearest(token.Value, names);
            messages.Add(nearest.Count > 0
                ? $"Unknown option '{token.Value}'. Did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?"
                : $"Unknown option '{token.Value}'.");
        }

        return messages;
    }

    /// <summary>The names closest to <paramref name="word"/>, if within a third of its length (at least 2 edits).</summary>
    public static IReadOnlyList<string> Nearest(string word, IEnumerable<string> names)
    {
        var limit = Math.Max(2, word.Length / 3);
        var scored = names.Select(n => (Name: n, Distance: Distance(word, n))).Where(s => s.Distance <= limit).ToList();
        return scored.Count == 0 ? [] : [.. scored.Where(s => s.Distance == scored.Min(x => x.Distance)).Select(s => s.Name)];
    }

    private static bool IsNumber(string value) => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
