namespace Dossier.Pipeline.Text;

/// <summary>How names found in the text are written in facts.</summary>
public static class Display
{
    /// <summary>A name as written, white space collapsed, and ALL CAPS (datelines, transcript speakers) in title case.</summary>
    public static string Name(string surface)
    {
        var collapsed = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Any(char.IsLower)
            ? collapsed
            : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(collapsed.ToLowerInvariant());
    }
}
