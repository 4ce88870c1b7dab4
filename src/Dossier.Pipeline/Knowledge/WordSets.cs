using System.Collections.Frozen;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// Named word lists (<c>Data/sets/&lt;name&gt;.txt</c>, one word or phrase per line, <c>#</c> comments) that patterns
/// refer to with <c>{"set": "name"}</c>. Each entry is normalized like a token (<see cref="Token.Norm"/>); an entry of
/// several tokens ("co-chaired", "according to") is kept as a sequence. Immutable once loaded.
/// </summary>
public sealed class WordSets
{
    private readonly FrozenDictionary<string, WordSet> _sets;

    public WordSets(IReadOnlyDictionary<string, IEnumerable<string>> entries)
    {
        _sets = entries.ToFrozenDictionary(kv => kv.Key, kv => WordSet.Of(kv.Key, kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The embedded sets, plus sets built from other data (<paramref name="extra"/>: name → entries).</summary>
    public static WordSets LoadEmbedded(IReadOnlyDictionary<string, IEnumerable<string>>? extra = null)
    {
        var entries = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal);
        foreach (var (name, list) in extra ?? new Dictionary<string, IEnumerable<string>>())
        {
            entries[name] = list;
        }

        foreach (var name in DataFiles.Names("sets/", ".txt"))
        {
            entries[name] = DataFiles.ReadLines("sets/" + name + ".txt").ToList();
        }

        return new WordSets(entries);
    }

    public IEnumerable<string> Names => _sets.Keys;

    public bool Contains(string set) => _sets.ContainsKey(set);

    /// <summary>The named set; throws naming it when there is none.</summary>
    public WordSet this[string name] => _sets.TryGetValue(name, out var s)
        ? s
        : throw new KeyNotFoundException($"no word set '{name}' (Data/sets/{name}.txt)");

    /// <summary>Is the token's normalized form a single-token entry of the set?</summary>
    public bool Has(string set, string norm) => this[set].Words.Contains(norm);
}

/// <summary>One word list: its single-token entries and its multi-token sequences.</summary>
public sealed record WordSet(string Name, FrozenSet<string> Words, IReadOnlyList<string[]> Sequences)
{
    public static WordSet Of(string name, IEnumerable<string> entries)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sequences = new List<string[]>();
        foreach (var entry in entries)
        {
            var tokens = Tokenizer.Tokenize(entry);
            if (tokens.Count == 1)
            {
                words.Add(tokens[0].Norm);
            }
            else if (tokens.Count > 1)
            {
                sequences.Add(tokens.Select(t => t.Norm).ToArray());
            }
        }

        return new WordSet(name, words.ToFrozenSet(StringComparer.Ordinal), sequences);
    }
}
