using System.Globalization;
using System.Text;

namespace Dossier.Domain;

/// <summary>Comparison keys of names, shared by the pipeline and the knowledge store.</summary>
public static class TextKeys
{
    /// <summary>Lower-case letters and digits, other runs as one '-', diacritics removed ("Washington, D.C." → washington-d-c).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in SafeDecompose(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return builder.ToString();
    }

    private static string SafeDecompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // U+FFFE or a lone surrogate: compared as written.
            return text;
        }
    }
}
