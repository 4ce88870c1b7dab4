namespace Dossier.Evaluation;

/// <summary>
/// Python's <c>collections.Counter</c> as score.py uses it: counts per key in first-insertion order, and the key
/// first inserted keeps its repr (as a dict keeps its first key object when an equal one is counted).
/// </summary>
internal sealed class PyCounter
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(PyKey Key, int Count)> _items = [];

    public PyCounter(IEnumerable<PyKey> keys)
    {
        foreach (var k in keys)
        {
            if (_index.TryGetValue(k.Equality, out var i))
            {
                _items[i] = (_items[i].Key, _items[i].Count + 1);
            }
            else
            {
                _index[k.Equality] = _items.Count;
                _items.Add((k, 1));
            }
        }
    }

    /// <summary><c>counter.get(key, 0)</c>.</summary>
    public int Get(PyKey key) => _index.TryGetValue(key.Equality, out var i) ? _items[i].Count : 0;

    /// <summary><c>counter.items()</c>, in insertion order.</summary>
    public IReadOnlyList<(PyKey Key, int Count)> Items => _items;
}
