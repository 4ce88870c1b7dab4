using System.Globalization;
using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Numbers in digits or words (394, 1,500, 2.5, seventeen, twenty-five, 87th, third) with their scale
/// (million, bn, m), qualifier (over, more than, nearly, about), percent sign, "-member" compounds, and
/// currency ($, US$, USD, €, £, dollars, euros). Which amounts of money are money facts is the money
/// component's decision.
/// </summary>
public sealed class NumberComponent : IPipelineComponent
{
    public string Name => "numbers";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Boilerplate];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Numbers];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = s.TokenStart; i < s.TokenEnd; i++)
            {
                var m = ParseAt(document, i, s);
                if (m is null)
                {
                    continue;
                }

                document.Numbers.Add(m);
                i = m.TokenEnd - 1;
            }
        }
    }

    /// <summary>
    /// The largest value read as a number (a quintillion, scale included): far beyond any real count or amount, and
    /// small enough that every amount fits a <see cref="long"/> of US dollars.
    /// </summary>
    public const decimal MaxValue = 1_000_000_000_000_000_000m;

    /// <summary>
    /// A currency written after a number (5 million dollars): its own method, so that the lambda over the document is made
    /// only for a number, not on every token <see cref="ParseAt"/> is asked about.
    /// </summary>
    private static (int End, CurrencyEntry? Entry) CurrencyAfter(AnnotatedDocument document, int from, int to) =>
        document.Knowledge.Currencies.Longest(document.Tokens, from, to, (e, st, _) => e.Position is "after" or "either" && CurrencyCase(document, e, st));

    private static NumberMention? ParseAt(AnnotatedDocument document, int i, Segment s)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var kb = document.Knowledge;
        var t = tokens[i];
        decimal value;
        var ordinal = false;
        var isWord = false;
        var end = i + 1;
        if (t.IsNumber)
        {
            var span = t.Span(text);
            if (span.Length > 2 && char.IsLetter(span[^1]))
            {
                ordinal = true;
                span = span[..^2];
            }

            var clean = span.ToString().Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) || value > MaxValue)
            {
                // Not a number an article states as a count or an amount (an id, a hash, a run of digits).
                return null;
            }

            // Dates and times are not counts: skip 2022-05-14 parts and 10:30.
            if (end < s.TokenEnd && tokens[end].Norm == ":" && end + 1 < s.TokenEnd && tokens[end + 1].IsNumber)
            {
                return null;
            }
        }
        else if (t.IsWord && kb.NumberWords.TryGetValue(t.Norm, out var w) && w.Kind != "scale")
        {
            value = w.Value;
            ordinal = w.Kind == "ordinal";
            isWord = true;

            // twenty-five, twenty five
            if (!ordinal && value >= 20 && end + 1 < s.TokenEnd && tokens[end].Norm == "-"
                && kb.NumberWords.TryGetValue(tokens[end + 1].Norm, out var unit) && unit.Kind == "cardinal" && unit.Value < 10)
            {
                value += unit.Value;
                end += 2;
            }

            // "one" as a pronoun or article-like word ("one official") is not a count; keep it, callers decide.
        }
        else
        {
            return null;
        }

        // Scale: million, bn; one-letter scales only when attached (10m, 500M).
        if (!ordinal && end < s.TokenEnd && tokens[end].IsWord && kb.NumberWords.TryGetValue(tokens[end].Norm, out var scale) && scale.Kind == "scale"
            && (tokens[end].Length > 2 || tokens[end].Start == tokens[end - 1].End))
        {
            var exact = tokens[end].Span(text).ToString();
            if (exact.Length > 1 || exact is "m" or "M" or "b" or "B" or "k" or "K")
            {
                if (value > MaxValue / scale.Value)
                {
                    // "$99999999999999999999 billion": no amount anyone states; not read as a number (and no overflow).
                    return null;
                }

                value *= scale.Value;
                end++;
            }
        }

        var start = i;
        var m = new NumberMention(start, end, tokens[start].Start, tokens[end - 1].End, value, document.TokenSentence[i])
        {
            Ordinal = ordinal,
            IsWord = isWord,
        };

        // Percent and -member compounds.
        if (end < s.TokenEnd && (tokens[end].Norm is "%" or "percent" || (tokens[end].Norm == "per" && end + 1 < s.TokenEnd && tokens[end + 1].Norm == "cent")))
        {
            m.Percent = true;
        }

        if (end + 1 < s.TokenEnd && tokens[end].Norm == "-" && tokens[end + 1].Norm is "member" or "nation" or "country" or "strong")
        {
            m.MemberCompound = true;
        }

        // Currency before ($394, US$5, USD 500M, €10m) or after (5 million dollars, 10 euros).
        var cur = CurrencyBefore(document, start, s.TokenStart);
        if (cur is { } before)
        {
            m.Currency = before.Code;
            m.TokenStart = before.Start;
            m.Start = tokens[before.Start].Start;
        }
        else if (end < s.TokenEnd)
        {
            var (cend, entry) = CurrencyAfter(document, end, s.TokenEnd);
            if (cend > 0 && entry is not null)
            {
                m.Currency = entry.Code;
                m.TokenEnd = cend;
                m.End = tokens[cend - 1].End;
            }
        }

        // Qualifier: over, more than, nearly, about … right before the number (or its currency).
        for (var k = Math.Max(s.TokenStart, m.TokenStart - 4); k < m.TokenStart; k++)
        {
            var (qend, q) = kb.Qualifiers.Longest(tokens, k, m.TokenStart);
            if (qend == m.TokenStart && q is not null)
            {
                m.Qualifier = q;
                break;
            }
        }

        return m;
    }

    private static bool CurrencyCase(AnnotatedDocument document, CurrencyEntry e, int start)
    {
        var t = document.Tokens[start];
        return !(e.Position == "either" && t.IsWord && !t.IsAllCaps(document.Text));
    }

    private static (int Start, string Code)? CurrencyBefore(AnnotatedDocument document, int numberStart, int sentenceStart)
    {
        var tokens = document.Tokens;
        var kb = document.Knowledge;
        for (var k = Math.Max(sentenceStart, numberStart - 2); k < numberStart; k++)
        {
            var (end, entry) = kb.Currencies.Longest(tokens, k, numberStart, (e, _, _) => e.Position is "before" or "either");
            if (end == numberStart && entry is not null)
            {
                return (k, entry.Code);
            }
        }

        return null;
    }
}
