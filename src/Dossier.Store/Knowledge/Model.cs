namespace Dossier.Store;

/// <summary>Kinds of canonical entities.</summary>
public static class EntityKinds
{
    public const string Person = "person";
    public const string Country = "country";
    public const string Organization = "organization";
    public const string Place = "place";

    public static IReadOnlyList<string> All { get; } = [Person, Country, Organization, Place];
}

/// <summary>One canonical entity across all articles, as lists show it.</summary>
public sealed record EntitySummary(
    string Id, string Kind, string Name, string? Country, int MentionCount, int DocumentCount,
    string? FirstSeen, string? LastSeen);

/// <summary>Where an entity is mentioned: the article, the span, and the words around it.</summary>
public sealed record EntityMention(string DocumentId, string? Published, int Start, int End, string Before, string Text, string After);

/// <summary>A title a person held, as of an article.</summary>
public sealed record EntityTitle(string Title, string DocumentId, string? Published);

/// <summary>An entity that appears in the same articles, and in how many.</summary>
public sealed record RelatedEntity(string Id, string Kind, string Name, int SharedDocuments);

/// <summary>Everything known of one entity.</summary>
public sealed record EntityDetail(
    EntitySummary Summary,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<EntityTitle> Titles,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<RelatedEntity> Related,
    IReadOnlyList<EventSummary> Events);

/// <summary>Filters of <see cref="IKnowledgeStore.ListEntities"/>.</summary>
public sealed record EntityQuery(string? Kind = null, string? NamePrefix = null);

/// <summary>A meeting, merged across the articles that report it.</summary>
/// <param name="CityKey">The key the city is compared on (<see cref="MeetingIdentity.CityKey(string, string?)"/>); null without a city.</param>
public sealed record EventSummary(
    string Id, string Format, string? Country, string? City, string? Date, string Status, int SourceCount, string? CityKey = null);

/// <summary>One article's account of an event.</summary>
public sealed record EventSource(
    string DocumentId, string? Published, string Format, string Status, string? Date, string? City, string? Country,
    IReadOnlyList<string> HostsOrChairs, IReadOnlyList<string> Participants, int Start, int End, string Evidence, string? CityKey = null)
{
    /// <summary>The article's cluster of near-duplicates (its canonical article's id); its own id when unknown.</summary>
    public string ClusterId { get => field ?? DocumentId; init; }
}

/// <summary>One value of an event attribute and the articles that give it.</summary>
public sealed record AttributeValue(string Value, IReadOnlyList<string> DocumentIds)
{
    /// <summary>How many reports give it: its articles, a cluster of near-duplicates counted once.</summary>
    public int Support { get; init; } = DocumentIds.Count;
}

/// <summary>
/// An attribute of a merged event: every value any source gives, each with its sources. <see cref="Conflict"/> is
/// true when sources give values that cannot both be right (a less precise date inside a more precise one is not a conflict).
/// </summary>
public sealed record EventAttribute(string Name, IReadOnlyList<AttributeValue> Values, bool Conflict);

public sealed record EventDetail(EventSummary Summary, IReadOnlyList<EventSource> Sources, IReadOnlyList<EventAttribute> Attributes);

/// <summary>Filters of <see cref="IKnowledgeStore.ListEvents"/>; dates are inclusive ISO prefixes.</summary>
public sealed record EventQuery(string? Country = null, string? Format = null, string? From = null, string? To = null);

/// <summary>A claim about the coalition at a point in time, with its evidence.</summary>
/// <param name="EffectiveDate">
/// The date the claim speaks of: its as-of date, else its article's publication date, else the date of the meeting
/// the article reports (an undated "83-member coalition" in a report of the 2022 meeting speaks of 2022).
/// </param>
public sealed record Claim(
    string Id, string Kind, int? Value, string? Qualifier, string? AsOf, string? EffectiveDate, string? Member, int? Ordinal,
    string DocumentId, string? Published, int Start, int End, string Evidence)
{
    /// <summary>The article's cluster of near-duplicates (its canonical article's id); its own id when unknown.</summary>
    public string ClusterId { get => field ?? DocumentId; init; }
}

/// <summary>A claim on the timeline and the ids of the claims it contradicts.</summary>
/// <param name="Support">How many reports make the same claim for about the same time (a cluster of near-duplicates counted once), itself included.</param>
/// <param name="DuplicateOf">The earlier claim of the same story (another member of its cluster) it repeats; null for the first.</param>
public sealed record TimelineEntry(Claim Claim, IReadOnlyList<string> ConflictsWith, int Support = 1, string? DuplicateOf = null);

public sealed record ClaimTimeline(string Kind, IReadOnlyList<TimelineEntry> Entries);

/// <summary>Full-text search with filters; <see cref="Text"/> may be empty when a filter is given.</summary>
/// <param name="CollapseDuplicates">One hit per cluster of near-duplicates: its best-ranked member (the hit's summary
/// carries the cluster's size).</param>
public sealed record SearchQuery(
    string Text, string? From = null, string? To = null, string? Country = null, string? Person = null,
    string? Organization = null, string? Format = null, bool CollapseDuplicates = false)
{
    public bool HasFilters => From is not null || To is not null || Country is not null || Person is not null
        || Organization is not null || Format is not null;
}

/// <summary>A highlightable annotation of an article's text.</summary>
public sealed record Annotation(string Kind, int Start, int End, string Label, string? EntityId);

/// <summary>Totals for the overview.</summary>
public sealed record StoreTotals(int Articles, int Entities, int Events, int Claims);

/// <summary>Claim kinds of <see cref="IKnowledgeStore.GetClaimTimeline"/>.</summary>
public static class ClaimKinds
{
    public const string MemberCount = "member_count";
    public const string NewMember = "new_member";
}
