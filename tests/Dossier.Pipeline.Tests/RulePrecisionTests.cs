using Dossier.Domain;
using Dossier.Evaluation;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

/// <summary>Each rule's precision measured against gold (Dossier.Evaluation.RulePrecision) and given as confidence.</summary>
public class RulePrecisionTests
{
    private const string Text = "Arne Holm and Mia Ek met. The coalition has 80 members. Officials spoke of 90 partners.";

    private const string Gold = """
        {"doc": "r", "published": null, "relevant": true, "countries": [],
         "people": [{"name": "Arne Holm", "aliases": [], "title": "Foreign Minister", "country": "NO"}],
         "organizations": [], "meetings": [], "member_counts": [{"count": 80, "qualifier": "exact"}],
         "new_members": [], "money": [], "quotes": [], "attack_stats": []}
        """;

    private static TextSpan Span(string s)
    {
        var i = Text.IndexOf(s, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    private static DocumentFacts Facts() => new()
    {
        Doc = "r",
        Relevant = true,
        People =
        [
            new PersonFact("Arne Holm", [], "Ambassador", "NO", [Span("Arne Holm")]) { Rule = "person.titled" },
            new PersonFact("Mia Ek", [], null, null, [Span("Mia Ek")]) { Rule = "person.name" },
        ],
        MemberCounts =
        [
            new MemberCountFact(80, "exact", null, Span("has 80 members")) { Rule = "count.has" },
            new MemberCountFact(90, "exact", null, Span("90 partners")) { Rule = "count.partners" },
        ],
    };

    private static IReadOnlyList<RuleTally> Measure()
    {
        var facts = Facts();
        var report = FactsScorer.Score([ScoringInput.FromFacts("r", Gold, facts, Text)]);
        return RulePrecision.Measure(report, [("r", facts)]);
    }

    [Fact]
    public void Measure_SpuriousFactsAndWrongAttributes_CountAgainstTheirRule()
    {
        var tallies = Measure();

        // Mia Ek is not in the gold (spurious); Arne Holm is, with a title the scorer finds wrong; 90 is spurious.
        Assert.Contains(new RuleTally(FactKinds.People, "person.titled", 1, 0), tallies);
        Assert.Contains(new RuleTally(FactKinds.People, "person.name", 1, 0), tallies);
        Assert.Contains(new RuleTally(FactKinds.MemberCounts, "count.has", 1, 1), tallies);
        Assert.Contains(new RuleTally(FactKinds.MemberCounts, "count.partners", 1, 0), tallies);
        Assert.Contains(new RuleTally(FactKinds.MemberCounts, RulePrecision.AnyRule, 2, 1), tallies);
    }

    [Theory]
    [InlineData(4, 4, null)]
    [InlineData(5, 5, 0.86)]
    [InlineData(20, 15, 0.73)]
    public void Confidence_FewFactsOrSome_IsNullOrTheSmoothedPrecision(int facts, int correct, double? expected)
    {
        Assert.Equal(expected, new RuleTally("quotes", "adjacent", facts, correct).Confidence);
    }

    [Fact]
    public void ToTsv_ThenLoad_GivesEachRuleItsConfidenceAndSparseRulesTheKindsPooledOne()
    {
        var tallies = new[]
        {
            new RuleTally(FactKinds.Quotes, "adjacent", 40, 38),
            new RuleTally(FactKinds.Quotes, "possessive", 2, 1),
            new RuleTally(FactKinds.Quotes, RulePrecision.AnyRule, 42, 39),
        };

        var rows = RulePrecision.ToTsv(tallies, "a test corpus").Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));
        var table = RulePrecisionTable.Load(rows);

        Assert.Equal(0.93, table.Of(FactKinds.Quotes, "adjacent"));
        Assert.Equal(0.91, table.Of(FactKinds.Quotes, "possessive"));
        Assert.Equal(0.91, table.Of(FactKinds.Quotes, "never-measured"));
        Assert.Null(table.Of(FactKinds.Money, "money.give-verb"));
    }

    [Fact]
    public void Extract_WithTheShippedTable_GivesFactsTheirRulesConfidence()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS now has 87 members, the ministers said in Oslo.");

        var count = Assert.Single(facts.MemberCounts);
        Assert.NotNull(count.Rule);
        Assert.Equal(KnowledgeBase.Default.RulePrecision.Of(FactKinds.MemberCounts, count.Rule), count.Confidence);
        Assert.InRange(count.Confidence!.Value, 0.5, 1.0);
        Assert.All(facts.Countries, c => Assert.NotNull(c.Confidence));
    }
}
