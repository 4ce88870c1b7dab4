using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Entities;

public sealed class DetailModel(KnowledgeService knowledge) : DossierPageModel
{
    public EntityDetail? Entity { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Entity = await knowledge.GetEntityAsync(id, cancellationToken);
        return Entity is null ? NotFound() : Page();
    });
}
