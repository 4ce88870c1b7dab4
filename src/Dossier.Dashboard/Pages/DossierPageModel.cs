using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages;

/// <summary>
/// A page that reads the query service: a failed call shows a clear message on the page (503) instead of an error page,
/// and NotFound becomes the 404 page.
/// </summary>
public abstract class DossierPageModel : PageModel
{
    /// <summary>What went wrong reading the data, for the page to show; null when all went well.</summary>
    public string? Error { get; protected set; }

    protected async Task<IActionResult> ReadAsync(Func<Task<IActionResult>> read, string service = "query")
    {
        try
        {
            return await read();
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return NotFound();
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            Error = $"The {service} service refused the request: {e.Status.Detail}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (RpcException e) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            Error = e.StatusCode == Grpc.Core.StatusCode.Unavailable
                ? $"The {service} service is not reachable right now. Try again in a moment."
                : $"The {service} service did not answer ({e.StatusCode}: {e.Status.Detail}).";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    /// <summary>A query-string value, trimmed, or null when blank.</summary>
    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
