namespace Dossier.Evaluation.Html;

/// <summary>When a found title, byline or date counts as the one expected.</summary>
public static class MetadataMatch
{
    /// <summary>Same text, whitespace runs collapsed and case ignored.</summary>
    public static bool Title(string? found, string expected) =>
        string.Equals(Normalize(found), Normalize(expected), StringComparison.OrdinalIgnoreCase);

    /// <summary>Same text, whitespace collapsed, case ignored, and a leading "By" (any case) left out of both.</summary>
    public static bool Byline(string? found, string expected) =>
        string.Equals(WithoutBy(Normalize(found)), WithoutBy(Normalize(expected)), StringComparison.OrdinalIgnoreCase);

    /// <summary>The found YYYY-MM-DD is the calendar day the expected timestamp is written in (its first ten characters).</summary>
    public static bool Date(string? found, string expected) =>
        found is { Length: 10 } && expected.Length >= 10 && string.Equals(found, expected[..10], StringComparison.Ordinal);

    private static string Normalize(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string WithoutBy(string s) => s.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? s[3..] : s;
}
