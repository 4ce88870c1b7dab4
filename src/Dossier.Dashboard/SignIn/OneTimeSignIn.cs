using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.SignIn;

/// <summary>
/// The one-time sign-in link the app host prints (like the Aspire dashboard's login link): the dashboard knows only the
/// token's SHA-256 and its expiry, and accepts the token once, before it expires.
/// </summary>
public sealed class OneTimeSignIn(IOptions<DashboardSignInOptions> options, TimeProvider time)
{
    private int _used;

    /// <summary>True, once, for the right token before its expiry; false for anything else.</summary>
    public bool TryRedeem(string? token)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(token) || o.SignInTokenExpires is not { } expires || o.SignInTokenHash.Length != 2 * SHA256.HashSizeInBytes)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(o.SignInTokenHash);
        }
        catch (FormatException)
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected)
            && time.GetUtcNow() < expires
            && Interlocked.Exchange(ref _used, 1) == 0;
    }
}
