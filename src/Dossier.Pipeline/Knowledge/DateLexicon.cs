using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// The cue words of dates (Data/date_cues.tsv): header cues of the page's own date (published, updated,
/// office), and the context words of the date grammar (future/past, year contexts, qualifiers, range words).
/// Single words are looked up by their token key; phrases by walking a trie.
/// </summary>
public sealed class DateLexicon
{
    private readonly Dictionary<string, HashSet<string>> _words = new(StringComparer.Ordinal);

    /// <summary>Every cue, as a phrase of token keys, with its kind.</summary>
    public PhraseTrie<string> Phrases { get; } = new();

    public static DateLexicon Load(IEnumerable<string[]> rows)
    {
        var lexicon = new DateLexicon();
        foreach (var r in rows)
        {
            var phrase = r[0].Trim();
            var kind = r[1].Trim();
            lexicon.Phrases.Add(phrase, kind);
            var key = Tokenizer.NormalizePhrase(phrase);
            if (!key.Contains(' ', StringComparison.Ordinal))
            {
                if (!lexicon._words.TryGetValue(key, out var kinds))
                {
                    kinds = new HashSet<string>(StringComparer.Ordinal);
                    lexicon._words[key] = kinds;
                }

                kinds.Add(kind);
            }
        }

        return lexicon;
    }

    /// <summary>True when the single word (a token key) is a cue of <paramref name="kind"/>.</summary>
    public bool Is(string norm, string kind) => _words.TryGetValue(norm, out var kinds) && kinds.Contains(kind);

    /// <summary>The longest cue of one of <paramref name="kinds"/> starting at token <paramref name="start"/>.</summary>
    public (int End, string? Kind) Longest(List<Token> tokens, int start, int limit, params string[] kinds)
    {
        var (end, kind) = Phrases.Longest(tokens, start, limit, (k, _, _) => Array.IndexOf(kinds, k) >= 0);
        return end < 0 ? (-1, null) : (end, kind);
    }
}
