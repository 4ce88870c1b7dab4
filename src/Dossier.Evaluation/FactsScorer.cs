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
    public static ScoringInput FromFacts(string stem, string goldJson, DocumentFacts predicted, string? text) =>
        new(stem, goldJson, FactsJson.Serialize(predicted, indented: false), text);
}

/// <summary>
/// Scores facts against gold annotations with the rules of <c>shared/eval/score.py</c>: per-kind precision,
/// recall and F1 (tp/fp/fn), attribute accuracy, relevance and publication date, and provenance (each
/// predicted item's span lies in the text and contains what it claims). Gold is read with
/// <see cref="JsonDocument"/> (gold countries are plain strings; optional lists are not in the fact model).
/// </summary>
public static class FactsScorer
{
    private static readonly Dictionary<long, string> NumberWords = new()
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

    /// <summary>Scores the <c>&lt;stem&gt;.json</c> files of <paramref name="predDir"/> against those of <paramref name="goldDir"/>.</summary>
    public static ScoreReport Score(string goldDir, string predDir, string? docsDir)
    {
        var stems = Directory.GetFiles(goldDir, "*.json").Select(Path.GetFileNameWithoutExtension).Select(s => s!).Order(StringComparer.Ordinal).ToList();
        var inputs = new List<ScoringInput>();
        foreach (var stem in stems)
        {
            var gold = File.ReadAllText(Path.Combine(goldDir, stem + ".json"), Encoding.UTF8);
            var predPath = Path.Combine(predDir, stem + ".json");
            var pred = File.Exists(predPath) ? File.ReadAllText(predPath, Encoding.UTF8) : null;
            string? text = null;
            if (docsDir is not null)
            {
                var textPath = Path.Combine(docsDir, stem + ".txt");
                if (File.Exists(textPath))
                {
                    text = ReadOriginalText(textPath);
                }
            }

            inputs.Add(new ScoringInput(stem, gold, pred, text));
        }

        return Score(inputs, checkProvenance: docsDir is not null);
    }

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

    private static void ScoreDocument(ScoreReport report, ScoringInput input, bool checkProvenance)
    {
        using var goldDoc = JsonDocument.Parse(input.GoldJson);
        var gold = goldDoc.RootElement;
        JsonDocument? predDoc = null;
        if (input.PredictedJson is null)
        {
            report.Warnings.Add($"{input.Stem}: no prediction file");
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
            var pp = Py.Truthy(Py.Get(pred, "published")) ? Py.Key(Py.Get(pred, "published")) : "N";
            var gp = Py.Truthy(Py.Get(gold, "published")) ? Py.Key(Py.Get(gold, "published")) : "N";
            if (pp == gp)
            {
                report.PublishedOk++;
            }

            // Countries: codes, upper-cased.
            var predCountries = Py.List(Py.Get(pred, "countries"))
                .Select(c => Py.IsDict(c) ? Py.OrEmpty(Py.Get(c, "code")).ToUpperInvariant() : Py.OrEmpty(c).ToUpperInvariant())
                .Select(k => "s:" + k).ToList();
            ScoreValues(
                Py.List(Py.Get(gold, "countries")).Select(c => Py.Key(c)).ToList(),
                Py.List(Py.Get(gold, "countries_optional")).Select(c => Py.Key(c)).ToList(),
                predCountries, report["countries"], stem, "countries");

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
                        people.Errors.Add($"{stem} people: title of {Repr(Py.Str(Py.Get(g, "name")))}: {Repr(Py.Get(p, "title"))}");
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
            ScoreValues(Py.List(Py.Get(gold, "member_counts")).Select(g => Py.Key(Py.Get(g, "count"))).ToList(), [],
                Py.List(Py.Get(pred, "member_counts")).Select(p => Py.Key(Py.Get(p, "count"))).ToList(), report["member_counts"], stem, "member_counts");
            static string NewMemberKey(JsonElement x) => Py.OrEmpty(Py.Get(x, "member")).ToUpperInvariant() + "|" + Py.Key(Py.Get(x, "ordinal"));
            ScoreValues(Py.List(Py.Get(gold, "new_members")).Select(NewMemberKey).ToList(), [],
                Py.List(Py.Get(pred, "new_members")).Select(NewMemberKey).ToList(), report["new_members"], stem, "new_members");
            ScoreValues(Py.List(Py.Get(gold, "money")).Select(g => Py.Key(Py.Get(g, "amount_usd"))).ToList(), [],
                Py.List(Py.Get(pred, "money")).Select(p => Py.Key(Py.Get(p, "amount_usd"))).ToList(), report["money"], stem, "money");
            ScoreQuotes(gold, pred, report["quotes"], stem);
            ScoreValues(Py.List(Py.Get(gold, "attack_stats")).Select(g => Py.Key(Py.Get(g, "count"))).ToList(),
                Py.List(Py.Get(gold, "attack_stats_optional")).Select(g => Py.Key(Py.Get(g, "count"))).ToList(),
                Py.List(Py.Get(pred, "attack_stats")).Select(p => Py.Key(Py.Get(p, "count"))).ToList(), report["attack_stats"], stem, "attack_stats");

            if (checkProvenance && input.Text is not null)
            {
                Provenance(pred, input.Text, report);
            }
        }
    }

