using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Dossier dashboard's one-time sign-in link, like the Aspire dashboard's login link: a random token the app host
/// logs as a link once the dashboard is up. The dashboard gets only the token's SHA-256 and its expiry, and accepts the
/// token once; the API key itself is never printed.
/// </summary>
internal static class DashboardSignInLink
{
    /// <summary>The category of the app host's log line that carries the link (property <c>SignInUrl</c>).</summary>
    public const string LogCategory = "Dossier.AppHost.SignIn";

    public static IResourceBuilder<ProjectResource> WithOneTimeSignInLink(this IResourceBuilder<ProjectResource> dashboard, TimeSpan lifetime)
    {
        if (!dashboard.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return dashboard;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        DateTimeOffset? expires = null;
        return dashboard
            .WithEnvironment(context =>
            {
                // Fixed at the first start: a restarted dashboard does not give the link a new lifetime.
                expires ??= DateTimeOffset.UtcNow + lifetime;
                context.EnvironmentVariables["Dossier__Dashboard__SignInTokenHash"] = hash;
                context.EnvironmentVariables["Dossier__Dashboard__SignInTokenExpires"] = expires.Value.ToString("O", CultureInfo.InvariantCulture);
            })
            .OnResourceReady((resource, e, _) =>
            {
                var url = $"{resource.GetEndpoint("http").Url.TrimEnd('/')}/signin?token={token}";
                e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogInformation(
                    "Sign in to the Dossier dashboard with this link (it works once, until {Expires} UTC): {SignInUrl}",
                    expires?.ToString("HH:mm", CultureInfo.InvariantCulture), url);
                return Task.CompletedTask;
            });
    }
}
