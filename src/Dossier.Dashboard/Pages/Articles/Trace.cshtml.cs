using Dossier.Dashboard.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.Pages.Articles;

/// <summary>The waterfall of an article's ingest trace, read from the Aspire dashboard's telemetry API.</summary>
public sealed class TraceModel(ArticlesService articles, TraceService traces, IOptions<DashboardOptions> options) : DossierPageModel
{
    public ArticleListItem? Article { get; private set; }

    public TraceResult? Trace { get; private set; }

    public string? AspireLink { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => ReadAsync(async () =>
    {
        Article = (await articles.GetSummaryAsync(id, cancellationToken));
        if (Article is null)
        {
            return NotFound();
        }

        if (Article.TraceId.Length > 0)
        {
            AspireLink = options.Value.TraceUrl(Article.TraceId);
            Trace = await traces.GetAsync(Article.TraceId, cancellationToken);
        }

        return Page();
    });
}
