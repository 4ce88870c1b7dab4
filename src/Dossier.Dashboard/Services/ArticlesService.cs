using System.Globalization;
using Dossier.Contracts;
using Dossier.Contracts.V1;
using Grpc.Core;
using D = Dossier.Domain;

namespace Dossier.Dashboard.Services;

/// <summary>A row of the articles list.</summary>
public sealed record ArticleListItem(
    string Id, string Title, string? Published, bool Relevant, ArticleFactCounts Counts, string TraceId, string Source)
{
    /// <summary>The canonical (first-seen) article of the story this one reprints; null for a canonical article.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>How many articles tell the story (near-duplicates from other outlets), this one included.</summary>
    public int ClusterSize { get; init; } = 1;
}

public sealed record ArticleFactCounts(int Countries, int People, int Organizations, int Meetings, int MemberCounts, int Money, int Quotes, int Total);

/// <summary>One page of the articles list.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleListItem> Items, string? NextPageToken, int Total);

/// <summary>An article with its text, the facts found in it and every fact span to highlight.</summary>
public sealed record ArticleDetail(
    ArticleListItem Summary, string Text, string ExtractorVersion, IReadOnlyList<FactRow> Facts, IReadOnlyList<Highlight> Highlights)
{
    /// <summary>The other articles of the same story (its cluster of near-duplicates), first seen first.</summary>
    public IReadOnlyList<ArticleListItem> AlsoPublished { get; init; } = [];
}

