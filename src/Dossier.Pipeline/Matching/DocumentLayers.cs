using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Matching;

/// <summary>
/// The annotation layers a pattern can name, as look-ups from a token to the end of the longest mention that
/// starts there. Built layers ("person", "country", "place", "city", "region", "org", "org:&lt;id&gt;",
/// "orgkind:&lt;kind&gt;", "date", "number", "ordinal", "money") are read from the document's annotations and
/// rebuilt when those grow; components may add layers of their own with <see cref="Set"/>.
/// </summary>
public sealed class DocumentLayers(AnnotatedDocument document)
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal)
    {
        "person", "country", "place", "city", "region", "org", "date", "number", "ordinal", "money",
    };

    /// <summary>Layers that components add with <see cref="Set"/> (named here so pattern files are checked at load).</summary>
    public static IReadOnlyCollection<string> ComponentLayers { get; } = ["title", "quote", "named", "refs", "body", "orgword", "members", "ordinals", "coalition"];

    /// <summary>Is <paramref name="layer"/> a layer a pattern may name?</summary>
    public static bool IsKnown(string layer) =>
        BuiltIn.Contains(layer) || ComponentLayers.Contains(layer)
        || (layer.StartsWith("org:", StringComparison.Ordinal) && layer.Length > 4)
        || (layer.StartsWith("orgkind:", StringComparison.Ordinal) && layer.Length > 8);

    private readonly Dictionary<string, (int Version, int[] Ends)> _built = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _custom = new(StringComparer.Ordinal);

    private int[]?[] _byId = new int[]?[16];
    private int[] _idVersions = new int[16];

    /// <summary>The end token of the longest mention of <paramref name="layer"/> starting at <paramref name="token"/>, or -1.</summary>
    public int EndAt(string layer, int token) => EndAt(LayerIds.Of(layer), token);

    /// <summary>As <see cref="EndAt(string, int)"/>, by layer id (what a compiled pattern asks): an array index and a version check.</summary>
    public int EndAt(int layerId, int token)
    {
        if (layerId >= _byId.Length)
        {
            Array.Resize(ref _byId, Math.Max(layerId + 1, _byId.Length * 2));
            Array.Resize(ref _idVersions, _byId.Length);
        }

        var version = VersionOf(layerId);
        var ends = _byId[layerId];
        if (ends is null || _idVersions[layerId] != version || ends.Length != document.Tokens.Count)
        {
            ends = Ends(LayerName(layerId));
            _byId[layerId] = ends;
            _idVersions[layerId] = version;
        }

        return token < ends.Length ? ends[token] : -1;
    }

    /// <summary>A layer's whole look-up table (token → end of the longest mention starting there, or -1), current.</summary>
    public int[] Table(int layerId)
    {
        EndAt(layerId, 0);
        return _byId[layerId]!;
    }

    private static string LayerName(int id) => LayerIds.Name(id);

    /// <summary>The version of a layer by id: its source list's length, and how often component layers were set.</summary>
    private int VersionOf(int layerId) => LayerIds.Source(layerId) switch
    {
        LayerSource.People => document.PersonMentions.Count,
        LayerSource.Dates => document.Dates.Count,
        LayerSource.Numbers => document.Numbers.Count,
        LayerSource.Component => SetCount,
        _ => document.Entities.Count,
    };

    /// <summary>Adds (or replaces) a component's own layer of token ranges.</summary>
    public void Set(string layer, IEnumerable<TokenRange> ranges)
    {
        var ends = NewEnds();
        foreach (var r in ranges)
        {
            if (r.Start >= 0 && r.Start < ends.Length && r.End > ends[r.Start])
            {
                ends[r.Start] = r.End;
            }
        }

        _custom[layer] = ends;
        _lastLayer = null;
        SetCount++;
    }

    /// <summary>How many times a component layer was set (part of the document's layer version).</summary>
    public int SetCount { get; private set; }

    private string? _lastLayer;
    private int _lastVersion;
    private int[]? _lastEnds;

    private int[] Ends(string layer)
    {
        // Patterns ask for the same layer at every token: remember the last answer while its source is unchanged.
        if (ReferenceEquals(layer, _lastLayer) && _lastEnds is not null && (_custom.Count == 0 || !_custom.ContainsKey(layer) || ReferenceEquals(_custom[layer], _lastEnds))
            && _lastVersion == Version(layer) && _lastEnds.Length == document.Tokens.Count)
        {
            return _lastEnds;
        }

        var ends = Lookup(layer);
        _lastLayer = layer;
        _lastVersion = Version(layer);
        _lastEnds = ends;
        return ends;
    }

    private int[] Lookup(string layer)
    {
        if (_custom.TryGetValue(layer, out var custom))
        {
            return custom;
        }

        var version = Version(layer);
        if (_built.TryGetValue(layer, out var cached) && cached.Version == version && cached.Ends.Length == document.Tokens.Count)
        {
            return cached.Ends;
        }

        var ends = NewEnds();
        foreach (var (start, end) in Mentions(layer))
        {
            if (start >= 0 && start < ends.Length && end > ends[start])
            {
                ends[start] = end;
            }
        }

        _built[layer] = (version, ends);
        return ends;
    }

    private int[] NewEnds()
    {
        var ends = new int[document.Tokens.Count];
        Array.Fill(ends, -1);
        return ends;
    }

    private int Version(string layer) => layer switch
    {
        "person" => document.PersonMentions.Count,
        "date" => document.Dates.Count,
        "number" or "ordinal" or "money" => document.Numbers.Count,
        _ => document.Entities.Count,
    };

    private IEnumerable<(int Start, int End)> Mentions(string layer)
    {
        switch (layer)
        {
            case "person":
                return document.PersonMentions.Select(m => (m.TokenStart, m.TokenEnd));
            case "date":
                return document.Dates.Select(d => (d.TokenStart, d.TokenEnd));
            case "number":
                return document.Numbers.Where(n => n.Currency is null && !n.Percent && !n.Ordinal).Select(n => (n.TokenStart, n.TokenEnd));
            case "ordinal":
                return document.Numbers.Where(n => n.Ordinal).Select(n => (n.TokenStart, n.TokenEnd));
            case "money":
                return document.Numbers.Where(n => n.Currency is not null).Select(n => (n.TokenStart, n.TokenEnd));
            case "country":
                return EntitiesWhere(e => e.CountryRef is not null);
            case "place":
                return EntitiesWhere(e => e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country or EntityKind.CountryAbbreviation);
            case "city":
                return EntitiesWhere(e => e.Entry.Kind is EntityKind.City or EntityKind.Capital);
            case "region":
                return EntitiesWhere(e => e.Entry.Kind is EntityKind.Region);
            case "org":
                return EntitiesWhere(e => e.Entry.Kind is EntityKind.Organization && e.Confirmed);
        }

        if (layer.StartsWith("org:", StringComparison.Ordinal))
        {
            var id = layer[4..];
            return EntitiesWhere(e => e.Entry.Kind is EntityKind.Organization && e.Confirmed && e.Entry.Id == id);
        }

        if (layer.StartsWith("orgkind:", StringComparison.Ordinal))
        {
            var kind = layer[8..];
            return EntitiesWhere(e => e.Entry.Kind is EntityKind.Organization && e.Confirmed && e.Entry.OrgKind == kind);
        }

        // A layer no component has set (yet): no mentions.
        return [];
    }

    private IEnumerable<(int Start, int End)> EntitiesWhere(Func<EntityMention, bool> keep) =>
        document.Entities.Where(keep).Select(e => (e.TokenStart, e.TokenEnd));
}
