using System.Text.Json.Serialization;

namespace Dossier.Domain;

/// <summary>
/// Everything extraction found in one article: the per-article facts of <c>shared/eval/FORMAT.md</c>.
/// Every fact points back to its evidence as <see cref="TextSpan"/>s into the article's original text.
/// </summary>
public sealed record DocumentFacts
{
    /// <summary>The article's id (for files, the file name without its extension).</summary>
    public required string Doc { get; init; }

    /// <summary>ISO date of publication (YYYY-MM-DD), from metadata, else from the text, else null.</summary>
    public string? Published { get; init; }

    /// <summary>Does the article report on the Global Coalition to Defeat ISIS?</summary>
    public bool Relevant { get; init; }

    public IReadOnlyList<CountryFact> Countries { get; init; } = [];
    public IReadOnlyList<PersonFact> People { get; init; } = [];
    public IReadOnlyList<OrganizationFact> Organizations { get; init; } = [];
    public IReadOnlyList<MeetingFact> Meetings { get; init; } = [];
    public IReadOnlyList<MemberCountFact> MemberCounts { get; init; } = [];
    public IReadOnlyList<NewMemberFact> NewMembers { get; init; } = [];
    public IReadOnlyList<MoneyFact> Money { get; init; } = [];
    public IReadOnlyList<QuoteFact> Quotes { get; init; } = [];
    public IReadOnlyList<AttackStatFact> AttackStats { get; init; } = [];

    /// <summary>Version of the extractor that produced these facts.</summary>
    public string ExtractorVersion { get; init; } = "";

    /// <summary>Number of facts of every kind.</summary>
    [JsonIgnore]
    public int Count => Countries.Count + People.Count + Organizations.Count + Meetings.Count + MemberCounts.Count
        + NewMembers.Count + Money.Count + Quotes.Count + AttackStats.Count;
}

/// <summary>A country the article refers to, by ISO 3166-1 alpha-2 code (upper case).</summary>
public sealed record CountryFact(string Code, IReadOnlyList<TextSpan> Spans)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>One person, all mentions merged; the name carries no honorifics or ranks.</summary>
public sealed record PersonFact(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Title,
    string? Country,
    IReadOnlyList<TextSpan> Spans)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>One organization, aliases merged (Daesh = ISIS = ISIL).</summary>
public sealed record OrganizationFact(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<TextSpan> Spans)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>Meeting formats of FORMAT.md.</summary>
public static class MeetingFormats
{
    public const string Ministerial = "ministerial";
    public const string SmallGroup = "small_group";
    public const string CoreFocusGroup = "core_focus_group";
    public const string AfricaFocusGroup = "africa_focus_group";
    public const string StabilisationGroup = "stabilisation_group";
    public const string FinanceGroup = "finance_group";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [Ministerial, SmallGroup, CoreFocusGroup, AfricaFocusGroup, StabilisationGroup, FinanceGroup, Other];
}

/// <summary>Whether a meeting took place or is announced for the future.</summary>
public static class MeetingStatuses
{
    public const string Held = "held";
    public const string Planned = "planned";
}

/// <summary>A meeting of the coalition or one of its bodies.</summary>
/// <param name="Date">YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (day known, year not) or null.</param>
/// <param name="HostsOrChairs">People (names) or countries (ISO codes).</param>
/// <param name="Participants">People (names) or countries (ISO codes).</param>
public sealed record MeetingFact(
    string Format,
    string? City,
    string? Country,
    string? Date,
    IReadOnlyList<string> HostsOrChairs,
    IReadOnlyList<string> Participants,
    TextSpan Span)
{
    /// <summary><see cref="MeetingStatuses.Held"/> or <see cref="MeetingStatuses.Planned"/>.</summary>
    public string Status { get; init; } = MeetingStatuses.Held;

    /// <summary>
    /// The gazetteer's name of the city, the same for every spelling of it (Marrakech and Marrakesh: "Marrakesh"; Abu
    /// Zabi: "Abu Dhabi"); null when the city is not in the gazetteer. Not part of the scored format: the knowledge
    /// store merges reports of one event on it (<see cref="MeetingIdentity.SameCity"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CityKey { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>Qualifiers of counts and amounts.</summary>
public static class Qualifiers
{
    public const string Exact = "exact";
    public const string Over = "over";
    public const string Under = "under";
    public const string About = "about";
}

/// <summary>A claim about how many members the coalition has.</summary>
public sealed record MemberCountFact(int Count, string Qualifier, string? AsOf, TextSpan Span)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule (pattern id) made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>A country that joined the coalition, with its ordinal when the text gives one.</summary>
public sealed record NewMemberFact(string Member, int? Ordinal, TextSpan Span)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule (pattern id) made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>An amount of money; <see cref="AmountUsd"/> is null when the currency has no fixed rate.</summary>
public sealed record MoneyFact(long? AmountUsd, string Qualifier, string? Purpose, TextSpan Span)
{
    /// <summary>The amount in its own currency, as written (e.g. 10000000 for "€10m").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 code of the currency as written (USD, EUR, GBP …).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule (pattern id) made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>A direct quotation and who said it.</summary>
public sealed record QuoteFact(string? Speaker, string? SpeakerDescription, string Text, TextSpan Span)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>The attribution rule (quote sieve) that gave the speaker, e.g. "adjacent"; not exported.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}

/// <summary>A count of attacks or incidents the article reports.</summary>
public sealed record AttackStatFact(
    int Count,
    string Qualifier,
    string What,
    IReadOnlyList<string> Where,
    string? When,
    TextSpan Span)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Which rule (pattern id) made this fact: internal, not serialized, for measuring each rule's precision.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }
}
