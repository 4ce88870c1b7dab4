using Dossier.Dashboard.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Dashboard.Pages.Account;

/// <summary>Sign-out: a form post (with its antiforgery token), back to the overview.</summary>
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardSignIn.Scheme);
        return Redirect("/");
    }
}
