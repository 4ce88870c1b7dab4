using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Entities;

public sealed class IndexModel(KnowledgeService knowledge) : DossierPageModel
{
    public static readonly string[] Kinds = ["person", "country", "organization", "place"];

    public string? Kind { get; private set; }

    public string? Query { get; private set; }

    public string? PageToken { get; private set; }

    public EntityPage? Entities { get; private set; }

    public Task<IActionResult> OnGetAsync(string? kind, string? q, string? after, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Kind = Clean(kind) is { } k && Kinds.Contains(k) ? k : null;
        Query = Clean(q);
        PageToken = Clean(after);
        Entities = await knowledge.ListEntitiesAsync(Kind, Query, PageToken, 50, cancellationToken);
        return Page();
    });

    public string KindUrl(string? kind, string? page = null) => Links.Query("/entities", [("kind", kind), ("q", Query), ("after", page)]);
}
