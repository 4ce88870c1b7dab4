namespace Dossier.Domain;

/// <summary>
/// Which of several sources of an article's metadata wins: the first that gives a value. Callers list them as the
/// rule is — the caller's metadata, then the page's, then the text's.
/// </summary>
public static class MetadataPrecedence
{
    /// <summary>The first value that is not null, empty or whitespace (trimmed); null when none is.</summary>
    public static string? First(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
