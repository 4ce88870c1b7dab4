namespace Dossier.Domain;

/// <summary>An article handed to extraction.</summary>
/// <param name="DocId">The article's id; becomes <see cref="DocumentFacts.Doc"/>.</param>
/// <param name="Text">The original text (or HTML, see <paramref name="ContentType"/>).</param>
/// <param name="Published">Publication date from metadata (YYYY-MM-DD), if known.</param>
/// <param name="ContentType"><c>text/plain</c> (default) or <c>text/html</c>.</param>
public sealed record ExtractionRequest(
    string DocId,
    string Text,
    string? Published = null,
    string ContentType = ContentTypes.PlainText,
    string? Title = null,
    string? Source = null,
    string? Url = null);

/// <summary>What extraction returns: the facts and the text their spans point into.</summary>
/// <param name="Text">
/// The text of record. For plain text it is the input unchanged; for HTML it is the text a real HTML
/// parser extracted, and every span points into it.
/// </param>
public sealed record ExtractionResult(DocumentFacts Facts, string Text);

public static class ContentTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
}

/// <summary>Turns one article into facts. Implementations are thread-safe and stateless between calls.</summary>
public interface IFactExtractor
{
    /// <summary>Version of the extractor, kept with every fact it produces.</summary>
    string Version { get; }

    ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default);
}
