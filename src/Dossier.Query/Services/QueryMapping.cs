using Dossier.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using S = Dossier.Store;

namespace Dossier.Query.Services;

/// <summary>Maps the knowledge store's records to dossier.v1 messages.</summary>
internal static class QueryMapping
{
    public static DocumentSummary ToProto(S.ArticleSummary s) => new()
    {
        Id = s.Id,
        Title = s.Title,
        Published = s.Published ?? "",
        Source = s.Source,
        Url = s.Url,
        Relevant = s.Relevant,
        TraceId = s.TraceId,
        IndexedAt = Timestamp.FromDateTimeOffset(s.IndexedAt),
        ExtractorVersion = s.ExtractorVersion,
        Preview = s.Preview,
        DuplicateOf = s.DuplicateOf ?? "",
        ClusterSize = s.ClusterSize,
        FactCounts = new FactCounts
        {
            Countries = s.Counts.Countries, People = s.Counts.People, Organizations = s.Counts.Organizations,
            Meetings = s.Counts.Meetings, MemberCounts = s.Counts.MemberCounts, NewMembers = s.Counts.NewMembers,
            Money = s.Counts.Money, Quotes = s.Counts.Quotes, AttackStats = s.Counts.AttackStats, Total = s.Counts.Total,
        },
    };

    public static GetDocumentFactsResponse ToProto(S.IndexedArticle a)
    {
        var response = new GetDocumentFactsResponse { Summary = ToProto(a.Summary), Facts = a.Facts.ToProto(), Text = a.Text };
        response.Cluster.AddRange(a.Cluster.Select(ToProto));
        response.Annotations.AddRange(a.Annotations.Select(x => new Annotation
        {
            Kind = x.Kind, Span = new Span { Start = x.Start, End = x.End }, Label = x.Label, EntityId = x.EntityId ?? "",
        }));
        return response;
    }

    public static SearchHit ToProto(S.SearchHit h) => new()
    {
        Document = ToProto(h.Article), Snippet = h.Snippet, Score = h.Score,
        Highlights = { h.Highlights.Select(r => new TextRange { Start = r.Start, End = r.End }) },
    };

    public static EntitySummary ToProto(S.EntitySummary e) => new()
    {
        Id = e.Id, Kind = e.Kind, Name = e.Name, Country = e.Country ?? "", MentionCount = e.MentionCount,
        DocumentCount = e.DocumentCount, FirstSeen = e.FirstSeen ?? "", LastSeen = e.LastSeen ?? "",
    };

    public static Entity ToProto(S.EntityDetail e)
    {
        var entity = new Entity { Summary = ToProto(e.Summary), Aliases = { e.Aliases } };
        entity.Titles.AddRange(e.Titles.Select(t => new EntityTitle { Title = t.Title, DocumentId = t.DocumentId, Published = t.Published ?? "" }));
        entity.Mentions.AddRange(e.Mentions.Select(m => new EntityMention
        {
            DocumentId = m.DocumentId, Published = m.Published ?? "", Span = new Span { Start = m.Start, End = m.End },
            Before = m.Before, Text = m.Text, After = m.After,
        }));
        entity.Related.AddRange(e.Related.Select(r => new RelatedEntity { Id = r.Id, Kind = r.Kind, Name = r.Name, SharedDocuments = r.SharedDocuments }));
        entity.Events.AddRange(e.Events.Select(ToProto));
        return entity;
    }

    public static EventSummary ToProto(S.EventSummary e) => new()
    {
        Id = e.Id, Format = e.Format, Country = e.Country ?? "", City = e.City ?? "", Date = e.Date ?? "", Status = e.Status, SourceCount = e.SourceCount,
    };

    public static Event ToProto(S.EventDetail e)
    {
        var ev = new Event { Summary = ToProto(e.Summary) };
        ev.Sources.AddRange(e.Sources.Select(s => new EventSource
        {
            DocumentId = s.DocumentId, Published = s.Published ?? "", Format = s.Format, Status = s.Status, Date = s.Date ?? "",
            City = s.City ?? "", Country = s.Country ?? "", HostsOrChairs = { s.HostsOrChairs }, Participants = { s.Participants },
            Span = new Span { Start = s.Start, End = s.End }, Evidence = s.Evidence, ClusterId = s.ClusterId,
        }));
        ev.Attributes.AddRange(e.Attributes.Select(a => new EventAttribute
        {
            Name = a.Name, Conflict = a.Conflict,
            Values = { a.Values.Select(v => new AttributeValue { Value = v.Value, DocumentIds = { v.DocumentIds }, Support = v.Support }) },
        }));
        return ev;
    }

    public static ClaimTimeline ToProto(S.ClaimTimeline t)
    {
        // A contradiction a story's reprints repeat is counted once.
        var timeline = new ClaimTimeline { Kind = t.Kind, ConflictCount = t.Entries.Count(e => e.ConflictsWith.Count > 0 && e.DuplicateOf is null) };
        timeline.Claims.AddRange(t.Entries.Select(e =>
        {
            var c = e.Claim;
            var claim = new Claim
            {
                Id = c.Id, Kind = c.Kind, Qualifier = c.Qualifier ?? "", AsOf = c.AsOf ?? "", Member = c.Member ?? "",
                DocumentId = c.DocumentId, Published = c.Published ?? "", Span = new Span { Start = c.Start, End = c.End },
                Evidence = c.Evidence, EffectiveDate = c.EffectiveDate ?? "", ConflictsWith = { e.ConflictsWith },
                Support = e.Support, DuplicateOf = e.DuplicateOf ?? "",
            };
            if (c.Value is { } v)
            {
                claim.Value = v;
            }

            return claim;
        }));
        return timeline;
    }
}
