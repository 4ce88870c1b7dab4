using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Events;

public sealed class DetailModel(KnowledgeService knowledge) : DossierPageModel
{
    public EventDetail? Event { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Event = await knowledge.GetEventAsync(id, cancellationToken);
        return Event is null ? NotFound() : Page();
    });
}
