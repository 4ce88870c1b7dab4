using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>
/// The page's address written in its own text, and the date its path gives (<see cref="UrlDates"/>): a line that is
/// only an address after a source cue ("Source: https://…/2021/03/14/…", "Original article: …", anywhere in the text),
/// or a bare address line in the page's header (before <see cref="HeaderDates.BodyStart"/> and before any line that ends a sentence). An address inside a
/// sentence, or a bare one in the body (a link to another story), does not date the page. Cue phrases are the
/// <c>source</c> kind of Data/date_cues.tsv.
/// </summary>
public static class UrlLineDates
{
    private static readonly string[] SourceCues = ["source"];

    /// <summary>The date of the first address line that gives one, or null.</summary>
    public static string? Find(AnnotatedDocument doc)
    {
        var bodyStart = HeaderDates.BodyStart(doc);
        var header = true;
        foreach (var p in doc.Paragraphs)
        {
            header &= p.Index < bodyStart;
            if (Address(doc, p, header) is { } url && UrlDates.Find(url) is { } date)
            {
                return date;
            }

            // The header ends at the first sentence, however short the page.
            header &= p.IsBoilerplate || doc.Tokens[p.TokenEnd - 1].Norm is not ("." or "!" or "?");
        }

        return null;
    }

    /// <summary>The address a line consists of ([cue [:]] URL [.]), or null.</summary>
    private static string? Address(AnnotatedDocument doc, Segment p, bool header)
    {
        var tokens = doc.Tokens;
        var k = p.TokenStart;
        var cued = false;
        if (doc.Knowledge.DateCues.Longest(tokens, k, p.TokenEnd, SourceCues) is { End: var cueEnd, Kind: not null } && cueEnd > k)
        {
            cued = true;
            k = cueEnd;
            while (k < p.TokenEnd && tokens[k].Norm is ":" or "-" or "\u2013" or "\u2014")
            {
                k++;
            }
        }

        var end = p.TokenEnd;
        while (end > k + 1 && tokens[end - 1].Norm is "." or ")" or "]")
        {
            end--;
        }

        if (!(cued || header) || end != k + 1 || tokens[k].Kind != TokenKind.Symbol)
        {
            return null;
        }

        var url = doc.Text[tokens[k].Start..tokens[k].End];
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            ? (url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url)
            : null;
    }
}
