using Dossier.Domain;

namespace Dossier.Evaluation;

/// <summary>
/// One error line of score.py's <c>--verbose</c> list (<see cref="Line"/>, exactly as it prints it), with what
/// locates the error in the document: the predicted item's spans, or the text a missed gold item is known by.
/// </summary>
/// <param name="Doc">The document's stem.</param>
/// <param name="Kind">The kind of fact (countries, people, ...).</param>
/// <param name="Line">The message, as score.py prints it (without the two leading spaces).</param>
public sealed record ScoreError(string Doc, string Kind, string Line)
{
    /// <summary>The spans of the predicted item the error is about (spurious, duplicate, a wrong attribute);
    /// spans outside the text are kept as they were predicted.</summary>
    public IReadOnlyList<TextSpan> PredictedSpans { get; init; } = [];

    /// <summary>For a missed gold item: its evidence string, or the names, aliases or quote text it goes by, in the
    /// order to look for them.</summary>
    public IReadOnlyList<string> GoldNeedles { get; init; } = [];

    public override string ToString() => Line;
}
