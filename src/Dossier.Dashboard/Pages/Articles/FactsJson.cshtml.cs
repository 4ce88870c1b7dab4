using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages.Articles;

/// <summary>The article's facts as the JSON of FORMAT.md, for download.</summary>
public sealed class FactsJsonModel(ArticlesService articles) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var json = await articles.GetFactsJsonAsync(id, cancellationToken);
        return json is null ? NotFound() : Content(json, "application/json; charset=utf-8");
    }
}
