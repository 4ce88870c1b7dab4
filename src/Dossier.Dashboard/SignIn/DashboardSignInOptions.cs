namespace Dossier.Dashboard.SignIn;

/// <summary>How people sign in to the dashboard (configuration section <c>Dossier:Dashboard</c>).</summary>
public sealed class DashboardSignInOptions
{
    public const string Section = "Dossier:Dashboard";

    /// <summary>
    /// A dashboard password as ASP.NET Core Identity's <c>PasswordHasher</c> stores it (version 3: PBKDF2 with HMAC-SHA512,
    /// a random salt and the iteration count, base64); empty for none. <c>scripts/hash-password.py</c> makes one.
    /// </summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>SHA-256 (hex) of the one-time sign-in token the app host prints as a link; empty for none.</summary>
    public string SignInTokenHash { get; set; } = "";

    /// <summary>When the one-time sign-in token stops being accepted.</summary>
    public DateTimeOffset? SignInTokenExpires { get; set; }

    /// <summary>How long a sign-in lasts without a visit (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts (form posts and one-time links) one client address may make per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
}
