using System.Collections.Frozen;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Matching;

/// <summary>
/// A set of token patterns, indexed by the normalized forms their first spec accepts (patterns whose first spec
/// is a layer, a shape or optional are tried at every token), in the spirit of spaCy's <c>Matcher</c> and
/// CoreNLP's TokensRegex. Matching backtracks: a repeated spec takes as many tokens as it can, then gives them
/// back until the rest of the pattern matches. Immutable and thread-safe once built.
/// </summary>
public sealed class PatternSet
{
    private readonly FrozenDictionary<string, TokenPattern[]> _byFirstNorm;
    private readonly TokenPattern[] _unindexed;

    public PatternSet(IEnumerable<TokenPattern> patterns)
    {
        Patterns = patterns.ToList();
        var byNorm = new Dictionary<string, List<TokenPattern>>(StringComparer.Ordinal);
        var unindexed = new List<TokenPattern>();
        foreach (var p in Patterns)
        {
            var first = p.Specs.First(s => !s.IsMark);
            var leadingMarksOnly = p.Specs.TakeWhile(s => s != first).All(s => s.IsMark);
            if ((first.Norms is not null || first.Sequences is not null) && first.MinRepeat > 0 && first.Layer is null && leadingMarksOnly)
            {
                var firsts = (first.Norms ?? Enumerable.Empty<string>()).Concat(first.Sequences?.Select(q => q[0]) ?? []).Distinct(StringComparer.Ordinal);
                foreach (var n in firsts)
                {
                    if (!byNorm.TryGetValue(n, out var list))
                    {
                        byNorm[n] = list = [];
                    }

                    list.Add(p);
                }
            }
            else
            {
                unindexed.Add(p);
            }
        }

        _byFirstNorm = byNorm.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _unindexed = unindexed.ToArray();
    }

    public IReadOnlyList<TokenPattern> Patterns { get; }

    public int Count => Patterns.Count;

    public static PatternSet Empty { get; } = new([]);

    /// <summary>Every match that starts in <c>[from, to)</c> and ends by <paramref name="to"/>, in start order.</summary>
    public List<PatternMatch> MatchAll(MatchInput input, int from, int to, string? label = null)
    {
        var result = new List<PatternMatch>();
        for (var i = from; i < to; i++)
        {
            MatchAt(input, i, to, label, result);
        }

        return result;
    }

    /// <summary>
    /// Non-overlapping matches in <c>[from, to)</c>: where matches overlap, the higher priority wins, then the longer,
    /// then the earlier. Returned in start order.
    /// </summary>
    public List<PatternMatch> Matches(MatchInput input, int from, int to, string? label = null) =>
        Resolve(MatchAll(input, from, to, label));

