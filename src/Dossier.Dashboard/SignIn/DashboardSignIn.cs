using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace Dossier.Dashboard.SignIn;

/// <summary>
/// Dashboard sign-in with ASP.NET Core's cookie authentication: the sign-in page takes the API key or the dashboard
/// password, the app host's one-time link signs in once; reads are open and every write (any request but GET/HEAD)
/// needs a signed-in user, unless <c>Dossier:LockReads</c> is true, when every page needs one. Sign-in attempts are
/// rate limited per client address.
/// </summary>
public static class DashboardSignIn
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    /// <summary>The rate-limiting policy of the sign-in page (its posts and one-time links; showing the form is free).</summary>
    public const string AttemptsPolicy = "sign-in-attempts";

    /// <summary>The claim saying how the user signed in: "api-key", "password" or "link".</summary>
    public const string MethodClaim = "dossier:sign-in";

    public static IHostApplicationBuilder AddDashboardSignIn(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DashboardSignInOptions.Section);
        var settings = section.Get<DashboardSignInOptions>() ?? new DashboardSignInOptions();
        builder.Services.Configure<DashboardSignInOptions>(section);
        builder.Services.AddSingleton<SignInVerifier>();
        builder.Services.AddSingleton<OneTimeSignIn>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "dossier.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = SignInPath;
            o.ExpireTimeSpan = settings.SessionLifetime;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = RedirectToSignIn;
        });

        var lockReads = builder.Configuration.GetValue<bool>(ApiKeys.LockReadsKey);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = lockReads
            ? new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build()
            : new AuthorizationPolicyBuilder(Scheme).AddRequirements(new WritesNeedSignInRequirement()).Build());

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AttemptsPolicy, context => IsAttempt(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.SignInAttemptsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("form"));
        });
        return builder;
    }

    /// <summary>Authentication, the rate limiter of sign-in attempts, then authorization.</summary>
    public static WebApplication UseDashboardSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The user of a successful sign-in, saying how it was made.</summary>
    public static ClaimsPrincipal Principal(string method) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard"), new Claim(MethodClaim, method)], Scheme));

    private static bool IsAttempt(HttpRequest request) => HttpMethods.IsPost(request.Method) || request.Query.ContainsKey("token");

    /// <summary>
    /// Signed out and not allowed: a browser goes to the sign-in page, which comes back here afterwards (a refused form
    /// post comes back to its page, not to the post); a script (X-Requested-With) gets 401.
    /// </summary>
    private static Task RedirectToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var back = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? $"{request.PathBase}{request.Path}{request.QueryString}"
            : $"{request.PathBase}{request.Path}";
        context.Response.Redirect(QueryHelpers.AddQueryString($"{request.PathBase}{SignInPath}", context.Options.ReturnUrlParameter, back));
        return Task.CompletedTask;
    }
}