    private static string Repr(JsonElement? e) => e is null ? "None" : Repr(Py.Str(e));

    private static string Repr(string s) => s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? $"\"{s}\"" : $"'{s}'";

    private static string DisplayKey(string key) => key switch
    {
        "N" => "None",
        _ when key.StartsWith("s:", StringComparison.Ordinal) => Repr(key[2..]),
        _ when key.StartsWith("n:", StringComparison.Ordinal) => key[2..],
        _ => key,
    };

    private static HashSet<string> NamesOf(JsonElement item)
    {
        if (Py.IsDict(item))
        {
            var name = Py.Truthy(Py.Get(item, "name")) ? Py.Str(Py.Get(item, "name")) : Py.OrEmpty(Py.Get(item, "code"));
            var names = new HashSet<string>(StringComparer.Ordinal) { Py.Norm(name) };
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

    private static string NameOf(JsonElement item)
    {
        if (!Py.IsDict(item))
        {
            return Py.Str(item);
        }

        foreach (var k in new[] { "name", "code", "member" })
        {
            if (Py.Truthy(Py.Get(item, k)))
            {
                return Py.Str(Py.Get(item, k));
            }
        }

        return "";
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
                tally.Errors.Add($"{doc} {kind}: duplicate {Repr(NameOf(p))}");
            }
            else
            {
                tally.Fp++;
                tally.Errors.Add($"{doc} {kind}: spurious {Repr(NameOf(p))}");
            }
        }

        foreach (var g in goldLeft)
        {
            tally.Fn++;
            tally.Errors.Add($"{doc} {kind}: missed {Repr(NameOf(g))}");
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
        if (goldRef is null || predRef is null)
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

    private static void ScoreMeetings(JsonElement gold, JsonElement? pred, KindScore tally, string doc)
    {
        var refs = PersonRefs(gold);
        var golds = Py.List(Py.Get(gold, "meetings")).ToList();
        var optional = Py.List(Py.Get(gold, "meetings_optional")).ToList();
        var preds = Py.List(Py.Get(pred, "meetings")).ToList();

        int Compat(JsonElement g, JsonElement p)
        {
            var formats = new List<string> { Py.OrEmpty(Py.Get(g, "format")) };
            formats.AddRange(Py.List(Py.Get(g, "formats_ok")).Select(x => Py.Str(x)));
            if (!formats.Contains(Py.OrEmpty(Py.Get(p, "format"))))
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
            tally.Tp++;
            var format = Py.Str(Py.Get(g, "format"));
            var ok = DateOk(Py.Get(g, "date"), Py.Get(p, "date"));
            if (ok is { } dateOk)
            {
                tally.Judge("date", dateOk);
                if (!dateOk)
                {
                    tally.Errors.Add($"{doc} meetings: {format} date {Repr(Py.Get(p, "date"))} != {Repr(Py.Get(g, "date"))}");
                }
            }

            if (Py.Truthy(Py.Get(g, "city")))
            {
                var cityOk = NormCity(Py.Get(g, "city")) == NormCity(Py.Get(p, "city"));
                tally.Judge("city", cityOk);
                if (!cityOk)
                {
                    tally.Errors.Add($"{doc} meetings: {format} city {Repr(Py.Get(p, "city"))} != {Repr(Py.Get(g, "city"))}");
                }
            }

            if (Py.Truthy(Py.Get(g, "hosts_or_chairs")))
            {
                var predHosts = Py.List(Py.Get(p, "hosts_or_chairs")).ToList();
                var hostsOk = Py.List(Py.Get(g, "hosts_or_chairs")).Any(gh => predHosts.Any(ph => RefMatch(gh, ph, refs)));
                tally.Judge("hosts", hostsOk);
                if (!hostsOk)
                {
                    tally.Errors.Add($"{doc} meetings: {format} hosts differ");
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
                var where = Py.Truthy(Py.Get(g, "city")) ? Py.Str(Py.Get(g, "city")) : Py.Str(Py.Get(g, "country"));
                tally.Errors.Add($"{doc} meetings: missed {Py.Str(Py.Get(g, "format"))} in {where}");
            }
        }

        for (var pi = 0; pi < preds.Count; pi++)
        {
            if (usedP.Contains(pi))
            {
                continue;
            }

            var p = preds[pi];
            var pf = Py.OrEmpty(Py.Get(p, "format"));
            if (optional.Any(o => Py.OrEmpty(Py.Get(o, "format")) == pf))
            {
                continue;
            }

            tally.Fp++;
            var where = Py.Truthy(Py.Get(p, "city")) ? Py.Str(Py.Get(p, "city")) : Py.Str(Py.Get(p, "country"));
            tally.Errors.Add($"{doc} meetings: spurious {Py.Str(Py.Get(p, "format"))} in {where}");
        }
    }

    private static void ScoreValues(List<string> gold, List<string> optional, List<string> pred, KindScore tally, string doc, string kind)
    {
        var g = Count(gold);
        var o = Count(optional);
        var p = Count(pred);
        foreach (var (v, n) in p)
        {
            var t = Math.Min(n, g.GetValueOrDefault(v));
            tally.Tp += t;
            var extra = n - t;
            extra -= Math.Min(extra, o.GetValueOrDefault(v));
            if (extra > 0)
            {
                tally.Fp += extra;
                tally.Errors.Add($"{doc} {kind}: spurious {DisplayKey(v)}");
            }
        }

        foreach (var (v, n) in g)
        {
            var miss = n - Math.Min(n, p.GetValueOrDefault(v));
            if (miss > 0)
            {
                tally.Fn += miss;
                tally.Errors.Add($"{doc} {kind}: missed {DisplayKey(v)}");
            }
        }
    }

    private static Dictionary<string, int> Count(List<string> values)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            d[v] = d.GetValueOrDefault(v) + 1;
        }

        return d;
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
                        var t = Py.Str(Py.Get(hit, "text"));
                        tally.Errors.Add($"{doc} quotes: speaker {Repr(Py.Get(p, "speaker"))} != {Repr(Py.Get(hit, "speaker"))} for {Repr(t[..Math.Min(30, t.Length)])}");
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
                var t = Py.Str(Py.Get(p, "text"));
                tally.Errors.Add($"{doc} quotes: spurious {Repr(t[..Math.Min(40, t.Length)])}");
            }
        }

