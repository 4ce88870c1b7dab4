namespace Dossier.Domain;

/// <summary>What a web page states about itself, as its HTML was read (every field null when the page does not say).</summary>
/// <param name="Title">The article's headline.</param>
/// <param name="Byline">Its author or authors, as the page names them.</param>
/// <param name="SiteName">The outlet or site that published it.</param>
/// <param name="CanonicalUrl">The page's canonical address (absolute http or https).</param>
/// <param name="Published">The publication day, YYYY-MM-DD (the day the page wrote, not moved to UTC).</param>
public sealed record PageMetadata(
    string? Title = null,
    string? Byline = null,
    string? SiteName = null,
    string? CanonicalUrl = null,
    string? Published = null)
{
    public static readonly PageMetadata None = new();
}
