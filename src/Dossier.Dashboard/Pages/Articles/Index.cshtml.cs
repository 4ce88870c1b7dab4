using Dossier.Dashboard.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages.Articles;

public sealed class IndexModel(ArticlesService service) : PageModel
{
    public string? Query { get; private set; }

    public ArticlePage? Articles { get; private set; }

    public IReadOnlyList<SearchResult>? Hits { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, string? page, CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        try
        {
            if (Query is null)
            {
                Articles = await service.ListAsync(page, 50, cancellationToken);
            }
            else
            {
                Hits = await service.SearchAsync(Query, cancellationToken);
            }
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            Error = $"Cannot search for that: {e.Status.Detail}";
        }
        catch (RpcException e)
        {
            Error = $"The query service did not answer ({e.StatusCode}).";
        }
    }
}
