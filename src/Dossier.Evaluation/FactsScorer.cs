using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Dossier.Domain;

namespace Dossier.Evaluation;

/// <summary>One document to score in memory: its gold JSON, the predicted facts (JSON or model), and its text.</summary>
/// <param name="Stem">The document id (for messages).</param>
/// <param name="GoldJson">The gold file's JSON (with <c>*_optional</c> lists and <c>formats_ok</c>).</param>
/// <param name="PredictedJson">The predicted facts JSON (FORMAT.md), or null when there is no prediction.</param>
/// <param name="Text">The original text, to check provenance; null to skip the check for this document.</param>
public sealed record ScoringInput(string Stem, string GoldJson, string? PredictedJson, string? Text)
{
    /// <summary>Why the prediction file could not be read (not UTF-8, a folder); it then scores as empty.</summary>
    public string? ReadError { get; init; }

    public static ScoringInput FromFacts(string stem, string goldJson, DocumentFacts predicted, string? text) =>
        new(stem, goldJson, FactsJson.Serialize(predicted, indented: false), text);
}

/// <summary>
/// Scores facts against gold annotations with the rules of <c>shared/eval/score.py</c>: per-kind precision,
/// recall and F1 (tp/fp/fn), attribute accuracy, relevance and publication date, and provenance (each
/// predicted item's span lies in the text and contains what it claims). Gold is read with
/// <see cref="JsonDocument"/> (gold countries are plain strings; optional lists are not in the fact model).
/// Error lines are score.py's, character for character (Python reprs), each with what locates it in the text.
/// </summary>
public static class FactsScorer
{
    private static readonly Dictionary<int, string> NumberWords = new()
    {
        [0] = "zero", [1] = "one", [2] = "two", [3] = "three", [4] = "four", [5] = "five", [6] = "six", [7] = "seven",
        [8] = "eight", [9] = "nine", [10] = "ten", [11] = "eleven", [12] = "twelve", [13] = "thirteen", [14] = "fourteen",
        [15] = "fifteen", [16] = "sixteen", [17] = "seventeen", [18] = "eighteen", [19] = "nineteen", [20] = "twenty",
        [30] = "thirty", [40] = "forty", [50] = "fifty", [60] = "sixty", [70] = "seventy", [80] = "eighty", [90] = "ninety",
    };

