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

    private readonly FrozenDictionary<string, SetMask> _membership;

    public WordSets(IReadOnlyDictionary<string, IEnumerable<string>> entries)
    {
        var index = 0;
        _sets = entries.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(kv => kv.Key, kv => WordSet.Of(kv.Key, kv.Value, index++), StringComparer.Ordinal);
        var membership = new Dictionary<string, SetMask>(StringComparer.Ordinal);
        foreach (var set in _sets.Values)
        {
            foreach (var word in set.Words)
            {
                membership[word] = membership.GetValueOrDefault(word).With(set.Index);
            }
        }

        _membership = membership.ToFrozenDictionary(StringComparer.Ordinal);

        // Few forms share most masks: the distinct masks in a table (0: in no set), so that a document keeps a small id
        // per token instead of a 32-byte mask.
        var ids = new Dictionary<SetMask, int> { [default] = 0 };
        var masks = new List<SetMask> { default };
        var maskIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, mask) in membership)
        {
            if (!ids.TryGetValue(mask, out var id))
            {
                ids[mask] = id = masks.Count;
                masks.Add(mask);
            }

            maskIds[word] = id;
        }

        _maskIds = maskIds.ToFrozenDictionary(StringComparer.Ordinal);
        _masks = [.. masks];
    }

    private readonly FrozenDictionary<string, int> _maskIds;
    private readonly SetMask[] _masks;

    /// <summary>Every set a normalized form is an entry of (single-token entries), as a mask of set indexes.</summary>
    public SetMask MaskOf(string norm) => _membership.GetValueOrDefault(norm);

    /// <summary>The id of <see cref="MaskOf"/>'s mask among the distinct masks (0: the form is in no set); see <see cref="Mask"/>.</summary>
    public int MaskIdOf(string norm) => _maskIds.GetValueOrDefault(norm);

    /// <summary>Every form that is an entry of some set, with its mask id (what <see cref="TokenLexicon"/> folds in).</summary>
    internal IEnumerable<KeyValuePair<string, int>> MaskIds => _maskIds;

    private TokenLexicon? _lexicon;

    /// <summary>The vocabulary and set-mask ids of forms in one table (one look-up per token for both).</summary>
    public TokenLexicon Lexicon => _lexicon ??= new TokenLexicon(this);

    /// <summary>The mask of an id from <see cref="MaskIdOf"/>.</summary>
    public SetMask Mask(int id) => _masks[id];

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

    // Components name sets with string literals: looked up by reference first (a pointer hash), by value once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordSet> _byReference = new(ReferenceEqualityComparer.Instance);

    /// <summary>The named set; throws naming it when there is none.</summary>
    public WordSet this[string name]
    {
        get
        {
            if (_byReference.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var s = _sets.TryGetValue(name, out var found)
                ? found
                : throw new KeyNotFoundException($"no word set '{name}' (Data/sets/{name}.txt)");
            if (string.IsInterned(name) is not null && _byReference.Count < 4096)
            {
                _byReference.TryAdd(name, s);
            }

            return s;
        }
    }

    /// <summary>Is the token's normalized form a single-token entry of the set?</summary>
    public bool Has(string set, string norm) => this[set].Words.Contains(norm);
}

/// <summary>One word list: its single-token entries and its multi-token sequences; <see cref="Index"/> is its bit in a <see cref="SetMask"/>.</summary>
/// <remarks><see cref="Sequences"/> is an array, not a list interface: components walk it at every token, and a
/// <c>foreach</c> over an interface boxes its enumerator on each walk (4 % of the pipeline's allocation).</remarks>
public sealed record WordSet(string Name, FrozenSet<string> Words, string[][] Sequences, int Index = -1)
{
    public static WordSet Of(string name, IEnumerable<string> entries, int index = -1)
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

        return new WordSet(name, words.ToFrozenSet(StringComparer.Ordinal), sequences.ToArray(), index);
    }
}

/// <summary>Which word sets a form belongs to: one bit per set (<see cref="WordSet.Index"/>), up to 256 sets.</summary>
public readonly record struct SetMask(ulong A, ulong B, ulong C, ulong D)
{
    public const int Capacity = 256;

    public SetMask With(int index) => (index >> 6) switch
    {
        0 => this with { A = A | (1UL << index) },
        1 => this with { B = B | (1UL << (index - 64)) },
        2 => this with { C = C | (1UL << (index - 128)) },
        3 => this with { D = D | (1UL << (index - 192)) },
        _ => throw new ArgumentOutOfRangeException(nameof(index), $"more than {Capacity} word sets"),
    };

    public bool Has(int index) => index >= 0 && ((index >> 6) switch
    {
        0 => A >> index,
        1 => B >> (index - 64),
        2 => C >> (index - 128),
        _ => D >> (index - 192),
    } & 1UL) != 0;
}
