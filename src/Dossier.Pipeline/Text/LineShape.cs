using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>Shapes of lines that change how their capitalized words are read.</summary>
public static class LineShape
{
    /// <summary>
    /// A short line (at most 20 tokens) without a final stop whose words, function words aside (<c>sets/function_words</c>),
    /// are mostly capitalized: a title-case headline, where capitals say nothing about names. A bulleted list item is not one.
    /// </summary>
    public static bool IsTitleCaseHeadline(AnnotatedDocument document, Segment paragraph)
    {
        var tokens = document.Tokens;
        if (paragraph.TokenEnd - paragraph.TokenStart > 20 || tokens[paragraph.TokenEnd - 1].Norm is "." or "!" or "?" or "\"")
        {
            return false;
        }

        // A list item ("• State of Law Coalition") names things; it is not a headline.
        if (tokens[paragraph.TokenStart].Norm is "\u2022" or "*" or "-" or "\u00b7" or "\u25aa" or "\u25cf")
        {
            return false;
        }

        var sets = document.Knowledge.Sets;
        int words = 0, capitalized = 0;
        for (var k = paragraph.TokenStart; k < paragraph.TokenEnd; k++)
        {
            if (!tokens[k].IsWord || sets.Has("name_particles", tokens[k].Norm) || sets.Has("function_words", tokens[k].Norm))
            {
                continue;
            }

            words++;
            if (tokens[k].IsCapitalized(document.Text))
            {
                capitalized++;
            }
        }

        return words >= 3 && capitalized * 10 >= words * 8;
    }
}
