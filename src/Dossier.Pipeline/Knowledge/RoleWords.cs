using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// Which office a title names, as a set of keys (<c>role_words.tsv</c>): "Iraq's Foreign Minister" and "Minister of
/// Foreign Affairs" are both {foreign, minister}; words the file does not list (Iraqi, former, of, affairs) do not
/// count. A title fits a role when it has an office word, every key of the title is in the role, and the role's
/// exclusive keys (deputy, vice …) are in the title: "Prime Minister" fits "Prime Minister (2020–2022)" but not
/// "Deputy Prime Minister", "Secretary" fits "Secretary of State", "Foreign Minister" does not fit "President".
/// </summary>
public sealed class RoleWords
{
    private readonly Dictionary<string, string[]> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exclusive = new(StringComparer.Ordinal);

    /// <summary>Words that split a title into offices held together (Deputy Prime Minister and Foreign Minister).</summary>
    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal) { "and", ",", "&", ";", "/" };

    public static RoleWords Load(IEnumerable<string[]> rows)
    {
        var words = new RoleWords();
        foreach (var r in rows)
        {
            if (r.Length < 3 || r[2] is not ("head" or "qualifier" or "exclusive"))
            {
                throw new FormatException($"role_words.tsv: '{string.Join('\t', r)}' is not word <TAB> keys <TAB> head|qualifier|exclusive");
            }

            var keys = r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            words._keys[Tokenizer.NormalizePhrase(r[0])] = keys;
            // A head's office word is its last key (premier: prime minister); an exclusive word's own key is its first (undersecretary: under secretary).
            switch (r[2])
            {
                case "head":
                    words._heads.Add(keys[^1]);
                    break;
                case "exclusive":
                    words._exclusive.Add(keys[0]);
                    break;
            }
        }

        return words;
    }

    /// <summary>The keys of a phrase (a title or a role), all its offices together.</summary>
    public HashSet<string> Keys(string phrase) => KeysOf(Tokenizer.Tokenize(phrase).Select(t => t.Norm));

    /// <summary>The keys of each office a title names ("Deputy Prime Minister and Foreign Minister": two), offices without an office word left out.</summary>
    public List<HashSet<string>> Offices(string title)
    {
        var result = new List<HashSet<string>>();
        var current = new List<string>();
        foreach (var norm in Tokenizer.Tokenize(title).Select(t => t.Norm).Append(","))
        {
            if (!Separators.Contains(norm))
            {
                current.Add(norm);
                continue;
            }

            var keys = KeysOf(current);
            if (keys.Overlaps(_heads))
            {
                result.Add(keys);
            }

            current.Clear();
        }

        return result;
    }

    /// <summary>Does an office of a title (its keys) fit a role (its keys)?</summary>
    public bool Fits(IReadOnlySet<string> title, IReadOnlySet<string> role) =>
        title.Overlaps(_heads) && title.IsSubsetOf(role) && role.Where(_exclusive.Contains).All(title.Contains);

    private HashSet<string> KeysOf(IEnumerable<string> norms)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in norms)
        {
            if (_keys.TryGetValue(n, out var k))
            {
                keys.UnionWith(k);
            }
        }

        return keys;
    }
}
