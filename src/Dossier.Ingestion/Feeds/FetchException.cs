namespace Dossier.Ingestion.Feeds;

/// <summary>
/// A fetch that did not give a usable response: <see cref="Refused"/> when the URL (or a redirect) breaks the safety
/// rules (scheme, private address, too many redirects), otherwise the remote end failed (status, time, size, network).
/// </summary>
public sealed class FetchException(string message, bool refused = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Refused { get; } = refused;
}
