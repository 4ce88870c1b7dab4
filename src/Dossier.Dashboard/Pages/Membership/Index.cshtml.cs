using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Membership;

/// <summary>The coalition's member count over time: every claim, charted where it has a date, contradictions marked.</summary>
public sealed class IndexModel(KnowledgeService knowledge) : DossierPageModel
{
    public ClaimTimelineView? Timeline { get; private set; }

    public TimeChart? Chart { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Timeline = await knowledge.GetClaimTimelineAsync("member_count", cancellationToken);
        Chart = TimeChart.Layout(Timeline.Claims
            .Where(c => c.Kind == "member_count" && c.Value is not null && PartialDate.Start(c.EffectiveDate) is not null)
            .Select(c => new SeriesPoint(
                PartialDate.Start(c.EffectiveDate)!.Value,
                c.Value!.Value,
                $"{c.Qualifier} {c.Value} as of {c.EffectiveDate}: “{c.Evidence}” ({c.DocumentId})" + (c.ConflictsWith.Count > 0 ? " — contradicted" : ""),
                Links.Evidence(c.DocumentId, c.Start, c.End),
                c.ConflictsWith.Count > 0))
            .ToList());
        return Page();
    });
}
