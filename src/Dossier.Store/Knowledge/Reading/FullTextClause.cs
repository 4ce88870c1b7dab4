using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// One part of the engine's full-text index as a search reads it: the FROM/JOIN/WHERE fragment over <c>documents d</c>
/// that keeps matching articles, the expressions of their score (higher is better) and highlighted text, and parameters.
/// </summary>
/// <param name="From">The FROM fragment over <c>documents d</c> and the part's index.</param>
/// <param name="Key">The key of a matching row the engine finds fastest (a full-text row id, else <c>d.id</c>).</param>
/// <param name="WindowOrder">An order the engine reads matches in from an index, stopping early under a LIMIT.</param>
/// <param name="BareFrom">
/// A FROM fragment that finds matches, their key and score without reading <c>documents</c>, for a ranking window
/// without filters (the full-text index alone), or null when <paramref name="From"/> is already that.
/// </param>
/// <param name="Highlight">
/// The article's whole text with every word the query names marked (between <see cref="HighlightMarks.Open"/> and
/// <see cref="HighlightMarks.Close"/>), read over <paramref name="From"/> where <paramref name="Where"/> holds. Each
/// word of the query is marked wherever it occurs, in a phrase or not, as PostgreSQL's highlighter does: the snippet is
/// then cut from it in C# (<see cref="SearchSnippets"/>), the same on every engine.
/// </param>
/// <param name="MarkWords">
/// Marks the query's words in C#: <paramref name="Highlight"/> is then the plain text, read by key alone (no match
/// condition), and this gives the marked words' ranges in it.
/// </param>
internal sealed record FullTextClause(
    string From, string Where, string Score, (string, object?)[] Parameters, string Key, string WindowOrder, string? BareFrom,
    string Highlight,
    Func<string, IReadOnlyList<TextSpan>>? MarkWords = null);
