namespace Dossier.Domain;

/// <summary>The kinds of fact, by their field in the facts JSON (FORMAT.md) and in the scorer's table.</summary>
public static class FactKinds
{
    public const string Countries = "countries";
    public const string People = "people";
    public const string Organizations = "organizations";
    public const string Meetings = "meetings";
    public const string MemberCounts = "member_counts";
    public const string NewMembers = "new_members";
    public const string Money = "money";
    public const string Quotes = "quotes";
    public const string AttackStats = "attack_stats";

    public static IReadOnlyList<string> All { get; } = [Countries, People, Organizations, Meetings, MemberCounts, NewMembers, Money, Quotes, AttackStats];

    /// <summary>Each fact of the article with its kind, the rule that made it and its spans.</summary>
    public static IEnumerable<(string Kind, string? Rule, IReadOnlyList<TextSpan> Spans)> Ruled(DocumentFacts f) =>
        f.Countries.Select(x => (Countries, x.Rule, x.Spans))
            .Concat(f.People.Select(x => (People, x.Rule, x.Spans)))
            .Concat(f.Organizations.Select(x => (Organizations, x.Rule, x.Spans)))
            .Concat(f.Meetings.Select(x => (Meetings, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])))
            .Concat(f.MemberCounts.Select(x => (MemberCounts, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])))
            .Concat(f.NewMembers.Select(x => (NewMembers, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])))
            .Concat(f.Money.Select(x => (Money, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])))
            .Concat(f.Quotes.Select(x => (Quotes, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])))
            .Concat(f.AttackStats.Select(x => (AttackStats, x.Rule, (IReadOnlyList<TextSpan>)[x.Span])));
}
