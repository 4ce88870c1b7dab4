using Dossier.Dashboard.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Dossier.Dashboard.Pages.Account;

/// <summary>
/// Sign-in: the form takes the API key or the dashboard password; <c>/signin?token=…</c> is the app host's one-time
/// link. A failure says only that sign-in failed (401), never which part was wrong.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DashboardSignIn.AttemptsPolicy)]
public sealed class SignInModel(SignInVerifier verifier, OneTimeSignIn link, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>Where to go once signed in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    public bool Failed { get; private set; }

    public bool PasswordConfigured => verifier.HasPassword;

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        if (token is null)
        {
            return Page();
        }

        // The token must not travel on in a Referer header, nor stay in the address bar.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return link.TryRedeem(token) ? await SignInAsync("link") : Fail();
    }

    public async Task<IActionResult> OnPostAsync() =>
        verifier.Verify(Secret) is { } method ? await SignInAsync(method) : Fail();

    private async Task<IActionResult> SignInAsync(string method)
    {
        await HttpContext.SignInAsync(DashboardSignIn.Scheme, DashboardSignIn.Principal(method));
        logger.LogInformation("Dashboard sign-in ({Method}) from {Address}", method, HttpContext.Connection.RemoteIpAddress);
        return Redirect(ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) ? back : "/");
    }

    private PageResult Fail()
    {
        logger.LogWarning("Dashboard sign-in failed from {Address}", HttpContext.Connection.RemoteIpAddress);
        Failed = true;
        Secret = null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
