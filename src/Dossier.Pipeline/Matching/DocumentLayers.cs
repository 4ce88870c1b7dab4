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

    // A table is either one int per token or, for a layer with no mention in the document (most org:<id> and orgkind:<kind>
    // layers, often money, ordinal, region), the empty array: every reader answers -1 past a table's end. So whether a
    // table is current is told by the token count it was made for, never by its length.
    private readonly Dictionary<string, (int Version, int TokenCount, int[] Ends)> _built = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _custom = new(StringComparer.Ordinal);

    private int[]?[] _byId = new int[]?[16];
    private int[] _idVersions = new int[16];
    private int[] _idTokenCounts = new int[16];

    /// <summary>The end token of the longest mention of <paramref name="layer"/> starting at <paramref name="token"/>, or -1.</summary>
    public int EndAt(string layer, int token) => EndAt(LayerIds.Of(layer), token);

    /// <summary>As <see cref="EndAt(string, int)"/>, by layer id (what a compiled pattern asks): an array index and a version check.</summary>
    public int EndAt(int layerId, int token)
    {
        if (layerId >= _byId.Length)
        {
            Array.Resize(ref _byId, Math.Max(layerId + 1, _byId.Length * 2));
            Array.Resize(ref _idVersions, _byId.Length);
            Array.Resize(ref _idTokenCounts, _byId.Length);
        }

        var version = VersionOf(layerId);
        var ends = _byId[layerId];
        if (ends is null || _idVersions[layerId] != version || _idTokenCounts[layerId] != document.Tokens.Count)
        {
            ends = Ends(LayerName(layerId));
            _byId[layerId] = ends;
            _idVersions[layerId] = version;
            _idTokenCounts[layerId] = document.Tokens.Count;
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
        var count = document.Tokens.Count;
        int[]? ends = null;
        foreach (var r in ranges)
        {
            if (r.Start >= 0 && r.Start < count && r.End > (ends ??= NewEnds())[r.Start])
            {
                ends[r.Start] = r.End;
            }
        }

        _custom[layer] = ends ?? [];
        _lastLayer = null;
        SetCount++;
    }

    /// <summary>How many times a component layer was set (part of the document's layer version).</summary>
    public int SetCount { get; private set; }

    private string? _lastLayer;
    private int _lastVersion;
    private int _lastTokenCount;
    private int[]? _lastEnds;

    private int[] Ends(string layer)
    {
        // Patterns ask for the same layer at every token: remember the last answer while its source is unchanged.
        if (ReferenceEquals(layer, _lastLayer) && _lastEnds is not null && (_custom.Count == 0 || !_custom.ContainsKey(layer) || ReferenceEquals(_custom[layer], _lastEnds))
            && _lastVersion == Version(layer) && _lastTokenCount == document.Tokens.Count)
        {
            return _lastEnds;
        }

        var ends = Lookup(layer);
        _lastLayer = layer;
        _lastVersion = Version(layer);
        _lastTokenCount = document.Tokens.Count;
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
        var count = document.Tokens.Count;
        if (_built.TryGetValue(layer, out var cached) && cached.Version == version && cached.TokenCount == count)
        {
            return cached.Ends;
        }

        // A stale table is refilled in place: a layer's source list grows while components run (entities, numbers), and
        // a new table per growth was 7 % of the pipeline's allocation. Only this class and a pattern scan (for the length of
        // one match call, during which the annotations do not change) hold a table. A layer without mentions gets none.
        var table = new Filling(cached.Ends is { Length: > 0 } stale && stale.Length == count ? stale : null, count);
        Fill(layer, ref table);
        var ends = table.Ends ?? [];
        _built[layer] = (version, count, ends);
        return ends;
    }

    /// <summary>A table being filled: made (or the stale one reset) at its first mention only.</summary>
    private struct Filling(int[]? reuse, int count)
    {
        public int[]? Ends;

        public void Mark(int start, int end)
        {
            if (start < 0 || start >= count)
            {
                return;
            }

            if (Ends is null)
            {
                Ends = reuse ?? new int[count];
                Array.Fill(Ends, -1);
            }

            if (end > Ends[start])
            {
                Ends[start] = end;
            }
        }
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

    /// <summary>Marks in <paramref name="ends"/> the end of the longest mention of a built layer starting at each token (loops, not queries: every document builds several).</summary>
    private void Fill(string layer, ref Filling ends)
    {
        switch (layer)
        {
            case "person":
                foreach (var m in document.PersonMentions)
                {
                    ends.Mark(m.TokenStart, m.TokenEnd);
                }

                return;
            case "date":
                foreach (var d in document.Dates)
                {
                    ends.Mark(d.TokenStart, d.TokenEnd);
                }

                return;
            case "number" or "ordinal" or "money":
                foreach (var n in document.Numbers)
                {
                    var keep = layer switch
                    {
                        "number" => n.Currency is null && !n.Percent && !n.Ordinal,
                        "ordinal" => n.Ordinal,
                        _ => n.Currency is not null,
                    };
                    if (keep)
                    {
                        ends.Mark(n.TokenStart, n.TokenEnd);
                    }
                }

                return;
        }

        string? id = null, kind = null;
        var mode = layer switch
        {
            "country" => 0,
            "place" => 1,
            "city" => 2,
            "region" => 3,
            "org" => 4,
            _ => -1,
        };
        if (mode < 0)
        {
            if (layer.StartsWith("org:", StringComparison.Ordinal))
            {
                (mode, id) = (5, layer[4..]);
            }
            else if (layer.StartsWith("orgkind:", StringComparison.Ordinal))
            {
                (mode, kind) = (6, layer[8..]);
            }
            else
            {
                // A layer no component has set (yet): no mentions.
                return;
            }
        }

        foreach (var e in document.Entities)
        {
            var keep = mode switch
            {
                0 => e.CountryRef is not null,
                1 => e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country or EntityKind.CountryAbbreviation,
                2 => e.Entry.Kind is EntityKind.City or EntityKind.Capital,
                3 => e.Entry.Kind is EntityKind.Region,
                4 => e.Entry.Kind is EntityKind.Organization && e.Confirmed,
                5 => e.Entry.Kind is EntityKind.Organization && e.Confirmed && e.Entry.Id == id,
                _ => e.Entry.Kind is EntityKind.Organization && e.Confirmed && e.Entry.OrgKind == kind,
            };
            if (keep)
            {
                ends.Mark(e.TokenStart, e.TokenEnd);
            }
        }
    }
}
