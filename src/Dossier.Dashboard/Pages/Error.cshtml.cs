using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages;

/// <summary>The status code and exception page; open to everyone (also when reads are locked), and only ever a GET.</summary>
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public void OnGet(int? code) => Code = code ?? 500;
}
