namespace Dossier.Evaluation.Html;

/// <summary>What a candidate extractor read from a page: its main text and metadata.</summary>
/// <param name="Published">The publication date, YYYY-MM-DD (the page's own calendar day, not converted to UTC).</param>
public sealed record PageReading(string Text, string? Title = null, string? Byline = null, string? Published = null);