        foreach (var g in golds)
        {
            tally.Fn++;
            var t = Py.Str(Py.Get(g, "text"));
            tally.Errors.Add($"{doc} quotes: missed {Repr(t[..Math.Min(40, t.Length)])}");
        }
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

                    var raw = text.Substring((int)start, (int)(end - start));
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
                        var v = field == "money" ? Py.Get(item, "amount_usd")
                            : (Py.IsDict(item) && item.TryGetProperty("count", out var c) ? (c.ValueKind == JsonValueKind.Null ? null : c) : Py.Get(item, "ordinal"));
                        if (v is { ValueKind: JsonValueKind.Number } num && num.TryGetInt64(out var value))
                        {
                            var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            var lead = digits.TrimEnd('0');
                            if (lead.Length == 0)
                            {
                                lead = "0";
                            }

                            var word = NumberWords.GetValueOrDefault(value, "@@");
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

    private static List<(long? Start, long? End)> SpansOf(JsonElement item)
    {
        var result = new List<(long?, long?)>();
        if (!Py.IsDict(item))
        {
            return result;
        }

        static (long?, long?) Pair(JsonElement s)
        {
            var a = s[0];
            var b = s[1];
            long? x = a.ValueKind == JsonValueKind.Number && a.TryGetInt64(out var xa) && !a.GetRawText().Contains('.', StringComparison.Ordinal) ? xa : null;
            long? y = b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out var yb) && !b.GetRawText().Contains('.', StringComparison.Ordinal) ? yb : null;
            return (x, y);
        }

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
