namespace Dossier.Store;

/// <summary>
/// What the names of one write transaction resolved to, so that the articles of a batch do not look up the same names
/// again and again. Only answers that cannot change with mention counts are kept (no entity, or exactly one, of the
/// name); an answer is forgotten when an article writes its name, and all of them when an article is replaced
/// or rolled back.
/// </summary>
internal sealed class AliasResolutions
{
    private readonly Dictionary<(string Kind, string Key), string?> _known = [];

    public bool TryGet(string kind, string key, out string? entityId) => _known.TryGetValue((kind, key), out entityId);

    public void Remember(string kind, string key, string? entityId) => _known[(kind, key)] = entityId;

    public void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            foreach (var kind in EntityKinds.All)
            {
                _known.Remove((kind, key));
            }
        }
    }

    public void Clear() => _known.Clear();
}
