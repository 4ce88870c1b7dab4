using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// The comparison key of a personal name, the same for the text and for <c>people.tsv</c>: words normalized like
/// tokens (case, diacritics, apostrophes and a transliterated ʿayn dropped), spelling variants folded
/// (<c>name_variants.tsv</c>: Mohamed, Muhammad), the Arabic article dropped (al-, Al, el-, ad-, ash- …), ibn read as
/// bin, middle initials and Jr./Sr./III left out. A name is a list of parts: a word, or a hyphenated run of words
/// (Abdul-Mahdi, Jean-Yves); the full key joins every word with a space, so a hyphen and a space compare equal.
/// </summary>
public static class PersonNameKey
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "al", "el" };

    /// <summary>Assimilated forms of the article, dropped only when glued to the next word by a hyphen (ash-Shara).</summary>
    private static readonly HashSet<string> SunArticles = new(StringComparer.Ordinal)
    {
        "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "esh", "et", "ez",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "iii", "iv" };

    /// <summary>The parts of a name (each a word or a hyphenated run), normalized; parts left empty are dropped.</summary>
    public static List<string[]> Parts(string name, Func<string, string> variant)
    {
        var tokens = Tokenizer.Tokenize(name);
        var runs = new List<List<(string Word, bool Initial)>>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                continue;
            }

            var word = Clean(t.Norm);
            if (word.Length == 0)
            {
                continue;
            }

            var glued = k >= 2 && tokens[k - 1].Norm == "-" && tokens[k - 1].Start == tokens[k - 2].End && tokens[k - 1].End == t.Start && tokens[k - 2].IsWord;
            var hyphenAfter = k + 2 < tokens.Count && tokens[k + 1].Norm == "-" && tokens[k + 1].Start == t.End && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 2].IsWord;
            if (Articles.Contains(word) || (hyphenAfter && SunArticles.Contains(word)))
            {
                // The article stays out of the key, but still separates parts: "al-Kadhimi" is the part "kadhimi".
                if (!glued)
                {
                    runs.Add([]);
                }

                continue;
            }

            var initial = word.Length == 1;
            word = word == "ibn" ? "bin" : variant(word);
            if (glued && runs.Count > 0)
            {
                runs[^1].Add((word, initial));
            }
            else
            {
                runs.Add([(word, initial)]);
            }
        }

        var parts = runs.Where(r => r.Count > 0).ToList();
        var result = new List<string[]>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var middle = i > 0 && i < parts.Count - 1;
            if ((part.Count == 1 && part[0].Initial && middle) || (i > 1 && part.Count == 1 && Suffixes.Contains(part[0].Word)))
            {
                continue;
            }

            result.Add(part.Select(p => p.Word).ToArray());
        }

        return result;
    }

    /// <summary>The full key: every word of every part, joined by single spaces.</summary>
    public static string Full(IEnumerable<string[]> parts) => string.Join(' ', parts.SelectMany(p => p));

    /// <summary>The number of words in a key.</summary>
    public static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;

    /// <summary>
    /// The surname key when the name is one part after particles only (Kadhimi, al-Kadhimi, Le Drian, von der Leyen,
    /// Abdul-Mahdi), else null.
    /// </summary>
    public static string? SurnameOnly(IReadOnlyList<string[]> parts, IReadOnlySet<string> particles)
    {
        var rest = parts.SkipWhile(p => p.Length == 1 && particles.Contains(p[0])).ToList();
        return rest.Count == 1 ? string.Join(' ', rest[0]) : null;
    }

    /// <summary>The surname key of a full name: its last part (al-Baghdadi: baghdadi; Abdul-Mahdi: abdul mahdi).</summary>
    public static string? LastPart(IReadOnlyList<string[]> parts) => parts.Count >= 2 ? string.Join(' ', parts[^1]) : null;

    private static bool IsDropped(char c) => c is '\'' or '.' or '\u02BE' or '\u02BF' or '\u02BB';

    private static string Clean(string norm)
    {
        // Apostrophes and ʿayn/hamza marks go (Sa'ad, Shia'), and so do the dots of a dotted abbreviation (J.D.).
        if (!norm.Any(IsDropped))
        {
            return norm;
        }

        return string.Concat(norm.Where(c => !IsDropped(c)));
    }
}
