using System.Collections.Frozen;

namespace Dossier.Pipeline.Matching;

/// <summary>
/// A named sequence of token specs with a label, a priority (higher wins where matches overlap) and free
/// metadata (string fields of its JSONL line other than the reserved ones), e.g. which side of a trigger an
/// argument stands on. Loaded from <c>Data/patterns/*.jsonl</c>; immutable.
/// </summary>
public sealed class TokenPattern
{
    public TokenPattern(string id, string label, int priority, IReadOnlyList<TokenSpec> specs, IReadOnlyDictionary<string, string>? meta = null)
    {
        if (specs.Count == 0 || specs.All(s => s.IsMark))
        {
            throw new ArgumentException($"pattern '{id}' consumes no token", nameof(specs));
        }

        Id = id;
        Label = label;
        Priority = priority;
        Specs = specs;
        SpecArray = specs.ToArray();
        Meta = (meta ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal);
        var captures = new List<string>();
        foreach (var spec in specs)
        {
            spec.Compile();
            if (spec.Capture is null)
            {
                continue;
            }

            var index = captures.IndexOf(spec.Capture);
            if (index < 0)
            {
                index = captures.Count;
                captures.Add(spec.Capture);
            }

            spec.CaptureIndex = index;
        }

        CaptureNames = captures;
    }

    public string Id { get; }

    public string Label { get; }

    public int Priority { get; }

    public IReadOnlyList<TokenSpec> Specs { get; }

    /// <summary>The specs as an array (what the matcher walks).</summary>
    internal TokenSpec[] SpecArray { get; }

    public IReadOnlyList<string> CaptureNames { get; }

    public FrozenDictionary<string, string> Meta { get; }

    /// <summary>A metadata field, or null.</summary>
    public string? this[string key] => Meta.GetValueOrDefault(key);
}
