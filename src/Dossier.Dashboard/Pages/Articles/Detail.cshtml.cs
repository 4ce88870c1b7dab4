using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages.Articles;

public sealed class DetailModel(ArticlesService articles) : PageModel
{
    public ArticleDetail? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Article = await articles.GetAsync(id, cancellationToken);
        return Article is null ? NotFound() : Page();
    }
}
