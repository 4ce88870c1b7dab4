using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;

namespace Dossier.Dashboard.Pages.Search;

/// <summary>Full-text search (BM25) with highlighted snippets and the Search RPC's filters.</summary>
public sealed class IndexModel(ArticlesService articles) : DossierPageModel
{
    public string? Query { get; private set; }

    public ArticleFilter Filter { get; private set; } = new();

    public string? PageToken { get; private set; }

    /// <summary>One hit per cluster of near-duplicates (one story from many outlets).</summary>
    public bool Collapse { get; private set; }

    public SearchPage? Results { get; private set; }

    public Task<IActionResult> OnGetAsync(
        string? q, string? from, string? to, string? country, string? person, string? organization, string? format, string? after,
        bool collapse, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Query = Clean(q);
        Filter = new ArticleFilter(Clean(from), Clean(to), Clean(country)?.ToUpperInvariant(), Clean(person), Clean(organization), Clean(format));
        PageToken = Clean(after);
        Collapse = collapse;
        if (Query is not null || Filter.Any)
        {
            Results = await articles.SearchAsync(Query, Filter, PageToken, 20, Collapse, cancellationToken);
        }

        return Page();
    });

    public string PageUrl(string? token) => Links.With("/search", Filter, ("q", Query), ("collapse", Collapse ? "true" : null), ("after", token));
}
