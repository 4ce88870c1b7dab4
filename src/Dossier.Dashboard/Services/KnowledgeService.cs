using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Dashboard.Services;

public sealed record StoreStats(int Articles, int Entities, int Events, int Claims, string Engine);

public sealed record EntityItem(
    string Id, string Kind, string Name, string? Country, int Mentions, int Documents, string? FirstSeen, string? LastSeen);

public sealed record EntityPage(IReadOnlyList<EntityItem> Items, string? NextPageToken, int Total);

public sealed record EntityTitleItem(string Title, string DocumentId, string? Published);

public sealed record EntityMentionItem(string DocumentId, string? Published, int Start, int End, string Before, string Text, string After);

public sealed record RelatedEntityItem(string Id, string Kind, string Name, int SharedDocuments);

public sealed record EntityDetail(
    EntityItem Summary, IReadOnlyList<string> Aliases, IReadOnlyList<EntityTitleItem> Titles,
    IReadOnlyList<EntityMentionItem> Mentions, IReadOnlyList<RelatedEntityItem> Related, IReadOnlyList<EventItem> Events);

public sealed record EventItem(string Id, string Format, string? Country, string? City, string? Date, string Status, int Sources)
{
    public string FormatLabel => Formats.Label(Format);
}

public sealed record EventPage(IReadOnlyList<EventItem> Items, string? NextPageToken, int Total);

public sealed record EventSourceItem(
    string DocumentId, string? Published, string Format, string Status, string? Date, string? City, string? Country,
    IReadOnlyList<string> HostsOrChairs, IReadOnlyList<string> Participants, int Start, int End, string Evidence);

public sealed record AttributeValueItem(string Value, IReadOnlyList<string> DocumentIds);

public sealed record EventAttributeItem(string Name, IReadOnlyList<AttributeValueItem> Values, bool Conflict);

public sealed record EventDetail(EventItem Summary, IReadOnlyList<EventSourceItem> Sources, IReadOnlyList<EventAttributeItem> Attributes);

public sealed record ClaimItem(
    string Id, string Kind, int? Value, string Qualifier, string? AsOf, string? Member, string DocumentId, string? Published,
    int Start, int End, string Evidence, string? EffectiveDate, IReadOnlyList<string> ConflictsWith);

public sealed record ClaimTimelineView(string Kind, IReadOnlyList<ClaimItem> Claims, int ConflictCount);

public static class Formats
{
    public static readonly string[] Known =
        ["ministerial", "small_group", "core_focus_group", "africa_focus_group", "stabilisation_group", "finance_group", "other"];

    public static string Label(string format) => string.IsNullOrEmpty(format) ? "unknown" : format.Replace('_', ' ');
}

/// <summary>The dashboard's view of the query service's knowledge (entities, events, claims, totals) as plain records.</summary>
public sealed class KnowledgeService(QueryService.QueryServiceClient client)
{
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var s = await client.GetStatsAsync(new GetStatsRequest(), cancellationToken: cancellationToken);
        return new StoreStats(s.Articles, s.Entities, s.Events, s.Claims, s.Engine);
    }

    public async Task<EntityPage> ListEntitiesAsync(string? kind, string? q, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var r = await client.ListEntitiesAsync(
            new ListEntitiesRequest { Kind = kind ?? "", Q = q ?? "", PageToken = pageToken ?? "", PageSize = pageSize },
            cancellationToken: cancellationToken);
        return new EntityPage(r.Entities.Select(ToItem).ToList(), Empty(r.NextPageToken), r.TotalSize);
    }

    /// <summary>The entity, or null when the store does not know it.</summary>
    public async Task<EntityDetail?> GetEntityAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var e = await client.GetEntityAsync(new GetEntityRequest { Id = id }, cancellationToken: cancellationToken);
            return new EntityDetail(
                ToItem(e.Summary),
                e.Aliases.ToList(),
                e.Titles.Select(t => new EntityTitleItem(t.Title, t.DocumentId, Empty(t.Published))).ToList(),
                e.Mentions.Select(m => new EntityMentionItem(m.DocumentId, Empty(m.Published), m.Span?.Start ?? 0, m.Span?.End ?? 0, m.Before, m.Text, m.After)).ToList(),
                e.Related.Select(r => new RelatedEntityItem(r.Id, r.Kind, r.Name, r.SharedDocuments)).ToList(),
                e.Events.Select(ToItem).ToList());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    public async Task<EventPage> ListEventsAsync(EventFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var r = await client.ListEventsAsync(
            new ListEventsRequest
            {
                Country = filter.Country ?? "", Format = filter.Format ?? "", From = filter.From ?? "", To = filter.To ?? "",
                PageToken = pageToken ?? "", PageSize = pageSize,
            },
            cancellationToken: cancellationToken);
        return new EventPage(r.Events.Select(ToItem).ToList(), Empty(r.NextPageToken), r.TotalSize);
    }

    /// <summary>The event, or null when the store does not know it.</summary>
    public async Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var e = await client.GetEventAsync(new GetEventRequest { Id = id }, cancellationToken: cancellationToken);
            return new EventDetail(
                ToItem(e.Summary),
                e.Sources.Select(s => new EventSourceItem(
                    s.DocumentId, Empty(s.Published), s.Format, s.Status, Empty(s.Date), Empty(s.City), Empty(s.Country),
                    s.HostsOrChairs.ToList(), s.Participants.ToList(), s.Span?.Start ?? 0, s.Span?.End ?? 0, s.Evidence)).ToList(),
                e.Attributes.Select(a => new EventAttributeItem(
                    a.Name, a.Values.Select(v => new AttributeValueItem(v.Value, v.DocumentIds.ToList())).ToList(), a.Conflict)).ToList());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    public async Task<ClaimTimelineView> GetClaimTimelineAsync(string kind, CancellationToken cancellationToken)
    {
        var t = await client.GetClaimTimelineAsync(new GetClaimTimelineRequest { Kind = kind }, cancellationToken: cancellationToken);
        return new ClaimTimelineView(
            t.Kind,
            t.Claims.Select(c => new ClaimItem(
                c.Id, c.Kind, c.HasValue ? c.Value : null, c.Qualifier, Empty(c.AsOf), Empty(c.Member), c.DocumentId, Empty(c.Published),
                c.Span?.Start ?? 0, c.Span?.End ?? 0, c.Evidence, Empty(c.EffectiveDate), c.ConflictsWith.ToList())).ToList(),
            t.ConflictCount);
    }

    private static EntityItem ToItem(EntitySummary s) => new(
        s.Id, s.Kind, s.Name, Empty(s.Country), s.MentionCount, s.DocumentCount, Empty(s.FirstSeen), Empty(s.LastSeen));

    private static EventItem ToItem(EventSummary s) => new(
        s.Id, s.Format, Empty(s.Country), Empty(s.City), Empty(s.Date), s.Status, s.SourceCount);

    private static string? Empty(string s) => string.IsNullOrEmpty(s) ? null : s;
}

public sealed record EventFilter(string? Country = null, string? Format = null, string? From = null, string? To = null);
