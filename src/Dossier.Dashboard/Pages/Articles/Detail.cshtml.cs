using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Articles;

public sealed class DetailModel(ArticlesService articles) : DossierPageModel
{
    public ArticleDetail? Article { get; private set; }

    /// <summary>The text as a tree of plain runs and (nested) highlights.</summary>
    public IReadOnlyList<HighlightNode> Text { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Article = await articles.GetAsync(id, cancellationToken);
        if (Article is null)
        {
            return NotFound();
        }

        Text = Highlighter.Build(Article.Text, Article.Highlights);
        return Page();
    });
}
