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

    /// <summary>The end token of the longest mention of <paramref name="layer"/> starting at <paramref name="token"/>, or -1.</summary>
    public int EndAt(string layer, int token)
    {
        var ends = Ends(layer);
        return token < ends.Length ? ends[token] : -1;
    }

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
    }

    private int[] Ends(string layer)
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
