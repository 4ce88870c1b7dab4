namespace Dossier.Pipeline.Matching;

/// <summary>
/// The forms a token range must contain for a pattern to match in it, derived from the patterns themselves: every spec
/// that must consume a token (not optional, not a mark) and tests that token's form — a word, a set, a multi-token form
/// (its first word), a layer spec that tests its mention's first token — needs one token of its forms inside the match,
/// so inside the range. A pattern is <em>viable</em> in a range that holds a token of each such group of forms; a pattern
/// with no such spec (only shapes, layers, negations, optional words) is viable everywhere. Conservative by construction:
/// a range that fails the test cannot hold a match, so skipping the pattern there changes no result.
/// Immutable and thread-safe; a matching call counts a range's groups into its own bit set.
/// </summary>
public sealed class RequiredForms
{
    /// <summary>Per pattern (in the order given), the groups of forms its matches need one token of each of.</summary>
    private readonly int[][] _byPattern;

    /// <summary>By vocabulary id, the groups that hold the form (null: none).</summary>
    private readonly int[]?[] _groupsOfId;

    public RequiredForms(IReadOnlyList<TokenPattern> patterns)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<int[]>();
        _byPattern = new int[patterns.Count][];
        for (var p = 0; p < patterns.Count; p++)
        {
            var required = new List<int>();
            foreach (var spec in patterns[p].SpecArray)
            {
                if (Forms(spec) is not { } forms)
                {
                    continue;
                }

                var key = string.Join(',', forms);
                if (!groups.TryGetValue(key, out var g))
                {
                    g = groups[key] = members.Count;
                    members.Add(forms);
                }

                if (!required.Contains(g))
                {
                    required.Add(g);
                }
            }

            _byPattern[p] = required.ToArray();
        }

        GroupCount = members.Count;
        var maxId = members.Count == 0 ? 0 : members.Max(m => m[^1]);
        var ofId = new List<int>?[maxId + 1];
        for (var g = 0; g < members.Count; g++)
        {
            foreach (var id in members[g])
            {
                (ofId[id] ??= []).Add(g);
            }
        }

        _groupsOfId = ofId.Select(l => l?.ToArray()).ToArray();
    }

    /// <summary>How many distinct groups of forms the patterns need (0: no pattern can be skipped by its forms).</summary>
    public int GroupCount { get; }

    /// <summary>The groups pattern <paramref name="pattern"/> needs (empty: viable in every range).</summary>
    public IReadOnlyList<int> Of(int pattern) => _byPattern[pattern];

    /// <summary>
    /// The forms one of which a token consumed by <paramref name="spec"/> must have (sorted vocabulary ids), or null when
    /// the spec may consume nothing or accepts tokens whatever their form.
    /// </summary>
    private static int[]? Forms(TokenSpec spec)
    {
        if (spec.IsMark || spec.MinRepeat < 1 || (spec.NormIds is null && spec.SequenceIds is null))
        {
            return null;
        }

        // A layer spec tests its mention's first token only when it has token tests (else its forms are not looked at).
        if (spec.LayerId >= 0 && !spec.TestsTokens)
        {
            return null;
        }

        var ids = new SortedSet<int>();
        if (spec.NormIds is { } single)
        {
            ids.UnionWith(single.Ids);
        }

        foreach (var seq in spec.SequenceIds ?? [])
        {
            ids.Add(seq[0]);
        }

        return ids.Count == 0 ? null : ids.ToArray();
    }

    /// <summary>Marks in <paramref name="present"/> (one bit per group, cleared by the caller) the groups the tokens <c>ids[from..to)</c> hold.</summary>
    public void Count(int[] ids, int from, int to, ulong[] present)
    {
        var table = _groupsOfId;
        for (var i = from; i < to; i++)
        {
            var id = ids[i];
            if ((uint)id < (uint)table.Length && table[id] is { } gs)
            {
                foreach (var g in gs)
                {
                    present[g >> 6] |= 1UL << (g & 63);
                }
            }
        }
    }

    /// <summary>Does a range whose groups are <paramref name="present"/> hold a token of every group pattern <paramref name="pattern"/> needs?</summary>
    public bool Viable(int pattern, ulong[] present)
    {
        foreach (var g in _byPattern[pattern])
        {
            if ((present[g >> 6] & (1UL << (g & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words of the bit set for <see cref="GroupCount"/> groups.</summary>
    public int Words => (GroupCount + 63) >> 6;
}