    private static readonly Dictionary<string, string> CityAliases = new(StringComparer.Ordinal)
    {
        ["marrakech"] = "marrakesh", ["washington dc"] = "washington", ["washington d c"] = "washington",
        ["abu zabi"] = "abu dhabi", ["bruxelles"] = "brussels", ["roma"] = "rome",
    };

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "of", "the", "and", "for", "a", "an", "to", "in", "on", "at" };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Scores the <c>&lt;stem&gt;.json</c> files of <paramref name="predDir"/> against those of <paramref name="goldDir"/>.</summary>
    public static ScoreReport Score(string goldDir, string predDir, string? docsDir)
    {
        var inputs = new List<ScoringInput>();
        foreach (var stem in GoldStems(goldDir))
        {
            var gold = File.ReadAllText(Path.Combine(goldDir, stem + ".json"), Encoding.UTF8);
            string? text = null;
            if (docsDir is not null)
            {
                var textPath = Path.Combine(docsDir, stem + ".txt");
                if (File.Exists(textPath))
                {
                    text = ReadOriginalText(textPath);
                }
            }

            inputs.Add(ReadPrediction(stem, gold, Path.Combine(predDir, stem + ".json"), text));
        }

        return Score(inputs, checkProvenance: docsDir is not null);
    }

    /// <summary>The stems of the gold folder's <c>*.json</c> files, sorted by code point like Python's <c>sorted</c>.</summary>
    public static IReadOnlyList<string> GoldStems(string goldDir) =>
        Directory.GetFiles(goldDir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(CodePointComparer.Instance).ToList();

    /// <summary>Scores documents held in memory (gold JSON, predicted facts, text).</summary>
    public static ScoreReport Score(IEnumerable<ScoringInput> documents, bool checkProvenance = true)
    {
        var report = new ScoreReport { ProvenanceChecked = checkProvenance };
        foreach (var d in documents)
        {
            ScoreDocument(report, d, checkProvenance);
        }

        return report;
    }

    /// <summary>The file's text decoded as UTF-8 with a leading byte-order mark dropped.</summary>
    public static string ReadOriginalText(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>A prediction file as score.py reads it: strict UTF-8, a byte-order mark left in (json.load refuses it).</summary>
    private static ScoringInput ReadPrediction(string stem, string gold, string path, string? text)
    {
        if (Directory.Exists(path))
        {
            return new ScoringInput(stem, gold, null, text) { ReadError = "Is a directory" };
        }

        if (!File.Exists(path))
        {
            return new ScoringInput(stem, gold, null, text);
        }

        try
        {
            return new ScoringInput(stem, gold, StrictUtf8.GetString(File.ReadAllBytes(path)), text);
        }
        catch (DecoderFallbackException e)
        {
            return new ScoringInput(stem, gold, null, text) { ReadError = e.Message };
        }
    }

    private static void ScoreDocument(ScoreReport report, ScoringInput input, bool checkProvenance)
    {
        using var goldDoc = JsonDocument.Parse(input.GoldJson);
        var gold = goldDoc.RootElement;
        JsonDocument? predDoc = null;
        if (input.ReadError is not null)
        {
            report.Warnings.Add($"{input.Stem}: unreadable prediction ({input.ReadError})");
        }
        else if (input.PredictedJson is null)
        {
            report.Warnings.Add($"{input.Stem}: no prediction file");
        }
        else if (input.PredictedJson.StartsWith('\uFEFF'))
        {
            report.Warnings.Add($"{input.Stem}: unreadable prediction (Unexpected UTF-8 BOM (decode using utf-8-sig))");
        }
        else
        {
            try
            {
                predDoc = JsonDocument.Parse(input.PredictedJson);
            }
            catch (JsonException e)
            {
                report.Warnings.Add($"{input.Stem}: unreadable prediction ({e.Message})");
            }
        }

        if (input.Text is not null)
        {
            report.Texts[input.Stem] = input.Text;
        }

        using (predDoc)
        {
            JsonElement? pred = predDoc is { RootElement.ValueKind: JsonValueKind.Object } ? predDoc.RootElement : null;
            var stem = input.Stem;
            report.RelevantN++;
            if (Py.Truthy(Py.Get(pred, "relevant")) == Py.Truthy(Py.Get(gold, "relevant")))
            {
                report.RelevantOk++;
            }

            report.PublishedN++;
            var pp = Py.Truthy(Py.Get(pred, "published")) ? Py.Key(Py.Get(pred, "published")).Equality : "N";
            var gp = Py.Truthy(Py.Get(gold, "published")) ? Py.Key(Py.Get(gold, "published")).Equality : "N";
            if (pp == gp)
            {
                report.PublishedOk++;
            }

            // Countries: codes, predicted ones upper-cased; a missed code is looked for by its country's name.
            ScoreValues(
                Py.List(Py.Get(gold, "countries")).Select(c => new Item(Py.Key(c), CountryNames.Needles(c))).ToList(),
                Py.List(Py.Get(gold, "countries_optional")).Select(c => Py.Key(c)).ToList(),
                Py.List(Py.Get(pred, "countries")).Select(c =>
                {
                    var code = Py.IsDict(c) ? Py.Get(c, "code") : c;
                    return new Item(Py.Key(Py.OrEmpty(code).ToUpperInvariant()), Spans: PredictedSpans(c));
                }).ToList(),
                report["countries"], stem, "countries");

            var people = report["people"];
            var pairs = MatchNamed(Py.List(Py.Get(gold, "people")).ToList(), Py.List(Py.Get(gold, "people_optional")).ToList(),
                Py.List(Py.Get(pred, "people")).ToList(), people, stem, "people");
            foreach (var (g, p) in pairs)
            {
                if (Py.Truthy(Py.Get(g, "title")))
                {
                    var ok = TokenOverlap(Py.Str(Py.Get(g, "title")), Py.OrEmpty(Py.Get(p, "title"))) >= 0.5;
                    people.Judge("title", ok);
                    if (!ok)
                    {
                        people.Errors.Add(new ScoreError(stem, "people",
                            $"{stem} people: title of {PyRepr.Of(Py.Get(g, "name"))}: {PyRepr.Of(Py.Get(p, "title"))}")
                        { PredictedSpans = PredictedSpans(p) });
                    }
                }

                if (Py.Truthy(Py.Get(g, "country")))
                {
                    people.Judge("country", Py.OrEmpty(Py.Get(p, "country")).ToUpperInvariant() == Py.Str(Py.Get(g, "country")));
                }
            }

            MatchNamed(Py.List(Py.Get(gold, "organizations")).ToList(), Py.List(Py.Get(gold, "organizations_optional")).ToList(),
                Py.List(Py.Get(pred, "organizations")).ToList(), report["organizations"], stem, "organizations");
            ScoreMeetings(gold, pred, report["meetings"], stem);
            ScoreValues(Py.List(Py.Get(gold, "member_counts")).Select(g => EvidenceItem(g, "count")).ToList(), [],
                Py.List(Py.Get(pred, "member_counts")).Select(p => PredictedItem(p, "count")).ToList(), report["member_counts"], stem, "member_counts");
            static PyKey NewMemberKey(JsonElement x) =>
                Py.Tuple(Py.Key(Py.OrEmpty(Py.Get(x, "member")).ToUpperInvariant()), Py.Key(Py.Get(x, "ordinal")));
            ScoreValues(Py.List(Py.Get(gold, "new_members")).Select(g => new Item(NewMemberKey(g), CountryNames.Needles(Py.Get(g, "member")))).ToList(), [],
                Py.List(Py.Get(pred, "new_members")).Select(p => new Item(NewMemberKey(p), Spans: PredictedSpans(p))).ToList(),
                report["new_members"], stem, "new_members");

            // Amounts in other currencies (amount_usd null, FORMAT.md) are neither rewarded nor penalised.
            ScoreValues(Py.List(Py.Get(gold, "money")).Where(g => !Py.IsNone(Py.Get(g, "amount_usd"))).Select(g => EvidenceItem(g, "amount_usd")).ToList(), [],
                Py.List(Py.Get(pred, "money")).Where(p => !Py.IsNone(Py.Get(p, "amount_usd"))).Select(p => PredictedItem(p, "amount_usd")).ToList(),
                report["money"], stem, "money");
            ScoreQuotes(gold, pred, report["quotes"], stem);
            ScoreValues(Py.List(Py.Get(gold, "attack_stats")).Select(g => EvidenceItem(g, "count")).ToList(),
                Py.List(Py.Get(gold, "attack_stats_optional")).Select(g => Py.Key(Py.Get(g, "count"))).ToList(),
                Py.List(Py.Get(pred, "attack_stats")).Select(p => PredictedItem(p, "count")).ToList(), report["attack_stats"], stem, "attack_stats");

            if (checkProvenance && input.Text is not null)
            {
                Provenance(pred, UniversalNewlines(input.Text), report);
            }
        }
    }

    /// <summary>A gold or predicted value to count, with what locates it: a gold item's needles, a predicted item's spans.</summary>
    private sealed record Item(PyKey Key, IReadOnlyList<string>? Needles = null, IReadOnlyList<TextSpan>? Spans = null);

    private static Item EvidenceItem(JsonElement g, string key)
    {
        var evidence = Py.Get(g, "evidence");
        return new Item(Py.Key(Py.Get(g, key)), evidence is { ValueKind: JsonValueKind.String } e ? [e.GetString()!] : []);
    }

    private static Item PredictedItem(JsonElement p, string key) => new(Py.Key(Py.Get(p, key)), Spans: PredictedSpans(p));

    /// <summary>The predicted item's spans that are pairs of 32-bit integers (for showing its sentences).</summary>
    private static IReadOnlyList<TextSpan> PredictedSpans(JsonElement? item)
    {
        if (item is not { } i)
        {
            return [];
        }

        var spans = new List<TextSpan>();
        foreach (var (s, e) in SpansOf(i))
        {
            if (s is { } start && e is { } end && start >= int.MinValue && start <= int.MaxValue && end >= int.MinValue && end <= int.MaxValue)
            {
                spans.Add(new TextSpan((int)start, (int)end));
            }
        }

        return spans;
    }

    private static HashSet<string> NamesOf(JsonElement item)
    {
        if (Py.IsDict(item))
        {
            var name = Py.Or(Py.Get(item, "name"), Py.Get(item, "code"));
            var names = new HashSet<string>(StringComparer.Ordinal) { Py.Truthy(name) ? Py.Norm(name) : "" };
            foreach (var a in Py.List(Py.Get(item, "aliases")))
            {
                names.Add(Py.Norm(a));
            }

            names.Remove("");
            return names;
        }

        var n = Py.Norm(item);
        return n.Length == 0 ? [] : new HashSet<string>(StringComparer.Ordinal) { n };
    }

    /// <summary><c>repr(name_of(item))</c>.</summary>
    private static string NameOf(JsonElement item)
    {
        if (!Py.IsDict(item))
        {
            return PyRepr.Of(item);
        }

        var name = Py.Or(Py.Or(Py.Get(item, "name"), Py.Get(item, "code")), Py.Get(item, "member"));
        return Py.Truthy(name) ? PyRepr.Of(name) : PyRepr.Of("");
    }

    /// <summary>The strings a gold named item is known by: its name and aliases as written.</summary>
    private static IReadOnlyList<string> NeedlesOf(JsonElement item)
    {
        if (!Py.IsDict(item))
        {
            return item.ValueKind == JsonValueKind.String ? [item.GetString()!] : [];
        }

        var needles = new List<string>();
        if (Py.Get(item, "name") is { ValueKind: JsonValueKind.String } name)
        {
            needles.Add(name.GetString()!);
        }

        needles.AddRange(Py.List(Py.Get(item, "aliases")).Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
        return needles;
    }

    private static List<(JsonElement Gold, JsonElement Pred)> MatchNamed(List<JsonElement> goldItems, List<JsonElement> optional, List<JsonElement> predItems, KindScore tally, string doc, string kind)
    {
        var goldLeft = new List<JsonElement>(goldItems);
        var optNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in optional)
        {
            optNames.UnionWith(NamesOf(o));
        }

        var pairs = new List<(JsonElement, JsonElement)>();
        foreach (var p in predItems)
        {
            var pn = NamesOf(p);
            var hitIndex = goldLeft.FindIndex(g => pn.Overlaps(NamesOf(g)));
            if (hitIndex >= 0)
            {
                var hit = goldLeft[hitIndex];
                goldLeft.RemoveAt(hitIndex);
                pairs.Add((hit, p));
                tally.Tp++;
            }
            else if (pn.Overlaps(optNames))
            {
                continue;
            }
            else if (pairs.Any(pair => pn.Overlaps(NamesOf(pair.Item1))))
            {
                tally.Fp++;
                tally.Errors.Add(new ScoreError(doc, kind, $"{doc} {kind}: duplicate {NameOf(p)}") { PredictedSpans = PredictedSpans(p) });
            }
            else
            {
                tally.Fp++;
                tally.Errors.Add(new ScoreError(doc, kind, $"{doc} {kind}: spurious {NameOf(p)}") { PredictedSpans = PredictedSpans(p) });
            }
        }

        foreach (var g in goldLeft)
        {
            tally.Fn++;
            tally.Errors.Add(new ScoreError(doc, kind, $"{doc} {kind}: missed {NameOf(g)}") { GoldNeedles = NeedlesOf(g) });
        }

        return pairs;
    }

    private static bool? DateOk(JsonElement? gold, JsonElement? pred)
    {
        if (gold is null)
        {
            return null;
        }

        var g = Py.Str(gold);
        var p = Py.OrEmpty(pred);
        if (g.StartsWith("--", StringComparison.Ordinal))
        {
            return p.EndsWith(g[1..], StringComparison.Ordinal);
        }

        return g.Length == 10 ? p == g : p.StartsWith(g, StringComparison.Ordinal);
    }

    private static double TokenOverlap(string gold, string pred)
    {
        var g = Py.Norm(gold).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Stop.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var p = Py.Norm(pred).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Stop.Contains(t)).ToHashSet(StringComparer.Ordinal);
        return g.Count == 0 ? 1.0 : (double)g.Count(p.Contains) / g.Count;
    }

    private static string NormCity(JsonElement? s)
    {
        var n = Py.Norm(s);
        return CityAliases.GetValueOrDefault(n, n);
    }

    private static Dictionary<string, string> PersonRefs(JsonElement gold)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = Py.List(Py.Get(gold, "people")).Concat(Py.List(Py.Get(gold, "people_optional")).Where(x => Py.IsDict(x)));
        foreach (var p in people)
        {
            foreach (var n in NamesOf(p))
            {
                refs[n] = Py.Norm(Py.Get(p, "name"));
            }
        }

        foreach (var o in Py.List(Py.Get(gold, "organizations")))
        {
            foreach (var n in NamesOf(o))
            {
                refs[n] = Py.Norm(Py.Get(o, "name"));
            }
        }

        return refs;
    }

    private static bool RefMatch(JsonElement? goldRef, JsonElement? predRef, Dictionary<string, string> refs)
    {
        if (Py.IsNone(goldRef) || Py.IsNone(predRef))
        {
            return false;
        }

        var g = Py.Norm(goldRef);
        var p = Py.Norm(predRef);
        if (g == p)
        {
            return true;
        }

        return refs.GetValueOrDefault(g, g) == refs.GetValueOrDefault(p, p) && refs.ContainsKey(g);
    }

    /// <summary><c>x.get("format") or ""</c> compared with Python's <c>==</c>.</summary>
    private static string FormatKey(JsonElement? item) => Py.Truthy(Py.Get(item, "format")) ? Py.Key(Py.Get(item, "format")).Equality : Py.Key("").Equality;

    private static void ScoreMeetings(JsonElement gold, JsonElement? pred, KindScore tally, string doc)
    {
        var refs = PersonRefs(gold);
        var golds = Py.List(Py.Get(gold, "meetings")).ToList();
        var optional = Py.List(Py.Get(gold, "meetings_optional")).ToList();
        var preds = Py.List(Py.Get(pred, "meetings")).ToList();

        int Compat(JsonElement g, JsonElement p)
        {
            var formats = new List<string> { FormatKey(g) };
            formats.AddRange(Py.List(Py.Get(g, "formats_ok")).Select(x => Py.Key(x).Equality));
            if (!formats.Contains(FormatKey(p)))
            {
                return -1;
            }

            var s = 1;
            if (Py.Truthy(Py.Get(g, "country")))
            {
                if (Py.OrEmpty(Py.Get(p, "country")).ToUpperInvariant() != Py.Str(Py.Get(g, "country")).ToUpperInvariant())
                {
                    return -1;
                }

                s += 2;
            }

            if (Py.Truthy(Py.Get(g, "city")) && Py.Truthy(Py.Get(p, "city")))
            {
                if (NormCity(Py.Get(g, "city")) != NormCity(Py.Get(p, "city")))
                {
                    return -1;
                }

                s += 2;
            }

            if (DateOk(Py.Get(g, "date"), Py.Get(p, "date")) == true)
            {
                s += 1;
            }

            return s;
        }

        var cands = new List<(int C, int Gi, int Pi)>();
        for (var gi = 0; gi < golds.Count; gi++)
        {
            for (var pi = 0; pi < preds.Count; pi++)
            {
                var c = Compat(golds[gi], preds[pi]);
                if (c >= 0)
                {
                    cands.Add((c, gi, pi));
                }
            }
        }

        // Python: cands.sort(reverse=True) — descending by (c, gi, pi).
        cands.Sort((a, b) => b.CompareTo(a));
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        foreach (var (_, gi, pi) in cands)
        {
            if (usedG.Contains(gi) || usedP.Contains(pi))
            {
                continue;
            }

            usedG.Add(gi);
            usedP.Add(pi);
            var g = golds[gi];
            var p = preds[pi];
            var spans = PredictedSpans(p);
            tally.Tp++;
            var format = Py.Str(Py.Get(g, "format"));
            var ok = DateOk(Py.Get(g, "date"), Py.Get(p, "date"));
            if (ok is { } dateOk)
            {
                tally.Judge("date", dateOk);
                if (!dateOk)
                {
                    tally.Errors.Add(new ScoreError(doc, "meetings",
                        $"{doc} meetings: {format} date {PyRepr.Of(Py.Get(p, "date"))} != {PyRepr.Of(Py.Get(g, "date"))}") { PredictedSpans = spans });
                }
            }

            if (Py.Truthy(Py.Get(g, "city")))
            {
                var cityOk = NormCity(Py.Get(g, "city")) == NormCity(Py.Get(p, "city"));
                tally.Judge("city", cityOk);
                if (!cityOk)
                {
                    tally.Errors.Add(new ScoreError(doc, "meetings",
                        $"{doc} meetings: {format} city {PyRepr.Of(Py.Get(p, "city"))} != {PyRepr.Of(Py.Get(g, "city"))}") { PredictedSpans = spans });
                }
            }

            if (Py.Truthy(Py.Get(g, "hosts_or_chairs")))
            {
                var predHosts = Py.List(Py.Get(p, "hosts_or_chairs")).ToList();
                var hostsOk = Py.List(Py.Get(g, "hosts_or_chairs")).Any(gh => predHosts.Any(ph => RefMatch(gh, ph, refs)));
                tally.Judge("hosts", hostsOk);
                if (!hostsOk)
                {
                    tally.Errors.Add(new ScoreError(doc, "meetings",
                        $"{doc} meetings: {format} hosts {PyRepr.Of(Py.Get(p, "hosts_or_chairs"))} vs {PyRepr.Of(Py.Get(g, "hosts_or_chairs"))}") { PredictedSpans = spans });
                }
            }

            if (Py.Truthy(Py.Get(g, "participants")))
            {
                var gp = Py.List(Py.Get(g, "participants")).ToList();
                var pp = Py.List(Py.Get(p, "participants")).ToList();
                var found = gp.Count(x => pp.Any(y => RefMatch(x, y, refs)));
                tally.Judge("participants", (double)found / gp.Count >= 0.5);
            }
        }

        for (var gi = 0; gi < golds.Count; gi++)
        {
            if (!usedG.Contains(gi))
            {
                tally.Fn++;
                var g = golds[gi];
                var needles = new List<string>();
                if (Py.Get(g, "city") is { ValueKind: JsonValueKind.String } city)
                {
                    needles.Add(city.GetString()!);
                }

                needles.AddRange(CountryNames.Needles(Py.Get(g, "country")));
                tally.Errors.Add(new ScoreError(doc, "meetings",
                    $"{doc} meetings: missed {Py.Str(Py.Get(g, "format"))} in {Py.Str(Py.Or(Py.Get(g, "city"), Py.Get(g, "country")))}") { GoldNeedles = needles });
            }
        }

        for (var pi = 0; pi < preds.Count; pi++)
        {
            if (usedP.Contains(pi))
            {
                continue;
            }

            var p = preds[pi];
            var pf = FormatKey(p);
            if (optional.Any(o => FormatKey(o) == pf))
            {
                continue;
            }

            tally.Fp++;
            tally.Errors.Add(new ScoreError(doc, "meetings",
                $"{doc} meetings: spurious {Py.Str(Py.Get(p, "format"))} in {Py.Str(Py.Or(Py.Get(p, "city"), Py.Get(p, "country")))}") { PredictedSpans = PredictedSpans(p) });
        }
    }

    private static void ScoreValues(List<Item> goldItems, List<PyKey> optional, List<Item> predItems, KindScore tally, string doc, string kind)
    {
        var g = new PyCounter(goldItems.Select(i => i.Key));
        var o = new PyCounter(optional);
        var p = new PyCounter(predItems.Select(i => i.Key));
        foreach (var (v, n) in p.Items)
        {
            var t = Math.Min(n, g.Get(v));
            tally.Tp += t;
            var extra = n - t;
            extra -= Math.Min(extra, o.Get(v));
            if (extra > 0)
            {
                tally.Fp += extra;
                var spans = predItems.Where(i => i.Key.Equality == v.Equality).SelectMany(i => i.Spans ?? []).ToList();
                tally.Errors.Add(new ScoreError(doc, kind, $"{doc} {kind}: spurious {v.Repr}") { PredictedSpans = spans });
            }
        }

        foreach (var (v, n) in g.Items)
        {
            var miss = n - Math.Min(n, p.Get(v));
            if (miss > 0)
            {
                tally.Fn += miss;
                var needles = goldItems.Where(i => i.Key.Equality == v.Equality).SelectMany(i => i.Needles ?? []).Distinct(StringComparer.Ordinal).ToList();
                tally.Errors.Add(new ScoreError(doc, kind, $"{doc} {kind}: missed {v.Repr}") { GoldNeedles = needles });
            }
        }
    }

    private static void ScoreQuotes(JsonElement gold, JsonElement? pred, KindScore tally, string doc)
    {
        var refs = PersonRefs(gold);
        var golds = Py.List(Py.Get(gold, "quotes")).ToList();
        var optional = Py.List(Py.Get(gold, "quotes_optional")).ToList();
        var preds = Py.List(Py.Get(pred, "quotes")).ToList();

        static bool Same(JsonElement g, JsonElement p)
        {
            var gt = Py.Norm(Py.Get(g, "text"));
            var pt = Py.Norm(Py.Get(p, "text"));
            if (gt.Length == 0 || pt.Length == 0)
            {
                return false;
            }

            var k = Math.Min(25, Math.Min(gt.Length, pt.Length));
            return pt.Contains(gt[..k], StringComparison.Ordinal) || gt.Contains(pt[..k], StringComparison.Ordinal);
        }

        foreach (var p in preds)
        {
            var hitIndex = golds.FindIndex(g => Same(g, p));
            if (hitIndex >= 0)
            {
                var hit = golds[hitIndex];
                golds.RemoveAt(hitIndex);
                tally.Tp++;
                if (Py.Truthy(Py.Get(hit, "speaker")))
                {
                    var ok = RefMatch(Py.Get(hit, "speaker"), Py.Get(p, "speaker"), refs);
                    tally.Judge("speaker", ok);
                    if (!ok)
                    {
                        tally.Errors.Add(new ScoreError(doc, "quotes",
                            $"{doc} quotes: speaker {PyRepr.Of(Py.Get(p, "speaker"))} != {PyRepr.Of(Py.Get(hit, "speaker"))} for {PyRepr.Of(Py.Head(Py.Str(Py.Get(hit, "text")), 30))}")
                        { PredictedSpans = PredictedSpans(p) });
                    }
                }
                else
                {
                    var named = refs.ContainsKey(Py.Norm(Py.Get(p, "speaker")));
                    tally.Judge("speaker", !named);
                }
            }
            else if (optional.Any(o => Same(o, p)))
            {
                continue;
            }
            else
            {
                tally.Fp++;
                tally.Errors.Add(new ScoreError(doc, "quotes", $"{doc} quotes: spurious {PyRepr.Of(Py.Head(Py.Str(Py.Get(p, "text")), 40))}")
                { PredictedSpans = PredictedSpans(p) });
            }
        }

        foreach (var g in golds)
        {
            tally.Fn++;
            var text = Py.Str(Py.Get(g, "text"));
            tally.Errors.Add(new ScoreError(doc, "quotes", $"{doc} quotes: missed {PyRepr.Of(Py.Head(text, 40))}")
            { GoldNeedles = Py.Get(g, "text") is { ValueKind: JsonValueKind.String } ? [text] : [] });
        }
    }

    /// <summary>Python's universal newlines (score.py opens the text in text mode): <c>\r\n</c> and <c>\r</c> read as <c>\n</c>.</summary>
    internal static string UniversalNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary><c>utf16_slice</c>: the code units [start, end), a surrogate cut in half decoded as U+FFFD.</summary>
    private static string Utf16Slice(string text, int start, int end)
    {
        var s = text.Substring(start, end - start);
        if (s.Length > 0 && char.IsLowSurrogate(s[0]))
        {
            s = "\uFFFD" + s[1..];
        }

        if (s.Length > 0 && char.IsHighSurrogate(s[^1]))
        {
            s = s[..^1] + "\uFFFD";
        }

        return s;
    }

    private static void Provenance(JsonElement? pred, string text, ScoreReport report)
    {
        var n16 = text.Length;
        foreach (var field in ScoreReport.Kinds)
        {
            foreach (var item in Py.List(Py.Get(pred, field)))
            {
                report.ProvenanceItems++;
                var spans = SpansOf(item);
                if (spans.Count == 0)
                {
                    report.ProvenanceMissing++;
                    continue;
                }

                var good = true;
                foreach (var (s, e) in spans)
                {
                    if (s is not { } start || e is not { } end || !(0 <= start && start < end && end <= n16))
                    {
                        good = false;
                        break;
                    }

                    var raw = Utf16Slice(text, (int)start, (int)end);
                    var frag = Py.Norm(raw);
                    if (field == "people")
                    {
                        var toks = Py.Norm(Py.Get(item, "name")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        var fragToks = frag.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        good &= toks.Any(t => fragToks.Contains(t, StringComparer.Ordinal));
                    }
                    else if (field == "quotes")
                    {
                        var qt = Py.Norm(Py.Get(item, "text"));
                        qt = qt[..Math.Min(15, qt.Length)];
                        good &= qt.Length > 0 && frag.Contains(qt, StringComparison.Ordinal);
                    }
                    else if (field is "money" or "member_counts" or "attack_stats" or "new_members")
                    {
                        // item.get("count", item.get("ordinal")): a "count" key written as null stays None.
                        var v = field == "money" ? Py.Get(item, "amount_usd")
                            : Py.IsDict(item) && item.TryGetProperty("count", out var c) ? c : Py.Get(item, "ordinal");
                        if (Py.Int(v) is { } value)
                        {
                            var digits = v is { ValueKind: JsonValueKind.True or JsonValueKind.False } b ? PyRepr.Of(b) : value.ToString(CultureInfo.InvariantCulture);
                            var lead = digits.TrimEnd('0');
                            if (lead.Length == 0)
                            {
                                lead = "0";
                            }

                            var word = value >= int.MinValue && value <= int.MaxValue ? NumberWords.GetValueOrDefault((int)value, "@@") : "@@";
                            good &= raw.Replace(",", "", StringComparison.Ordinal).Contains(lead, StringComparison.Ordinal) || frag.Contains(word, StringComparison.Ordinal);
                        }
                    }
                }

                if (good)
                {
                    report.ProvenanceValid++;
                }
                else
                {
                    report.ProvenanceInvalid++;
                }
            }
        }
    }

    /// <summary><c>spans_of</c>: the <c>span</c> pair and the <c>spans</c> pairs; a bound that is not a Python int is null.</summary>
    private static List<(BigInteger? Start, BigInteger? End)> SpansOf(JsonElement item)
    {
        var result = new List<(BigInteger?, BigInteger?)>();
        if (!Py.IsDict(item))
        {
            return result;
        }

        static (BigInteger?, BigInteger?) Pair(JsonElement s) => (Py.Int(s[0]), Py.Int(s[1]));

        if (Py.Get(item, "span") is { ValueKind: JsonValueKind.Array } span && span.GetArrayLength() == 2)
        {
            result.Add(Pair(span));
        }

        foreach (var s in Py.List(Py.Get(item, "spans")))
        {
            if (s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2)
            {
                result.Add(Pair(s));
            }
        }

        return result;
    }
}
