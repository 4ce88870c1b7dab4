using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Matching;

/// <summary>
/// Reads token patterns from JSONL, one pattern per line (<c>#</c> lines and blank lines skipped):
/// <code>
/// {"id": "host.by", "label": "host", "priority": 10, "args": "after",
///  "pattern": ["hosted by", {"mark": "arg"}]}
/// </code>
/// A pattern element is a phrase (a string: one spec per token, each matching that token's normalized form) or a
/// spec object with any of: <c>lower</c> (a form or a list of forms; a form of several tokens such as "co-chaired"
/// is a sequence), <c>set</c> (a word set of <c>Data/sets</c>), <c>not_in</c>, <c>not_set</c>, <c>text</c> (exact,
/// case-sensitive), <c>shape</c> (title, upper, lower, digit, punct, word), <c>prefix</c>, <c>suffix</c>,
/// <c>layer</c> (an annotation layer: the spec consumes a whole mention), <c>any</c> (true: any token),
/// <c>op</c> (<c>?</c>, <c>*</c>, <c>+</c>), <c>max</c> (most repetitions), <c>capture</c> (a name for the tokens it
/// consumed) or <c>mark</c> (a zero-width capture). Every other string field of the line is metadata.
/// Errors name the file, the line and the problem.
/// </summary>
public static class PatternLoader
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "id", "label", "priority", "pattern" };

    private static readonly HashSet<string> SpecKeys = new(StringComparer.Ordinal)
    {
        "lower", "set", "not_in", "not_set", "text", "shape", "prefix", "suffix", "layer", "any", "op", "max", "capture", "mark",
    };

    public static List<TokenPattern> Parse(string jsonl, string file, WordSets sets, Func<string, bool>? layerKnown = null)
    {
        var result = new List<TokenPattern>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in jsonl.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var pattern = ParsePattern(json.RootElement, sets, layerKnown);
                if (!ids.Add(pattern.Id))
                {
                    throw new FormatException($"pattern id '{pattern.Id}' appears twice");
                }

                result.Add(pattern);
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or ArgumentException or InvalidOperationException)
            {
                throw new FormatException($"{file}:{lineNo}: {e.Message}", e);
            }
        }

        return result;
    }

    private static TokenPattern ParsePattern(JsonElement root, WordSets sets, Func<string, bool>? layerKnown)
    {
        var id = root.GetProperty("id").GetString() ?? throw new FormatException("a pattern needs an id");
        var label = root.TryGetProperty("label", out var l) ? l.GetString() ?? "" : "";
        var priority = root.TryGetProperty("priority", out var pr) ? pr.GetInt32() : 0;
        var specs = new List<TokenSpec>();
        foreach (var element in root.GetProperty("pattern").EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                var tokens = Tokenizer.Tokenize(element.GetString()!);
                if (tokens.Count == 0)
                {
                    throw new FormatException($"pattern '{id}': an empty phrase");
                }

                specs.AddRange(tokens.Select(t => new TokenSpec { Norms = FrozenSet.Create(StringComparer.Ordinal, t.Norm) }));
                continue;
            }

            specs.Add(ParseSpec(id, element, sets, layerKnown));
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (!Reserved.Contains(p.Name))
            {
                meta[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        return new TokenPattern(id, label, priority, specs, meta);
    }

    private static TokenSpec ParseSpec(string id, JsonElement e, WordSets sets, Func<string, bool>? layerKnown)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!SpecKeys.Contains(p.Name))
            {
                throw new FormatException($"pattern '{id}': unknown spec key '{p.Name}'");
            }
        }

        if (e.TryGetProperty("mark", out var mark))
        {
            return new TokenSpec { IsMark = true, Capture = mark.GetString() };
        }

        HashSet<string>? norms = null;
        List<string[]>? sequences = null;
        void AddForm(string form)
        {
            var tokens = Tokenizer.Tokenize(form);
            if (tokens.Count == 1)
            {
                (norms ??= new HashSet<string>(StringComparer.Ordinal)).Add(tokens[0].Norm);
            }
            else if (tokens.Count > 1)
            {
                (sequences ??= []).Add(tokens.Select(t => t.Norm).ToArray());
            }
            else
            {
                throw new FormatException($"pattern '{id}': an empty form");
            }
        }

        if (e.TryGetProperty("lower", out var lower))
        {
            foreach (var form in Strings(lower))
            {
                AddForm(form);
            }
        }

        if (e.TryGetProperty("set", out var set))
        {
            var ws = sets[set.GetString()!];
            (norms ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(ws.Words);
            if (ws.Sequences.Length > 0)
            {
                (sequences ??= []).AddRange(ws.Sequences);
            }
        }

        HashSet<string>? notNorms = null;
        if (e.TryGetProperty("not_in", out var notIn))
        {
            notNorms = Strings(notIn).Select(f => Tokenizer.NormalizePhrase(f)).ToHashSet(StringComparer.Ordinal);
        }

        if (e.TryGetProperty("not_set", out var notSet))
        {
            foreach (var name in Strings(notSet))
            {
                (notNorms ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(sets[name].Words);
            }
        }

        var shape = Shape.Any;
        if (e.TryGetProperty("shape", out var sh))
        {
            shape = sh.GetString() switch
            {
                "title" => Shape.Title,
                "upper" => Shape.Upper,
                "lower" => Shape.Lower,
                "digit" => Shape.Digit,
                "punct" => Shape.Punct,
                "word" => Shape.Word,
                var other => throw new FormatException($"pattern '{id}': unknown shape '{other}'"),
            };
        }

        var layer = e.TryGetProperty("layer", out var la) ? la.GetString() : null;
        if (layer is not null && layerKnown is not null && !layerKnown(layer))
        {
            throw new FormatException($"pattern '{id}': unknown layer '{layer}'");
        }

        var repeat = Repeat.One;
        if (e.TryGetProperty("op", out var op))
        {
            repeat = op.GetString() switch
            {
                "?" => Repeat.Optional,
                "*" => Repeat.ZeroOrMore,
                "+" => Repeat.OneOrMore,
                "1" => Repeat.One,
                var other => throw new FormatException($"pattern '{id}': unknown op '{other}'"),
            };
        }

        var any = e.TryGetProperty("any", out var a) && a.GetBoolean();
        var spec = new TokenSpec
        {
            Norms = norms?.ToFrozenSet(StringComparer.Ordinal),
            Sequences = sequences,
            NotNorms = notNorms?.ToFrozenSet(StringComparer.Ordinal),
            Text = e.TryGetProperty("text", out var tx) ? tx.GetString() : null,
            Shape = shape,
            Prefix = e.TryGetProperty("prefix", out var pf) ? pf.GetString() : null,
            Suffix = e.TryGetProperty("suffix", out var sf) ? sf.GetString() : null,
            Layer = layer,
            Repeat = repeat,
            Max = e.TryGetProperty("max", out var mx) ? mx.GetInt32() : int.MaxValue,
            Capture = e.TryGetProperty("capture", out var c) ? c.GetString() : null,
        };

        if (!any && spec.Norms is null && spec.Sequences is null && spec.NotNorms is null && spec.FormsOnly && spec.Layer is null)
        {
            throw new FormatException($"pattern '{id}': a spec that tests nothing (write {{\"any\": true}} for any token)");
        }

        return spec;
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? e.EnumerateArray().Select(x => x.GetString()!).ToList()
        : [e.GetString()!];

    /// <summary>For error messages and tools: the spec as text.</summary>
    public static string Describe(TokenSpec spec) => string.Create(CultureInfo.InvariantCulture, $"{spec.Layer ?? string.Join('|', spec.Norms ?? FrozenSet<string>.Empty)}");
}
