using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Articles;

/// <summary>All articles (ListDocuments), or, when a filter is set, the articles the Search RPC's filters select.</summary>
public sealed class IndexModel(ArticlesService service) : DossierPageModel
{
    private const int PageSize = 25;

    public ArticleFilter Filter { get; private set; } = new();

    public string? PageToken { get; private set; }

    public IReadOnlyList<ArticleListItem> Items { get; private set; } = [];

    public int? Total { get; private set; }

    public string? NextPageToken { get; private set; }

    public Task<IActionResult> OnGetAsync(
        string? from, string? to, string? country, string? person, string? organization, string? format, string? after,
        CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Filter = new ArticleFilter(Clean(from), Clean(to), Clean(country)?.ToUpperInvariant(), Clean(person), Clean(organization), Clean(format));
        PageToken = Clean(after);
        if (Filter.Any)
        {
            var result = await service.SearchAsync(null, Filter, PageToken, PageSize, collapseDuplicates: false, cancellationToken);
            Items = result.Hits.Select(h => h.Article).ToList();
            NextPageToken = result.NextPageToken;
        }
        else
        {
            var result = await service.ListAsync(PageToken, PageSize, cancellationToken);
            Items = result.Items;
            Total = result.Total;
            NextPageToken = result.NextPageToken;
        }

        return Page();
    });

    /// <summary>This list's address with another page token.</summary>
    public string PageUrl(string? token) => Links.With("/articles", Filter, ("after", token));
}
