namespace Dossier.Ingestion;

/// <summary>
/// The one back-off of ingestion, for an article's next attempt and a failing feed's next poll alike: the first delay
/// doubled with each failure in a row, capped, and spread by a jitter so that many retries do not arrive together.
/// </summary>
public static class ExponentialBackoff
{
    /// <summary>
    /// <paramref name="first"/> × 2^(<paramref name="failures"/> − 1), at most <paramref name="max"/> (or
    /// <paramref name="first"/> when that is longer), times a random factor in [1 − jitter, 1 + jitter].
    /// </summary>
    /// <param name="failures">Failures in a row so far, 1 for the first (0 or less counts as 1).</param>
    /// <param name="jitter">The spread, 0 (none) to 1.</param>
    public static TimeSpan Delay(TimeSpan first, int failures, TimeSpan max, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        var cap = Math.Max(max.TotalMilliseconds, first.TotalMilliseconds);
        var delay = Math.Min(first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)), cap);
        var spread = jitter == 0 ? 1 : 1 - jitter + ((random ?? Random.Shared).NextDouble() * 2 * jitter);
        return TimeSpan.FromMilliseconds(delay * spread);
    }
}
