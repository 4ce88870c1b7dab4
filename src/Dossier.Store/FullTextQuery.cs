using System.Text;

namespace Dossier.Store;

/// <summary>
/// Turns what a user types into a safe FTS5 query: words and "quoted phrases" become quoted FTS5 strings
/// (so no user text is ever read as FTS5 syntax), a trailing <c>*</c> keeps prefix search, and the terms are
/// combined with AND.
/// </summary>
public static class FullTextQuery
{
    public const int MaxLength = 500;
    public const int MaxTerms = 32;

    public static string ToFts5(string query) =>
        string.Join(" AND ", Terms(query).Select(t => t.Prefix ? $"\"{string.Join(' ', t.Words)}\"*" : $"\"{string.Join(' ', t.Words)}\""));

    /// <summary>
    /// The words of <see cref="ToFts5"/>'s query, each its own FTS5 string (the last word of a prefix term keeps its
    /// <c>*</c>), combined with OR: what a search highlights, phrase or not.
    /// </summary>
    public static string ToFts5AnyWord(string query) =>
        string.Join(" OR ", AnyWords(query).Select(w => w.Prefix ? $"\"{w.Word}\"*" : $"\"{w.Word}\"").Distinct(StringComparer.Ordinal));

    /// <summary>The words <see cref="ToFts5AnyWord"/> combines, each with whether it is a prefix (a prefix term's last word).</summary>
    public static IEnumerable<(string Word, bool Prefix)> AnyWords(string query) =>
        Terms(query).SelectMany(t => t.Words.Select((w, i) => (w, t.Prefix && i == t.Words.Length - 1)));

    /// <summary>The query's terms: words and quoted phrases (their words), each with whether it is a prefix.</summary>
    private static List<(string[] Words, bool Prefix)> Terms(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InvalidQueryException("the search text is empty");
        }

        if (query.Length > MaxLength)
        {
            throw new InvalidQueryException($"the search text is longer than {MaxLength} characters");
        }

        var terms = new List<(string[] Words, bool Prefix)>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new InvalidQueryException("a quoted phrase is not closed");
                }

                AddTerm(terms, query[(i + 1)..close], prefix: false);
                i = close + 1;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '-' or '\'' or '’' or '_'))
                {
                    i++;
                }

                var prefix = i < query.Length && query[i] == '*';
                AddTerm(terms, query[start..i], prefix);
                if (prefix)
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        if (terms.Count == 0)
        {
            throw new InvalidQueryException("the search text has no words");
        }

        if (terms.Count > MaxTerms)
        {
            throw new InvalidQueryException($"the search text has more than {MaxTerms} terms");
        }

        return terms;
    }

    private static void AddTerm(List<(string[] Words, bool Prefix)> terms, string text, bool prefix)
    {
        var words = new StringBuilder();
        foreach (var ch in text)
        {
            words.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        }

        var normalized = words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (normalized.Length > 0)
        {
            terms.Add((normalized, prefix));
        }
    }
}
