using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Ingestion.Feeds;

/// <summary>The text of a fetched page: decoded by the charset its response names, else its byte-order mark or <c>&lt;meta charset&gt;</c>, else UTF-8.</summary>
public static partial class PageText
{
    /// <summary>The content type Dossier ingests the page as (HTML or plain text), or null when it is neither.</summary>
    public static string? ContentType(FetchResult page) => page.MediaType?.ToLowerInvariant() switch
    {
        null or "text/html" or "application/xhtml+xml" => Domain.ContentTypes.Html,
        "text/plain" => Domain.ContentTypes.PlainText,
        _ => null,
    };

    public static string Decode(FetchResult page)
    {
        var body = page.Body;
        var encoding = ByName(page.Charset) ?? ByMark(body) ?? ByName(MetaCharset(body)) ?? new UTF8Encoding(false);
        var text = encoding.GetString(body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static Encoding? ByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? ByMark(byte[] body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(false),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048));
        var match = CharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
