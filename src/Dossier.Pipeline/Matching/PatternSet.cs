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

    /// <summary><see cref="_byFirstNorm"/> by vocabulary id (a token's id is looked up once per document): no string hash per token.</summary>
    private readonly Indexed[]?[] _byFirstId;
    /// <summary>
    /// The patterns not indexed by their first token's form: those started by a layer, grouped by it (a group is a slice
    /// <c>(From, Count)</c> of <see cref="_tried"/>), then those tried at every token (from <see cref="_unindexedFrom"/>).
    /// </summary>
    private readonly (int Layer, int From, int Count)[] _layerGroups;
    private readonly Anchored[] _tried;
    private readonly int _unindexedFrom;

    /// <summary>How many patterns of <see cref="_byFirstLayer"/> and <see cref="_unindexed"/> have an anchor (the slots a scan keeps).</summary>
    private readonly int _anchorSlots;

    /// <summary>
    /// A pattern that is not indexed by its first token's form, with its anchor when it has one: the forms a token must have
    /// between the start and <c>Reach</c> tokens after it (its first spec that must match a form; without a bound on the
    /// specs before it, anywhere before the end of the range). A start with no such token within reach cannot begin a
    /// match, so the pattern is not tried there (what the first-token index does for the other patterns).
    /// </summary>
    private readonly record struct Anchored(TokenPattern Pattern, int Index, IdSet? Forms, int Reach, int Slot);

    /// <summary>A pattern with its index in <see cref="Patterns"/> (what <see cref="RequiredForms"/> counts by).</summary>
    private readonly record struct Indexed(TokenPattern Pattern, int Index);

    /// <summary>The forms each pattern needs in a range (<see cref="MatchAll"/> skips the patterns a range cannot hold).</summary>
    private readonly RequiredForms _required;

    /// <summary>
    /// Indexes each pattern by the tokens that can start it — the forms of its leading specs up to the first one that
    /// must match (optional specs and marks before it add theirs) — or by the layers that can start it; a pattern that can
    /// start at any token (a shape, a negation, an "any") is tried everywhere.
    /// </summary>
    public PatternSet(IEnumerable<TokenPattern> patterns)
    {
        Patterns = patterns.ToList();
        var byNorm = new Dictionary<string, List<TokenPattern>>(StringComparer.Ordinal);
        var byLayer = new Dictionary<string, List<TokenPattern>>(StringComparer.Ordinal);
        var unindexed = new List<TokenPattern>();
        foreach (var p in Patterns)
        {
            var (norms, layers, anywhere) = FirstTokens(p);
            if (anywhere || (norms.Count > 0 && layers.Count > 0))
            {
                unindexed.Add(p);
                continue;
            }

            foreach (var n in norms)
            {
                if (!byNorm.TryGetValue(n, out var list))
                {
                    byNorm[n] = list = [];
                }

                list.Add(p);
            }

            foreach (var l in layers)
            {
                if (!byLayer.TryGetValue(l, out var list))
                {
                    byLayer[l] = list = [];
                }

                list.Add(p);
            }
        }

        _byFirstNorm = byNorm.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        var ids = byNorm.Keys.Select(k => (Norm: k, Id: Vocabulary.Intern(k))).ToList();
        var index = new Dictionary<TokenPattern, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Patterns.Count; i++)
        {
            index.TryAdd(Patterns[i], i);
        }

        _byFirstId = new Indexed[]?[ids.Count == 0 ? 1 : ids.Max(x => x.Id) + 1];
        foreach (var (norm, id) in ids)
        {
            _byFirstId[id] = _byFirstNorm[norm].Select(p => new Indexed(p, index[p])).ToArray();
        }

        _required = new RequiredForms(Patterns);
        var slots = 0;
        Anchored WithAnchor(TokenPattern p) => Anchor(p) is { } a ? new Anchored(p, index[p], a.Forms, a.Reach, slots++) : new Anchored(p, index[p], null, 0, -1);
        var tried = new List<Anchored>();
        var groups = new List<(int, int, int)>();
        foreach (var (layer, list) in byLayer)
        {
            groups.Add((LayerIds.Of(layer), tried.Count, list.Count));
            tried.AddRange(list.Select(WithAnchor));
        }

        _layerGroups = [.. groups];
        _unindexedFrom = tried.Count;
        tried.AddRange(unindexed.Select(WithAnchor));
        _tried = [.. tried];
        _anchorSlots = slots;
    }

    /// <summary>
    /// The first spec of <paramref name="p"/> that must match a token by its form (a layer spec tests its mention's first
    /// token), and how many tokens the specs before it may consume at most (<see cref="int.MaxValue"/>: no bound, as after
    /// a layer, a sequence or an unbounded repeat); null when no spec must match a form.
    /// </summary>
    private static (IdSet Forms, int Reach)? Anchor(TokenPattern p)
    {
        var reach = 0;
        foreach (var spec in p.SpecArray)
        {
            if (spec.IsMark)
            {
                continue;
            }

            if (spec.MinRepeat >= 1 && spec.SequenceIds is null && spec.NormIds is { } forms && (spec.LayerId < 0 || spec.TestsTokens))
            {
                return (forms, reach);
            }

            if (spec.LayerId >= 0 || spec.SequenceIds is not null || spec.MaxRepeat > 64 || reach == int.MaxValue)
            {
                reach = int.MaxValue;
            }
            else
            {
                reach += spec.MaxRepeat;
            }
        }

        return null;
    }

    private static (HashSet<string> Norms, HashSet<string> Layers, bool Anywhere) FirstTokens(TokenPattern p)
    {
        var norms = new HashSet<string>(StringComparer.Ordinal);
        var layers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in p.Specs)
        {
            if (spec.IsMark)
            {
                continue;
            }

            if (spec.Layer is not null)
            {
                layers.Add(spec.Layer);
            }
            else if (spec.Norms is not null || spec.Sequences is not null)
            {
                norms.UnionWith(spec.Norms ?? Enumerable.Empty<string>());
                norms.UnionWith(spec.Sequences?.Select(q => q[0]) ?? []);
            }
            else
            {
                return (norms, layers, true);
            }

            if (spec.MinRepeat > 0)
            {
                return (norms, layers, false);
            }
        }

        // Every spec is optional: the first token of a match may be anything after them.
        return (norms, layers, true);
    }

    public IReadOnlyList<TokenPattern> Patterns { get; }

    public int Count => Patterns.Count;

    public static PatternSet Empty { get; } = new([]);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PatternSet> _byLabel = new(StringComparer.Ordinal);

    /// <summary>The patterns of one label, as a set of their own (built once, so a label costs no test of the others).</summary>
    public PatternSet ForLabel(string label) =>
        _byLabel.GetOrAdd(label, l => Patterns.All(p => p.Label == l) ? this : new PatternSet(Patterns.Where(p => p.Label == l)));

    /// <summary>Every match that starts in <c>[from, to)</c> and ends by <paramref name="to"/>, in start order.</summary>
    public List<PatternMatch> MatchAll(MatchInput input, int from, int to, string? label = null)
    {
        if (label is not null && ForLabel(label) is { } subset && !ReferenceEquals(subset, this))
        {
            return subset.MatchAll(input, from, to, null);
        }

        var result = new List<PatternMatch>();
        var scan = Scan.Rent(input);
        if (_required.GroupCount > 0)
        {
            // The range's forms counted once; the layer-led and unindexed patterns it cannot hold are dropped for the whole
            // range, so no token asks about them.
            scan.Filter(this, from, to);
            scan.Keep(_layerGroups, _tried, _unindexedFrom, out var groups, out var tried, out var unindexedFrom);
            for (var i = from; i < to; i++)
            {
                MatchAt(scan, i, to, result, groups, tried, unindexedFrom);
            }
        }
        else
        {
            for (var i = from; i < to; i++)
            {
                MatchAt(scan, i, to, result, _layerGroups, _tried, _unindexedFrom);
            }
        }

        Scan.Return(scan);

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
            var free = true;
            foreach (var k in kept)
            {
                if (k.Overlaps(m))
                {
                    free = false;
                    break;
                }
            }

            if (free)
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
        if (label is not null && ForLabel(label) is { } subset && !ReferenceEquals(subset, this))
        {
            subset.MatchAt(input, start, to, null, into);
            return;
        }

        var scan = Scan.Rent(input);
        MatchAt(scan, start, to, into, _layerGroups, _tried, _unindexedFrom);
        Scan.Return(scan);
    }

    private void MatchAt(Scan scan, int start, int to, List<PatternMatch> into, ReadOnlySpan<(int Layer, int From, int Count)> groups, ReadOnlySpan<Anchored> tried, int unindexedFrom)
    {
        if (start >= to)
        {
            return;
        }

        var id = scan.Ids[start];
        if ((uint)id < (uint)_byFirstId.Length && _byFirstId[id] is { } indexed)
        {
            foreach (var p in indexed)
            {
                if (scan.Viable(p.Index))
                {
                    TryPattern(scan, p.Pattern, start, to, into);
                }
            }
        }

        if (scan.Layers is not null)
        {
            foreach (var (layer, from, count) in groups)
            {
                if (scan.LayerEnd(layer, start) > start)
                {
                    foreach (ref readonly var a in tried.Slice(from, count))
                    {
                        TryAnchored(scan, a, start, to, into);
                    }
                }
            }
        }

        foreach (ref readonly var a in tried[unindexedFrom..])
        {
            TryAnchored(scan, a, start, to, into);
        }
    }

    private void TryAnchored(Scan scan, in Anchored a, int start, int to, List<PatternMatch> into)
    {
        if (!scan.Viable(a.Index))
        {
            return;
        }

        if (a.Forms is { } forms)
        {
            var last = a.Reach >= to - start ? to - 1 : start + a.Reach;
            if (!scan.AnchorWithin(a.Slot, _anchorSlots, forms, start, last))
            {
                return;
            }
        }

        TryPattern(scan, a.Pattern, start, to, into);
    }

    private static void TryPattern(Scan scan, TokenPattern p, int start, int to, List<PatternMatch> into)
    {
        // Captures are written into the scan's scratch array while matching and copied only for a match.
        var n = p.CaptureNames.Count;
        var captures = scan.Captures(n);
        if (Match(scan, p.SpecArray, 0, start, to, captures, out var end) && end > start)
        {
            into.Add(new PatternMatch(p, start, end, n == 0 ? [] : captures.AsSpan(0, n).ToArray()));
        }
    }

    private static bool Match(Scan scan, TokenSpec[] specs, int si, int ti, int to, TokenRange?[] captures, out int end)
    {
        while (si < specs.Length && specs[si].IsMark)
        {
            captures[specs[si].CaptureIndex] = new TokenRange(ti, ti);
            si++;
        }

        if (si == specs.Length)
        {
            end = ti;
            return true;
        }

        var spec = specs[si];
        var max = spec.MaxRepeat;
        if (max == 1)
        {
            // One token (or mention) at most: no list of positions needed.
            var next = Step(scan, spec, ti, to);
            if (next > ti)
            {
                if (spec.CaptureIndex >= 0)
                {
                    captures[spec.CaptureIndex] = new TokenRange(ti, next);
                }

                if (Match(scan, specs, si + 1, next, to, captures, out end))
                {
                    return true;
                }
            }

            if (spec.MinRepeat == 0)
            {
                if (spec.CaptureIndex >= 0)
                {
                    captures[spec.CaptureIndex] = null;
                }

                return Match(scan, specs, si + 1, ti, to, captures, out end);
            }

            end = -1;
            return false;
        }

        // Greedy: the positions after 0, 1, 2 … repetitions, then the longest one that lets the rest match.
        Span<int> small = stackalloc int[8];
        var positions = new PositionList(small);
        positions.Add(ti);
        var cur = ti;
        while (positions.Count - 1 < max)
        {
            var next = Step(scan, spec, cur, to);
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

            if (Match(scan, specs, si + 1, at, to, captures, out end))
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
    private static int Step(Scan scan, TokenSpec spec, int ti, int to)
    {
        if (ti >= to)
        {
            return -1;
        }

        if (spec.LayerId >= 0)
        {
            var end = scan.LayerEnd(spec.LayerId, ti);
            if (end <= ti || end > to)
            {
                return -1;
            }

            // Token tests on a layer spec apply to the mention's first token; a set with multi-token forms must have one
            // of its forms start there, inside the mention.
            return !spec.TestsTokens || (spec.Accepts(scan.Input, scan.Ids, ti) && (spec.SequenceIds is null || FormEnd(scan, spec, ti, end) > ti)) ? end : -1;
        }

        if (!spec.Accepts(scan.Input, scan.Ids, ti))
        {
            return -1;
        }

        return spec.SequenceIds is null ? ti + 1 : FormEnd(scan, spec, ti, to);
    }

    /// <summary>The token after the longest form of a spec with multi-token forms at <paramref name="ti"/>: a sequence, else a single-token form; -1 when none matches.</summary>
    private static int FormEnd(Scan scan, TokenSpec spec, int ti, int to)
    {
        var sequences = spec.SequenceIds!;
        var ids = scan.Ids;
        var best = spec.NormIds is { } single && single.Contains(ids[ti]) ? ti + 1 : -1;
        foreach (var seq in sequences)
        {
            if (ti + seq.Length > to || ti + seq.Length <= best)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < seq.Length && ok; k++)
            {
                ok = ids[ti + k] == seq[k] && (k == 0 || !Gap(scan.Input, ti + k));
            }

            if (ok)
            {
                best = ti + seq.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// One matching call's view of the input: the token ids and the layers' look-up tables resolved once, and a scratch
    /// array for captures.
    /// </summary>
    private sealed class Scan
    {
        /// <summary>The thread's idle scan: one matching call at a time per thread reuses it (a nested call makes its own).</summary>
        [ThreadStatic]
        private static Scan? t_idle;

        private int[]?[]? _layers;
        private TokenRange?[] _captures = new TokenRange?[16];

        private Scan(MatchInput input)
        {
            Input = input;
            Tokens = input.Tokens;
            Ids = input.NormIds;
            Layers = input.Layers;
        }

        public static Scan Rent(MatchInput input)
        {
            var scan = t_idle;
            if (scan is null)
            {
                return new Scan(input);
            }

            t_idle = null;
            scan.Input = input;
            scan.Tokens = input.Tokens;
            scan.Ids = input.NormIds;
            scan.Layers = input.Layers;
            return scan;
        }

        /// <summary>Gives the scan back for the thread's next call, forgetting the input (its layers and anchors).</summary>
        public static void Return(Scan scan)
        {
            if (scan._layers is { } layers)
            {
                Array.Clear(layers);
            }

            scan._anchorsReady = false;
            scan._filter = null;
            scan.Input = null!;
            scan.Tokens = null!;
            scan.Ids = [];
            scan.Layers = null;
            t_idle = scan;
        }

        public MatchInput Input { get; private set; }
        public List<Token> Tokens { get; private set; }
        public int[] Ids { get; private set; }
        public DocumentLayers? Layers { get; private set; }

        public int LayerEnd(int layerId, int token)
        {
            var layers = _layers ??= new int[]?[Math.Max(16, layerId + 1)];
            if (layerId >= layers.Length)
            {
                Array.Resize(ref _layers, layerId + 8);
                layers = _layers!;
            }

            var ends = layers[layerId] ??= Layers?.Table(layerId) ?? [];
            return token < ends.Length ? ends[token] : -1;
        }

        // Per anchored pattern (by its index among the unindexed ones): the nearest token at or after the last start asked
        // about whose form is the anchor's (-1: none found yet), and the first position not yet looked at. Starts only grow
        // within one scan (MatchAll), so each pattern looks at each token once.
        private int[] _anchorHit = [];
        private int[] _anchorScanned = [];
        private bool _anchorsReady;

        /// <summary>Is a token of <paramref name="forms"/> in <c>[start, last]</c>?</summary>
        public bool AnchorWithin(int k, int count, IdSet forms, int start, int last)
        {
            if (!_anchorsReady)
            {
                if (_anchorHit.Length < count)
                {
                    _anchorHit = new int[Math.Max(count, 16)];
                    _anchorScanned = new int[_anchorHit.Length];
                }

                Array.Fill(_anchorHit, -1, 0, count);
                Array.Clear(_anchorScanned, 0, count);
                _anchorsReady = true;
            }

            var hit = _anchorHit[k];
            if (hit < start)
            {
                var j = Math.Max(start, _anchorScanned[k]);
                hit = -1;
                var ids = Ids;
                for (; j <= last; j++)
                {
                    if (forms.Contains(ids[j]))
                    {
                        hit = j;
                        break;
                    }
                }

                _anchorScanned[k] = hit >= 0 ? hit + 1 : j;
                _anchorHit[k] = hit;
            }

            return hit >= 0 && hit <= last;
        }

        // Which patterns of the set being matched a range can hold (its required forms, counted once per MatchAll, each
        // pattern's verdict worked out when it is first asked for); off for a call at one start (MatchAt), where every
        // pattern is tried.
        private RequiredForms? _filter;
        private bool[] _viable = [];
        private int[] _askedIn = [];
        private int _range;
        private ulong[] _present = [];

        /// <summary>Counts the forms <paramref name="set"/>'s patterns need in <c>[from, to)</c>, for <see cref="Viable"/>.</summary>
        public void Filter(PatternSet set, int from, int to)
        {
            var required = set._required;
            var words = required.Words;
            if (_present.Length < words)
            {
                _present = new ulong[words];
            }
            else
            {
                Array.Clear(_present, 0, words);
            }

            var n = set.Patterns.Count;
            if (_askedIn.Length < n)
            {
                _viable = new bool[n];
                _askedIn = new int[n];
                _range = 0;
            }

            // A fresh number per range: the verdicts of earlier ranges are stale without clearing them.
            if (++_range == int.MaxValue)
            {
                Array.Clear(_askedIn);
                _range = 1;
            }

            required.Count(Ids, from, to, _present);
            _filter = required;
        }

        private Anchored[] _kept = [];
        private (int Layer, int From, int Count)[] _keptGroups = [];

        /// <summary>
        /// The layer groups and patterns of <paramref name="tried"/> (laid out as <see cref="_tried"/>) that the filtered range
        /// can hold, in the same layout and order; valid until the next call.
        /// </summary>
        public void Keep((int Layer, int From, int Count)[] groups, Anchored[] tried, int unindexedFrom,
            out ReadOnlySpan<(int Layer, int From, int Count)> keptGroups, out ReadOnlySpan<Anchored> kept, out int keptUnindexedFrom)
        {
            if (_kept.Length < tried.Length)
            {
                _kept = new Anchored[tried.Length];
            }

            if (_keptGroups.Length < groups.Length)
            {
                _keptGroups = new (int, int, int)[groups.Length];
            }

            var n = 0;
            var g = 0;
            foreach (var (layer, from, count) in groups)
            {
                var start = n;
                for (var k = from; k < from + count; k++)
                {
                    if (Viable(tried[k].Index))
                    {
                        _kept[n++] = tried[k];
                    }
                }

                if (n > start)
                {
                    _keptGroups[g++] = (layer, start, n - start);
                }
            }

            var keptUnindexed = n;
            for (var k = unindexedFrom; k < tried.Length; k++)
            {
                if (Viable(tried[k].Index))
                {
                    _kept[n++] = tried[k];
                }
            }

            keptGroups = _keptGroups.AsSpan(0, g);
            kept = _kept.AsSpan(0, n);
            keptUnindexedFrom = keptUnindexed;
        }

        /// <summary>May pattern <paramref name="index"/> match in the range being scanned? (always, when not filtering)</summary>
        public bool Viable(int index)
        {
            if (_filter is not { } required)
            {
                return true;
            }

            if (_askedIn[index] != _range)
            {
                _viable[index] = required.Viable(index, _present);
                _askedIn[index] = _range;
            }

            return _viable[index];
        }

        public TokenRange?[] Captures(int n)
        {
            if (_captures.Length < n)
            {
                _captures = new TokenRange?[n];
            }

            return _captures;
        }
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
public sealed record MatchInput(List<Token> Tokens, string Text, DocumentLayers? Layers = null)
{
    private int[]? _normIds;
    private int _vocabulary;

    /// <summary>Takes ids looked up elsewhere (<see cref="Knowledge.TokenLexicon"/>) for the vocabulary size they were looked up at.</summary>
    internal void UseIds(int[] ids, int vocabulary)
    {
        _normIds = ids;
        _vocabulary = vocabulary;
    }

    /// <summary>The <see cref="Vocabulary"/> id of every token's normalized form (0: a form no pattern names), looked up once.</summary>
    public int[] NormIds
    {
        get
        {
            if (_normIds is { } ids && ids.Length == Tokens.Count && _vocabulary == Vocabulary.Count)
            {
                return ids;
            }

            _vocabulary = Vocabulary.Count;
            var vocabulary = Vocabulary.Frozen();
            var fresh = new int[Tokens.Count];
            for (var i = 0; i < fresh.Length; i++)
            {
                fresh[i] = vocabulary.TryGetValue(Tokens[i].Norm, out var id) ? id : 0;
            }

            return _normIds = fresh;
        }
    }
}
