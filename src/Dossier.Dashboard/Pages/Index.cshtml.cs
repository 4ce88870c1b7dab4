using Dossier.Dashboard.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages;

public sealed class IndexModel(ArticlesService service) : PageModel
{
    public ArticlePage? Articles { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Articles = await service.ListAsync(null, 10, cancellationToken);
        }
        catch (RpcException e)
        {
            Error = $"The query service did not answer ({e.StatusCode}).";
        }
    }
}
