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
        foreach (var c in Decompose(text))
        {
            if (IsSilent(c))
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

    /// <summary>
    /// The text decomposed (NFD) when it has non-ASCII characters, so that a letter and its diacritics come apart; the
    /// text itself otherwise (most English news, which NFD leaves as it is) or when it cannot be normalized (U+FFFE, a
    /// lone surrogate: compared as written).
    /// </summary>
    public static string Decompose(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                try
                {
                    return text.Normalize(NormalizationForm.FormD);
                }
                catch (ArgumentException)
                {
                    return text;
                }
            }
        }

        return text;
    }

    /// <summary>Characters that fold away inside a word: combining marks and apostrophes ("don't" = "dont").</summary>
    public static bool IsSilent(char c) =>
        c is '\'' or '\u2019' || (c > '\u007f' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
