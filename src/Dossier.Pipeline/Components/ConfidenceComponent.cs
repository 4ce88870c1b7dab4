using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Gives each fact the measured precision of the rule that made it (<see cref="RulePrecisionTable"/>,
/// <c>Data/rule_precision.tsv</c>) as its confidence; a fact of an unmeasured rule keeps a null confidence.
/// </summary>
public sealed class ConfidenceComponent : IPipelineComponent
{
    public string Name => "confidence";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Facts];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Confidence];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        if (document.Facts is not { } f)
        {
            return;
        }

        var t = document.Knowledge.RulePrecision;
        document.Facts = f with
        {
            Countries = f.Countries.Select(x => x with { Confidence = t.Of(FactKinds.Countries, x.Rule) }).ToList(),
            People = f.People.Select(x => x with { Confidence = t.Of(FactKinds.People, x.Rule) }).ToList(),
            Organizations = f.Organizations.Select(x => x with { Confidence = t.Of(FactKinds.Organizations, x.Rule) }).ToList(),
            Meetings = f.Meetings.Select(x => x with { Confidence = t.Of(FactKinds.Meetings, x.Rule) }).ToList(),
            MemberCounts = f.MemberCounts.Select(x => x with { Confidence = t.Of(FactKinds.MemberCounts, x.Rule) }).ToList(),
            NewMembers = f.NewMembers.Select(x => x with { Confidence = t.Of(FactKinds.NewMembers, x.Rule) }).ToList(),
            Money = f.Money.Select(x => x with { Confidence = t.Of(FactKinds.Money, x.Rule) }).ToList(),
            Quotes = f.Quotes.Select(x => x with { Confidence = t.Of(FactKinds.Quotes, x.Rule) }).ToList(),
            AttackStats = f.AttackStats.Select(x => x with { Confidence = t.Of(FactKinds.AttackStats, x.Rule) }).ToList(),
        };
    }
}
