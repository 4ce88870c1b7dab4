using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The API key that guards writes: sent as <c>x-api-key</c> (gRPC metadata or HTTP header), configured as
/// <c>Dossier:ApiKey</c>, the environment variable <c>DOSSIER_API_KEY</c> or a file named by <c>Dossier:ApiKeyFile</c>. Write methods carry
/// <see cref="RequiresApiKeyAttribute"/>; reads are open unless <c>Dossier:LockReads</c> is true. A service with no key
/// configured refuses every write: a write door is never open by default.
/// </summary>
public static class ApiKeys
{
    public const string Header = "x-api-key";
    public const string ConfigKey = "Dossier:ApiKey";
    public const string Variable = "DOSSIER_API_KEY";
    public const string LockReadsKey = "Dossier:LockReads";
    public const string Scheme = "DossierApiKey";
    public const string Policy = "dossier-api-key";

    /// <summary>
    /// A file holding the key (<c>Dossier:ApiKeyFile</c>): how the app host hands over a key it keeps on disk, so the key
    /// itself is in no process's environment or command line. Read once per path; a changed key needs a restart.
    /// </summary>
    public const string FileConfigKey = "Dossier:ApiKeyFile";

    private static readonly ConcurrentDictionary<string, string?> KeyFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// The configured key (<c>Dossier:ApiKey</c>, else <c>DOSSIER_API_KEY</c>, else the contents of the file
    /// <c>Dossier:ApiKeyFile</c> names), or null.
    /// </summary>
    public static string? GetDossierApiKey(this IConfiguration configuration)
    {
        var key = configuration[ConfigKey];
        if (string.IsNullOrWhiteSpace(key))
        {
            key = configuration[Variable];
        }

        if (string.IsNullOrWhiteSpace(key) && configuration[FileConfigKey] is { Length: > 0 } file)
        {
            key = KeyFiles.GetOrAdd(Path.GetFullPath(file), ReadKeyFile);
        }

        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    /// <summary>The key in <paramref name="path"/>, or null when the file is missing or empty (then writes are refused).</summary>
    private static string? ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } key ? key : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when the two keys are equal, compared in constant time.</summary>
    public static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>Server side: the key's authentication scheme and policy; with <c>Dossier:LockReads</c> every call needs the key.</summary>
    public static IHostApplicationBuilder AddDossierApiKey(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, _ => { });
        var policy = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();
        var lockReads = builder.Configuration.GetValue<bool>(LockReadsKey);
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(Policy, policy);
            if (lockReads)
            {
                options.FallbackPolicy = policy;
            }
        });
        return builder;
    }

    /// <summary>Client side: sends the configured key with every call of this client (nothing when none is configured).</summary>
    public static IHttpClientBuilder AddDossierApiKey(this IHttpClientBuilder builder) =>
        builder.AddHttpMessageHandler(services => new ApiKeyClientHandler(services.GetRequiredService<IConfiguration>().GetDossierApiKey()));

    private sealed class ApiKeyClientHandler(string? key) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (key is not null && !request.Headers.Contains(Header))
            {
                request.Headers.TryAddWithoutValidation(Header, key);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Marks a gRPC method (and its REST route) as a write: it needs the API key.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequiresApiKeyAttribute : AuthorizeAttribute
{
    public RequiresApiKeyAttribute() => Policy = ApiKeys.Policy;
}

/// <summary>
/// Checks <c>x-api-key</c> against the configured key. A refusal is a proper gRPC status for gRPC callers
/// (<c>UNAUTHENTICATED</c> with the reason) and a 401 with a JSON body for REST callers. Neither key is ever logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Headers[ApiKeys.Header].ToString();
        if (given.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = configuration.GetDossierApiKey();
        if (expected is null || !ApiKeys.Matches(given, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], ApiKeys.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeys.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = configuration.GetDossierApiKey() is null
            ? $"this call needs an API key, and none is configured on this service (set {ApiKeys.ConfigKey}, {ApiKeys.Variable} or {ApiKeys.FileConfigKey})"
            : Request.Headers.ContainsKey(ApiKeys.Header)
                ? $"the {ApiKeys.Header} header does not hold the right API key"
                : $"this call needs the API key in the {ApiKeys.Header} header";
        Logger.LogWarning("Refused {Method} {Path}: {Reason}", Request.Method, Request.Path.Value, reason);

        if (Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC response, so clients see UNAUTHENTICATED with the reason, not "bad HTTP status 401".
            Response.StatusCode = StatusCodes.Status200OK;
            Response.ContentType = "application/grpc";
            Response.Headers["grpc-status"] = "16";
            Response.Headers["grpc-message"] = reason;
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"x-api-key\"";
        await Response.WriteAsJsonAsync(new { code = 16, message = reason });
    }
}