    /// <summary>
    /// The non-overlapping subset of <paramref name="matches"/> (for a caller that first drops the matches whose
    /// conditions fail): where matches overlap, the higher priority wins, then the longer, then the earlier.
    /// Returned in start order; the list passed in is reordered.
    /// </summary>
    public static List<PatternMatch> Resolve(List<PatternMatch> matches)
    {
        var all = matches;
        if (all.Count <= 1)
        {
            return all;
        }

        all.Sort(static (a, b) =>
        {
            var c = b.Pattern.Priority.CompareTo(a.Pattern.Priority);
            if (c != 0)
            {
                return c;
            }

            c = (b.End - b.Start).CompareTo(a.End - a.Start);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var kept = new List<PatternMatch>();
        foreach (var m in all)
        {
            if (!kept.Any(k => k.Overlaps(m)))
            {
                kept.Add(m);
            }
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>The matches that start exactly at <paramref name="start"/> (one per pattern, its longest reading).</summary>
    public void MatchAt(MatchInput input, int start, int to, string? label, List<PatternMatch> into)
    {
        if (start >= to)
        {
            return;
        }

        if (_byFirstNorm.TryGetValue(input.Tokens[start].Norm, out var indexed))
        {
            foreach (var p in indexed)
            {
                TryPattern(input, p, start, to, label, into);
            }
        }

        foreach (var p in _unindexed)
        {
            TryPattern(input, p, start, to, label, into);
        }
    }

    private static void TryPattern(MatchInput input, TokenPattern p, int start, int to, string? label, List<PatternMatch> into)
    {
        if (label is not null && p.Label != label)
        {
            return;
        }

        var captures = p.CaptureNames.Count == 0 ? [] : new TokenRange?[p.CaptureNames.Count];
        if (Match(input, p.Specs, 0, start, to, captures, out var end) && end > start)
        {
            into.Add(new PatternMatch(p, start, end, captures));
        }
    }

    private static bool Match(MatchInput input, IReadOnlyList<TokenSpec> specs, int si, int ti, int to, TokenRange?[] captures, out int end)
    {
        if (si == specs.Count)
        {
            end = ti;
            return true;
        }

        var spec = specs[si];
        if (spec.IsMark)
        {
            captures[spec.CaptureIndex] = new TokenRange(ti, ti);
            return Match(input, specs, si + 1, ti, to, captures, out end);
        }

        // Greedy: the positions after 0, 1, 2 … repetitions, then the longest one that lets the rest match.
        Span<int> small = stackalloc int[8];
        var positions = new PositionList(small);
        positions.Add(ti);
        var cur = ti;
        var max = spec.MaxRepeat;
        while (positions.Count - 1 < max)
        {
            var next = Step(input, spec, cur, to);
            if (next <= cur)
            {
                break;
            }

            positions.Add(next);
            cur = next;
        }

        for (var k = positions.Count - 1; k >= spec.MinRepeat; k--)
        {
            var at = positions[k];
            if (spec.CaptureIndex >= 0)
            {
                captures[spec.CaptureIndex] = k == 0 ? null : new TokenRange(ti, at);
            }

            if (Match(input, specs, si + 1, at, to, captures, out end))
            {
                positions.Dispose();
                return true;
            }
        }

        positions.Dispose();
        end = -1;
        return false;
    }

    /// <summary>The token after one repetition of the spec at <paramref name="ti"/>, or -1.</summary>
    private static int Step(MatchInput input, TokenSpec spec, int ti, int to)
    {
        if (ti >= to)
        {
            return -1;
        }

        if (spec.Layer is not null)
        {
            var end = input.Layers?.EndAt(spec.Layer, ti) ?? -1;
            if (end <= ti || end > to)
            {
                return -1;
            }

            // Token tests on a layer spec apply to the mention's first token.
            return spec.Norms is null && spec.NotNorms is null && spec.FormsOnly || spec.Accepts(input.Tokens[ti], input.Text) ? end : -1;
        }

        if (!spec.Accepts(input.Tokens[ti], input.Text))
        {
            return -1;
        }

        if (spec.Sequences is null)
        {
            return ti + 1;
        }

        // The longest form that matches: a multi-token sequence, else a single-token form.
        var best = spec.Norms is not null && spec.Norms.Contains(input.Tokens[ti].Norm) ? ti + 1 : -1;
        foreach (var seq in spec.Sequences)
        {
            if (ti + seq.Length > to || ti + seq.Length <= best)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < seq.Length && ok; k++)
            {
                ok = input.Tokens[ti + k].Norm == seq[k] && (k == 0 || !Gap(input, ti + k));
            }

            if (ok)
            {
                best = ti + seq.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether a hyphen sequence is broken by white space: "co-chaired" is one form, "co - chaired" across a line
    /// break is not required to be. Only the hyphen of a hyphenated form must touch its neighbours.
    /// </summary>
    private static bool Gap(MatchInput input, int k)
    {
        var prev = input.Tokens[k - 1];
        var cur = input.Tokens[k];
        return (prev.Norm == "-" || cur.Norm == "-") && prev.End != cur.Start;
    }

    /// <summary>A small growable list of positions on the stack, spilling to a pooled array.</summary>
    private ref struct PositionList(Span<int> initial)
    {
        private Span<int> _items = initial;
        private int[]? _rented;

        public int Count { get; private set; }

        public readonly int this[int i] => _items[i];

        public void Add(int value)
        {
            if (Count == _items.Length)
            {
                var bigger = System.Buffers.ArrayPool<int>.Shared.Rent(_items.Length * 2);
                _items.CopyTo(bigger);
                if (_rented is not null)
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(_rented);
                }

                _rented = bigger;
                _items = bigger;
            }

            _items[Count++] = value;
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(_rented);
                _rented = null;
            }
        }
    }
}

/// <summary>What patterns are matched against: tokens, the text they point into, and optionally the document's layers.</summary>
public sealed record MatchInput(List<Token> Tokens, string Text, DocumentLayers? Layers = null);