/// <summary>Search filters (all optional); dates are YYYY, YYYY-MM or YYYY-MM-DD, inclusive.</summary>
public sealed record ArticleFilter(
    string? From = null, string? To = null, string? Country = null, string? Person = null, string? Organization = null, string? Format = null)
{
    public bool Any => new[] { From, To, Country, Person, Organization, Format }.Any(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>One page of search results.</summary>
public sealed record SearchPage(IReadOnlyList<SearchResult> Hits, string? NextPageToken);

/// <summary>A fact as the facts table shows it, with its evidence snippets.</summary>
public sealed record FactRow(string Kind, string Value, string Details, IReadOnlyList<EvidenceSnippet> Evidence);

/// <summary>The evidence text with some context on each side.</summary>
public sealed record EvidenceSnippet(string Before, string Match, string After, int Start, int End);

/// <summary>A search result: the article, a snippet in parts (matches marked), and its score.</summary>
public sealed record SearchResult(ArticleListItem Article, IReadOnlyList<SnippetPart> Snippet, double Score);

public sealed record SnippetPart(string Text, bool Match);

public static class SnippetParts
{
    /// <summary>
    /// Splits a plain snippet into plain and matching parts by its highlights, half-open <c>[start, end)</c> ranges of
    /// UTF-16 code units (the proto's TextRange). Ranges out of the snippet, empty, or overlapping an earlier one are
    /// ignored: the text always comes out whole, once.
    /// </summary>
    public static IReadOnlyList<SnippetPart> From(string snippet, IEnumerable<(int Start, int End)> highlights) =>
        HighlightSegments.Of(snippet.Length, highlights).Select(s => new SnippetPart(snippet[s.Start..s.End], s.Match)).ToList();
}

/// <summary>The dashboard's view of the query service: pages get plain records, never proto types.</summary>
public sealed class ArticlesService(QueryService.QueryServiceClient client)
{
    public async Task<ArticlePage> ListAsync(string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var response = await client.ListDocumentsAsync(
            new ListDocumentsRequest { PageSize = pageSize, PageToken = pageToken ?? "" }, cancellationToken: cancellationToken);
        return new ArticlePage(
            response.Documents.Select(ToItem).ToList(),
            response.NextPageToken.Length == 0 ? null : response.NextPageToken,
            response.TotalSize);
    }

    public async Task<ArticleDetail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetDocumentAsync(new GetDocumentFactsRequest { Id = id }, cancellationToken: cancellationToken);
            var facts = response.Facts.ToDomain();
            var version = facts.ExtractorVersion.Length > 0 ? facts.ExtractorVersion : response.Summary.ExtractorVersion;
            return new ArticleDetail(
                ToItem(response.Summary), response.Text, version, FactRows.From(facts, response.Text),
                Highlights.From(response.Annotations, response.Facts, version))
            {
                AlsoPublished = response.Cluster.Select(ToItem).ToList(),
            };
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    public async Task<SearchPage> SearchAsync(
        string? query, ArticleFilter filter, string? pageToken, int pageSize, bool collapseDuplicates, CancellationToken cancellationToken)
    {
        var request = new SearchRequest
        {
            CollapseDuplicates = collapseDuplicates,
            Q = query ?? "", PageSize = pageSize, PageToken = pageToken ?? "",
            From = filter.From ?? "", To = filter.To ?? "", Country = filter.Country ?? "",
            Person = filter.Person ?? "", Organization = filter.Organization ?? "", Format = filter.Format ?? "",
        };
        var response = await client.SearchAsync(request, cancellationToken: cancellationToken);
        return new SearchPage(
            response.Hits.Select(h => new SearchResult(
                ToItem(h.Document), SnippetParts.From(h.Snippet, h.Highlights.Select(r => (r.Start, r.End))), h.Score)).ToList(),
            response.NextPageToken.Length == 0 ? null : response.NextPageToken);
    }

    /// <summary>Just the article's summary (no text or facts are mapped), or null when unknown.</summary>
    public async Task<ArticleListItem?> GetSummaryAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetDocumentAsync(new GetDocumentFactsRequest { Id = id }, cancellationToken: cancellationToken);
            return ToItem(response.Summary);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    public async Task<string?> GetFactsJsonAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var body = await client.ExportDocumentFactsAsync(new GetDocumentFactsRequest { Id = id }, cancellationToken: cancellationToken);
            return body.Data.ToStringUtf8();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    internal static ArticleListItem ToItem(DocumentSummary s) => new(
        s.Id,
        Titles.Display(s.Title, s.Preview, s.Id),
        s.Published.Length == 0 ? null : s.Published,
        s.Relevant,
        new ArticleFactCounts(
            s.FactCounts.Countries, s.FactCounts.People, s.FactCounts.Organizations, s.FactCounts.Meetings,
            s.FactCounts.MemberCounts, s.FactCounts.Money, s.FactCounts.Quotes, s.FactCounts.Total),
        s.TraceId,
        s.Source)
    {
        DuplicateOf = s.DuplicateOf.Length == 0 ? null : s.DuplicateOf,
        ClusterSize = Math.Max(1, s.ClusterSize),
    };
}

public static class Titles
{
    /// <summary>The title, else the first line of the text (shortened), else the id.</summary>
    public static string Display(string title, string preview, string id)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }

        var firstLine = preview.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(firstLine))
        {
            return id;
        }

        if (firstLine.Length <= 120)
        {
            return firstLine;
        }

        var cut = firstLine.LastIndexOf(' ', 119);
        return firstLine[..(cut > 60 ? cut : 119)] + "…";
    }
}

/// <summary>Flattens an article's facts into table rows with evidence snippets.</summary>
public static class FactRows
{
    private const int Context = 60;

    public static IReadOnlyList<FactRow> From(D.DocumentFacts f, string text)
    {
        var rows = new List<FactRow>();
        rows.AddRange(f.Meetings.Select(m => Row("meeting", Label(m.Format), Join(
            ("status", m.Status), ("city", m.City), ("country", m.Country), ("date", m.Date),
            ("hosts/chairs", List(m.HostsOrChairs)), ("participants", List(m.Participants))), text, m.Span)));
        rows.AddRange(f.MemberCounts.Select(m => Row("member count", $"{m.Qualifier} {m.Count}", Join(("as of", m.AsOf)), text, m.Span)));
        rows.AddRange(f.NewMembers.Select(m => Row("new member", m.Member, Join(("ordinal", m.Ordinal?.ToString(CultureInfo.InvariantCulture))), text, m.Span)));
        rows.AddRange(f.Money.Select(m => Row("money",
            m.AmountUsd is { } usd ? $"{m.Qualifier} ${usd.ToString("N0", CultureInfo.InvariantCulture)}" : $"{m.Qualifier} {m.Amount?.ToString(CultureInfo.InvariantCulture)} {m.Currency}",
            Join(("purpose", m.Purpose)), text, m.Span)));
        rows.AddRange(f.Quotes.Select(q => Row("quote", q.Speaker ?? q.SpeakerDescription ?? "(unattributed)",
            Join(("described as", q.Speaker is null ? null : q.SpeakerDescription)), text, q.Span)));
        rows.AddRange(f.AttackStats.Select(a => Row("attacks", $"{a.Qualifier} {a.Count} {a.What}", Join(("where", List(a.Where)), ("when", a.When)), text, a.Span)));
        rows.AddRange(f.People.Select(p => Row("person", p.Name, Join(("title", p.Title), ("country", p.Country), ("aliases", List(p.Aliases))), text, [.. p.Spans])));
        rows.AddRange(f.Organizations.Select(o => Row("organization", o.Name, Join(("aliases", List(o.Aliases))), text, [.. o.Spans])));
        rows.AddRange(f.Countries.Select(c => Row("country", c.Code, "", text, [.. c.Spans])));
        return rows;
    }

