using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.SignIn;

/// <summary>
/// Checks what a person typed on the sign-in page: the API key (compared in constant time) or the dashboard password
/// (verified against its PBKDF2 hash by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>). Both are always
/// checked, so neither the answer nor its timing says which one was tried.
/// </summary>
public sealed class SignInVerifier
{
    private const string User = "dashboard";
    private readonly string? _apiKey;
    private readonly string? _passwordHash;
    private readonly PasswordHasher<string> _hasher = new(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3 }));

    public SignInVerifier(IConfiguration configuration, IOptions<DashboardSignInOptions> options)
    {
        _apiKey = configuration.GetDossierApiKey();
        _passwordHash = string.IsNullOrWhiteSpace(options.Value.PasswordHash) ? null : options.Value.PasswordHash.Trim();
        if (_passwordHash is not null && Problem(_passwordHash) is { } problem)
        {
            throw new OptionsValidationException(DashboardSignInOptions.Section, typeof(DashboardSignInOptions),
                [$"{DashboardSignInOptions.Section}:PasswordHash {problem}"]);
        }
    }

    /// <summary>True when a dashboard password is configured.</summary>
    public bool HasPassword => _passwordHash is not null;

    /// <summary>How the secret proved itself ("api-key" or "password"), or null when it is neither.</summary>
    public string? Verify(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var key = _apiKey is not null && ApiKeys.Matches(secret, _apiKey);
        var password = _passwordHash is not null && _hasher.VerifyHashedPassword(User, _passwordHash, secret) != PasswordVerificationResult.Failed;
        return key ? "api-key" : password ? "password" : null;
    }

    /// <summary>Why a configured hash cannot be used, or null: it must be a version-3 hash (PBKDF2-HMAC-SHA256/512, salted).</summary>
    internal static string? Problem(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < 13)
        {
            return "is not a password hash (expected the base64 of an ASP.NET Core Identity version-3 hash; scripts/hash-password.py makes one)";
        }

        return bytes[0] == 0x01 ? null : "is not a version-3 hash (PBKDF2 with HMAC-SHA256 or HMAC-SHA512); make a new one with scripts/hash-password.py";
    }
}
