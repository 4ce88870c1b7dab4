using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Counts of attacks and incidents: a number (digits or words, with its qualifier) followed, within two
/// adjectives, by an attack noun (attacks, bombings, operations, incidents …). Where: the places named
/// in the sentence after the count; when: the sentence's date expression.
/// </summary>
public sealed class AttackStatsComponent : IPipelineComponent
{
    private static readonly HashSet<string> AttackNouns = new(StringComparer.Ordinal)
    {
        "attack", "attacks", "bombings", "bombing", "operations", "incidents", "assaults", "ambushes", "raids", "strikes",
        "airstrikes", "explosions", "attempts", "executions", "kidnappings", "abductions",
    };

    public string Name => "attacks";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Numbers, Layers.Dates];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Attacks];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        foreach (var n in document.Numbers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = document.Sentences[n.Sentence];
            if (s.IsBoilerplate || n.Percent || n.Ordinal || n.Currency is not null || n.Value < 1 || n.Value > 100000 || n.Value != decimal.Truncate(n.Value))
            {
                continue;
            }

            // Years are not counts.
            if (document.Dates.Any(d => d.TokenStart <= n.TokenStart && n.TokenEnd <= d.TokenEnd))
            {
                continue;
            }

            var k = n.TokenEnd;
            var adjectives = 0;
            while (k < s.TokenEnd && adjectives < 2 && tokens[k].IsWord && !AttackNouns.Contains(tokens[k].Norm) && tokens[k].IsLower(document.Text))
            {
                k++;
                adjectives++;
            }

            if (k >= s.TokenEnd || !AttackNouns.Contains(tokens[k].Norm))
            {
                continue;
            }

            var what = document.TokenRangeText(n.TokenEnd, k + 1);
            var where = new List<string>();
            foreach (var e in document.Entities)
            {
                if (e.Sentence == s.Index && e.Entry.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country or EntityKind.CountryAbbreviation or EntityKind.Region)
                {
                    var value = e.Entry.Kind is EntityKind.Country or EntityKind.CountryAbbreviation ? e.Entry.Country! : Dossier.Pipeline.Text.Display.Name(document.Slice(e.Start, e.End));
                    if (!where.Contains(value, StringComparer.Ordinal))
                    {
                        where.Add(value);
                    }
                }
            }

            string? when = null;
            foreach (var d in document.Dates)
            {
                if (d.Sentence == s.Index && d.Value is not null)
                {
                    when = d.Value;
                    break;
                }
            }

            var start = n.Start;
            if (n.Value > int.MaxValue)
            {
                continue;
            }

            if (document.AttackStats.Any(x => x.Count == (int)n.Value && x.Qualifier == n.Qualifier && x.What == what))
            {
                continue;
            }

            document.AttackStats.Add(new AttackStatFact((int)n.Value, n.Qualifier, what, where, when, new TextSpan(start, tokens[k].End)));
        }
    }
}