    private static FactRow Row(string kind, string value, string details, string text, params D.TextSpan[] spans) =>
        new(kind, value, details, spans.Where(s => s.IsValidFor(text)).Select(s => Snippet(text, s)).ToList());

    public static EvidenceSnippet Snippet(string text, D.TextSpan span)
    {
        var from = Math.Max(0, span.Start - Context);
        var to = Math.Min(text.Length, span.End + Context);
        return new EvidenceSnippet(
            (from > 0 ? "…" : "") + text[from..span.Start],
            text[span.Start..span.End],
            text[span.End..to] + (to < text.Length ? "…" : ""),
            span.Start,
            span.End);
    }

    private static string Label(string format) => format.Replace('_', ' ');

    private static string? List(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join(", ", items);

    private static string Join(params (string Name, string? Value)[] parts) =>
        string.Join("; ", parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}: {p.Value}"));
}

/// <summary>Turns the query service's annotations into highlights, with each fact's confidence looked up by kind and span.</summary>
public static class Highlights
{
    public static IReadOnlyList<Highlight> From(IEnumerable<Annotation> annotations, DocumentFacts? facts, string extractorVersion)
    {
        var confidence = facts is null ? [] : Confidences(facts);
        return annotations
            .Where(a => a.Span is not null)
            .Select((a, i) => new Highlight(
                a.Kind, a.Span.Start, a.Span.End, a.Label, a.EntityId.Length == 0 ? null : a.EntityId,
                confidence.TryGetValue((a.Kind, a.Span.Start, a.Span.End), out var c) ? c : null,
                extractorVersion.Length == 0 ? null : extractorVersion) { Index = i })
            .ToList();
    }

    private static Dictionary<(string Kind, int Start, int End), double?> Confidences(DocumentFacts f)
    {
        var map = new Dictionary<(string, int, int), double?>();
        void Add(string kind, Span? span, bool has, double value)
        {
            if (span is not null && has)
            {
                map.TryAdd((kind, span.Start, span.End), value);
            }
        }

        foreach (var c in f.Countries) { foreach (var s in c.Spans) { Add("country", s, c.HasConfidence, c.Confidence); } }
        foreach (var p in f.People) { foreach (var s in p.Spans) { Add("person", s, p.HasConfidence, p.Confidence); } }
        foreach (var o in f.Organizations) { foreach (var s in o.Spans) { Add("organization", s, o.HasConfidence, o.Confidence); } }
        foreach (var m in f.Meetings) { Add("meeting", m.Span, m.HasConfidence, m.Confidence); }
        foreach (var m in f.MemberCounts) { Add("member_count", m.Span, m.HasConfidence, m.Confidence); }
        foreach (var m in f.NewMembers) { Add("new_member", m.Span, m.HasConfidence, m.Confidence); }
        foreach (var m in f.Money) { Add("money", m.Span, m.HasConfidence, m.Confidence); }
        foreach (var q in f.Quotes) { Add("quote", q.Span, q.HasConfidence, q.Confidence); }
        foreach (var a in f.AttackStats) { Add("attack_stat", a.Span, a.HasConfidence, a.Confidence); }
        return map;
    }
}
