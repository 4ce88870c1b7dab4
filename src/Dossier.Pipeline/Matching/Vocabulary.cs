using System.Collections.Concurrent;

namespace Dossier.Pipeline.Matching;

/// <summary>
/// Integer ids of the normalized forms that patterns and word sets name (never of a document's other words, so it stays
/// as small as the knowledge). A token is looked up once per document (<see cref="MatchInput.NormIds"/>); a spec then
/// tests an id instead of hashing the token's string for every pattern that is tried. Unknown forms are 0.
/// Thread-safe; ids are given when knowledge is loaded.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>A frozen copy of <see cref="Ids"/> for look-ups (one per token of every document), rebuilt when forms were added.</summary>
    private static Snapshot _frozen = new(-1, System.Collections.Frozen.FrozenDictionary<string, int>.Empty);

    /// <summary>How many forms have an id (grows only while knowledge is loaded).</summary>
    public static int Count => Volatile.Read(ref _count);

    private static readonly object Gate = new();

    /// <summary>The id of a form, given it if it has none (the count grows only after the form is in the table).</summary>
    public static int Intern(string norm)
    {
        if (Ids.TryGetValue(norm, out var id))
        {
            return id;
        }

        lock (Gate)
        {
            if (!Ids.TryGetValue(norm, out id))
            {
                id = _count + 1;
                Ids[norm] = id;
                Volatile.Write(ref _count, id);
            }

            return id;
        }
    }

    public static int Lookup(string norm) => Frozen().TryGetValue(norm, out var id) ? id : 0;

    /// <summary>The look-up table of the current forms: a snapshot, valid while no form is added.</summary>
    public static System.Collections.Frozen.FrozenDictionary<string, int> Frozen()
    {
        var frozen = Volatile.Read(ref _frozen);
        var count = Count;
        if (frozen.Count == count)
        {
            return frozen.Ids;
        }

        // Read the count before copying: a form interned during the copy changes it, and the next call copies again.
        var ids = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Ids, StringComparer.Ordinal);
        Volatile.Write(ref _frozen, new Snapshot(count, ids));
        return ids;
    }

    private sealed record Snapshot(int Count, System.Collections.Frozen.FrozenDictionary<string, int> Ids);
}

/// <summary>A set of vocabulary ids: a few ids in an array, more as a bit set.</summary>
public sealed class IdSet
{
    private readonly int[]? _small;
    private readonly ulong[]? _bits;

    public IdSet(IEnumerable<string> norms)
    {
        var ids = norms.Select(Vocabulary.Intern).Distinct().Order().ToArray();
        if (ids.Length <= 8)
        {
            _small = ids;
            return;
        }

        _bits = new ulong[(ids[^1] >> 6) + 1];
        foreach (var id in ids)
        {
            _bits[id >> 6] |= 1UL << (id & 63);
        }
    }

    /// <summary>The ids in the set, ascending.</summary>
    public IEnumerable<int> Ids
    {
        get
        {
            if (_small is { } small)
            {
                foreach (var id in small)
                {
                    yield return id;
                }

                yield break;
            }

            for (var w = 0; w < _bits!.Length; w++)
            {
                for (var bits = _bits[w]; bits != 0; bits &= bits - 1)
                {
                    yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                }
            }
        }
    }

    public bool Contains(int id)
    {
        if (id <= 0)
        {
            return false;
        }

        if (_small is { } small)
        {
            foreach (var x in small)
            {
                if (x == id)
                {
                    return true;
                }
            }

            return false;
        }

        var word = id >> 6;
        return word < _bits!.Length && (_bits[word] & (1UL << (id & 63))) != 0;
    }
}

/// <summary>Integer ids of layer names, so a document finds a layer's look-up table by index.</summary>
public static class LayerIds
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, string> Names = new();
    private static LayerSource[] _sources = new LayerSource[64];
    private static readonly object Gate = new();
    private static int _count;

    public static int Of(string layer)
    {
        if (Ids.TryGetValue(layer, out var id))
        {
            return id;
        }

        lock (Gate)
        {
            if (!Ids.TryGetValue(layer, out id))
            {
                id = _count++;
                Names[id] = layer;
                if (id >= _sources.Length)
                {
                    var bigger = new LayerSource[_sources.Length * 2];
                    _sources.CopyTo(bigger, 0);
                    _sources = bigger;
                }

                _sources[id] = layer switch
                {
                    "person" => LayerSource.People,
                    "date" => LayerSource.Dates,
                    "number" or "ordinal" or "money" => LayerSource.Numbers,
                    _ when DocumentLayers.ComponentLayers.Contains(layer) => LayerSource.Component,
                    _ => LayerSource.Entities,
                };
                Ids[layer] = id;
            }

            return id;
        }
    }

    public static string Name(int id) => Names[id];

    /// <summary>Which annotations a layer is built from (what its version follows).</summary>
    public static LayerSource Source(int id) => Volatile.Read(ref _sources)[id];
}

/// <summary>What a layer is built from.</summary>
public enum LayerSource
{
    Entities,
    People,
    Dates,
    Numbers,
    Component,
}
