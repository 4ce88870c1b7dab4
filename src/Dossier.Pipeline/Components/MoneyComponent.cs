using Dossier.Domain;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Which amounts of money are money facts: pledged, contributed, given, raised or set as a goal (GUIDELINES section
/// 11), decided by the patterns of <c>Data/patterns/money.jsonl</c> around each amount: the cue nearest to it (the
/// verb of its clause or the noun it belongs to) decides, a cost, profit, revenue, price, bounty, loan or moved funds
/// winning a tie; an amount restated in parentheses is one amount (in US dollars when either is); an amount without a
/// cue of its own follows one it is coordinated with; else the cue words of its sentence decide, and with none it is
/// not a fact. US dollars get amount_usd; other currencies keep amount and currency with amount_usd null. An amount
/// is listed once.
/// </summary>
public sealed class MoneyComponent : IPipelineComponent
{
    public const string PatternFile = "money";

    private const string SentenceRule = "money.sentence";

    public string Name => "money";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Boilerplate, Layers.Entities, Layers.Numbers];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Money];

    private sealed record Decision(bool Give, string Rule);

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var bySentence = document.Numbers.Where(n => n.Currency is not null).ToLookup(n => n.Sentence);
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var amounts = bySentence[s.Index].ToList();
            if (s.IsBoilerplate || amounts.Count == 0)
            {
                continue;
            }

            var matches = document.MatchAll(PatternFile, s.TokenStart, s.TokenEnd);
            var decisions = amounts.ToDictionary(a => a, a => Local(matches, a));
            var glossOf = new Dictionary<NumberMention, NumberMention>();
            foreach (var m in matches.Where(m => m.Label == "gloss"))
            {
                if (At(amounts, m["amount"]) is { } main && At(amounts, m["gloss"]) is { } gloss)
                {
                    glossOf[gloss] = main;
                    decisions[main] ??= decisions[gloss];
                }
            }

            foreach (var m in matches.Where(m => m.Label == "coord"))
            {
                if (At(amounts, m["left"]) is { } left && At(amounts, m["amount"]) is { } right && decisions[right] is null && !glossOf.ContainsKey(right))
                {
                    decisions[right] = decisions[left] is { } d ? d with { Rule = d.Rule + "+" + m.Id } : null;
                }
            }

            Decision? sentence = null;
            foreach (var a in amounts.Where(a => !glossOf.ContainsKey(a)))
            {
                var decision = decisions[a] ?? (sentence ??= BySentence(document, s));
                if (!decision.Give)
                {
                    continue;
                }

                // A restated pair is one amount: the US-dollar one when either is, else the main one.
                var gloss = glossOf.Where(kv => kv.Value == a).Select(kv => kv.Key).FirstOrDefault();
                var stated = a.Currency != "USD" && gloss is { Currency: "USD" } ? gloss : a;
                if (!document.Money.Any(x => x.Amount == decimal.Round(stated.Value, 2) && x.Currency == stated.Currency))
                {
                    document.Money.Add(ToMoney(document, stated, s, decision.Rule));
                }
            }
        }
    }

    private static NumberMention? At(List<NumberMention> amounts, TokenRange? range) =>
        range is { } r ? amounts.FirstOrDefault(a => a.TokenStart == r.Start) : null;

    /// <summary>The decision of the give/not match whose cue is nearest to the amount (a tie: not), or null.</summary>
    private static Decision? Local(List<PatternMatch> matches, NumberMention amount)
    {
        Decision? best = null;
        var bestDistance = int.MaxValue;
        foreach (var m in matches)
        {
            if (m.Label is not ("give" or "not") || m["amount"]?.Start != amount.TokenStart || m["cue"] is not { } cue)
            {
                continue;
            }

            var distance = cue.End <= amount.TokenStart ? amount.TokenStart - cue.End : cue.Start - amount.TokenEnd;
            var give = m.Label == "give";
            if (distance < bestDistance || (distance == bestDistance && !give))
            {
                best = new Decision(give, m.Id);
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>With no cue around the amount: a not-cue of the sentence says no, else a give-cue says yes, else no.</summary>
    private static Decision BySentence(AnnotatedDocument document, Segment s)
    {
        var sets = document.Knowledge.Sets;
        bool Has(params string[] names) => Enumerable.Range(s.TokenStart, s.TokenEnd - s.TokenStart)
            .Any(k => names.Any(n => sets[n].Words.Contains(document.Tokens[k].Norm)));
        if (Has("money_not_verbs", "money_not_nouns"))
        {
            return new Decision(false, SentenceRule);
        }

        return new Decision(Has("money_give_verbs", "money_give_nouns"), SentenceRule);
    }

    private static MoneyFact ToMoney(AnnotatedDocument document, NumberMention m, Segment s, string rule)
    {
        long? usd = m.Currency == "USD" ? (long)decimal.Round(m.Value) : null;
        return new MoneyFact(usd, m.Qualifier, Purpose(document, m, s), m.Span)
        {
            Amount = decimal.Round(m.Value, 2),
            Currency = m.Currency,
            Rule = rule,
        };
    }

    /// <summary>The rest of the clause after the amount ("in stabilization efforts for …") up to a comma or a conjunction, else the clause before it.</summary>
    private static string? Purpose(AnnotatedDocument document, NumberMention m, Segment s)
    {
        var tokens = document.Tokens;
        var k = m.TokenEnd;
        while (k < s.TokenEnd && tokens[k].Norm is "in" or "for" or "to" or "of" or "towards" or "toward")
        {
            k++;
        }

        var end = k;
        while (end < s.TokenEnd && !(tokens[end].Norm is "," or "." or ";" or "\"" or ":" or "(" or ")" or "and" or "but" or "while" or "whereas"))
        {
            end++;
        }

        if (end - k >= 1)
        {
            return document.TokenRangeText(k, end);
        }

        var start = m.TokenStart;
        while (start > s.TokenStart && !(tokens[start - 1].Norm is "," or "." or ";" or "\"" or ":"))
        {
            start--;
        }

        return start < m.TokenStart ? document.TokenRangeText(start, m.TokenStart).Trim() : null;
    }
}
