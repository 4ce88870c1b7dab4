namespace Dossier.Domain;

/// <summary>An article handed to extraction.</summary>
/// <param name="DocId">The article's id; becomes <see cref="DocumentFacts.Doc"/>.</param>
/// <param name="Text">The original text (or HTML, see <paramref name="ContentType"/>).</param>
/// <param name="Published">Publication date from metadata (YYYY-MM-DD), if known.</param>
/// <param name="ContentType"><c>text/plain</c> (default) or <c>text/html</c>.</param>
/// <param name="Title">The caller's title, if any.</param>
/// <param name="Source">The caller's source (outlet or site), if any.</param>
/// <param name="Url">The article's address, if known (an HTML page's relative links resolve against it).</param>
public sealed record ExtractionRequest(
    string DocId,
    string Text,
    string? Published = null,
    string ContentType = ContentTypes.PlainText,
    string? Title = null,
    string? Source = null,
    string? Url = null)
{
    /// <summary>
    /// The request with what the caller left empty filled from the page's metadata: the caller's metadata first, then
    /// the page's (the text's own date comes last, found by the pipeline when neither gives one).
    /// </summary>
    public ExtractionRequest FilledFrom(PageMetadata page) => this with
    {
        Published = MetadataPrecedence.First(Published, page.Published),
        Title = MetadataPrecedence.First(Title, page.Title),
        Source = MetadataPrecedence.First(Source, page.SiteName),
        Url = MetadataPrecedence.First(Url, page.CanonicalUrl),
    };
}

/// <summary>What extraction returns: the facts, the text their spans point into, and what an HTML page said of itself.</summary>
/// <param name="Text">
/// The text of record. For plain text it is the input unchanged; for HTML it is the article's text as the page was
/// read (one block per line), and every span points into it.
/// </param>
/// <param name="Page">The metadata an HTML page states (null for plain text); <see cref="DocumentFacts.Published"/> already uses its date.</param>
public sealed record ExtractionResult(DocumentFacts Facts, string Text, PageMetadata? Page = null);

public static class ContentTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    /// <summary>True for <c>text/html</c>, also with parameters (<c>text/html; charset=utf-8</c>) and in any case.</summary>
    public static bool IsHtml(string? contentType)
    {
        var value = contentType ?? "";
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? value : value[..semicolon]).Trim();
        return mediaType.Equals(Html, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Turns one article into facts. Implementations are thread-safe and stateless between calls.</summary>
public interface IFactExtractor
{
    /// <summary>Version of the extractor, kept with every fact it produces.</summary>
    string Version { get; }

    ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default);
}
