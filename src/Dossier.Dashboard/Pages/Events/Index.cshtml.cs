using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Events;

/// <summary>Meetings by date and format: an SVG strip chart of the dated ones and a list grouped by year.</summary>
public sealed class IndexModel(KnowledgeService knowledge) : DossierPageModel
{
    public EventFilter Filter { get; private set; } = new();

    public IReadOnlyList<EventItem> Events { get; private set; } = [];

    public int Total { get; private set; }

    public LaneChart? Chart { get; private set; }

    /// <summary>Events by year, newest first; events without a year last (key null).</summary>
    public IReadOnlyList<IGrouping<int?, EventItem>> ByYear { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string? country, string? format, string? from, string? to, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Filter = new EventFilter(Clean(country)?.ToUpperInvariant(), Clean(format), Clean(from), Clean(to));
        var events = new List<EventItem>();
        string? token = null;
        do
        {
            var page = await knowledge.ListEventsAsync(Filter, token, 200, cancellationToken);
            events.AddRange(page.Items);
            Total = page.Total;
            token = page.NextPageToken;
        }
        while (token is not null && events.Count < 2000);

        Events = events;
        Chart = LaneChart.Layout(
            events.Where(e => PartialDate.Start(e.Date) is not null)
                .Select(e => new LaneItem(PartialDate.Start(e.Date)!.Value, e.FormatLabel, Describe(e), Links.Event(e.Id)))
                .ToList(),
            Formats.Known.Select(Formats.Label).ToList());
        ByYear = events
            .OrderByDescending(e => PartialDate.Start(e.Date) ?? DateOnly.MinValue)
            .GroupBy(e => PartialDate.Year(e.Date))
            .OrderBy(g => g.Key is null).ThenByDescending(g => g.Key)
            .ToList();
        return Page();
    });

    public static string Describe(EventItem e) =>
        string.Join(" · ", new[] { e.FormatLabel, e.Date, Place(e), e.Status }.Where(s => !string.IsNullOrEmpty(s)));

    public static string? Place(EventItem e) =>
        e.City is null && e.Country is null ? null : string.Join(", ", new[] { e.City, e.Country }.Where(s => s is not null));
}
