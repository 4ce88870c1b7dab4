namespace Dossier.Domain;

/// <summary>What Dossier accepts as an article, checked at every door (gRPC, REST, CLI).</summary>
public static class ArticleRules
{
    /// <summary>
    /// Largest text of record accepted, in UTF-16 code units (about 1 MB of English text): a plain-text article as sent,
    /// an HTML article's text once its page is read (<see cref="CheckExtracted"/>).
    /// </summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>
    /// Largest HTML page accepted, in bytes of UTF-8: real news pages run to 1.3 MB of markup around far less text, so a
    /// page is bounded by the 8 MiB message that carries it (with room for the other fields), by
    /// <see cref="MaxHtmlDepth"/>, and by <see cref="MaxTextLength"/> on the text read from it.
    /// </summary>
    public const int MaxHtmlBytes = 8_000_000;

    /// <summary>Returns why a plain-text article is refused, or null when it is acceptable.</summary>
    public static string? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "text is empty";
        }

        if (text.Length > MaxTextLength)
        {
            return $"text is {text.Length:N0} characters long; the limit is {MaxTextLength:N0}";
        }

        return CheckCharacters(text);
    }

    /// <summary>
    /// Returns why an article of the content type is refused, or null: plain text by <see cref="Check(string?)"/>; an
    /// HTML page by its size in UTF-8 (<see cref="MaxHtmlBytes"/>), its characters and its nesting
    /// (<see cref="CheckHtml"/>) — its text is checked once read (<see cref="CheckExtracted"/>).
    /// </summary>
    public static string? Check(string? text, string? contentType)
    {
        if (!ContentTypes.IsHtml(contentType))
        {
            return Check(text);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "text is empty";
        }

        // Each UTF-16 code unit is at least one byte of UTF-8: only a long page needs counting.
        if (text.Length > MaxHtmlBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(text) is var bytes && bytes > MaxHtmlBytes)
        {
            return $"the HTML is {bytes:N0} bytes of UTF-8; the limit is {MaxHtmlBytes:N0}";
        }

        return CheckCharacters(text) ?? CheckHtml(text);
    }

    /// <summary>Returns why the text read from an HTML page is refused (over <see cref="MaxTextLength"/>), or null.</summary>
    public static string? CheckExtracted(string text) =>
        text.Length > MaxTextLength
            ? $"the text read from the HTML is {text.Length:N0} characters long; the limit is {MaxTextLength:N0}"
            : null;

    /// <summary>Returns why the characters of a text are refused (NUL, invalid UTF-8, a wrong byte order, a lone surrogate), or null.</summary>
    private static string? CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"text contains a NUL character at offset {i}";
            }

            if (c == '\uFFFD')
            {
                // Protobuf and JSON decoders turn invalid UTF-8 into U+FFFD: the bytes sent were not valid UTF-8.
                return $"text is not valid UTF-8 (replacement character at offset {i})";
            }

            if (c == '\uFFFE')
            {
                // A byte-swapped byte-order mark: text decoded with the wrong byte order (and not normalizable).
                return $"text contains the noncharacter U+FFFE at offset {i} (text decoded with the wrong byte order?)";
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"text contains an unpaired surrogate at offset {i}";
            }

            if (char.IsLowSurrogate(c))
            {
                return $"text contains an unpaired surrogate at offset {i}";
            }
        }

        return null;
    }

    /// <summary>
    /// Deepest element nesting accepted in an HTML article. HTML parsers do work that grows with the square of the
    /// depth (100,000 nested &lt;div&gt; cost minutes of CPU); real pages stay far below this (browsers build trees of
    /// at most 512 levels).
    /// </summary>
    public const int MaxHtmlDepth = 2_000;

    /// <summary>Elements that never hold others or close themselves implicitly: they do not deepen the nesting.</summary>
    private static readonly HashSet<string> FlatElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
    };

    /// <summary>
    /// Returns why an HTML article is refused (its elements nest deeper than <see cref="MaxHtmlDepth"/>), or null. A
    /// linear scan of start and end tags, no parse: unclosed elements count as open, self-closing and void ones do not.
    /// </summary>
    public static string? CheckHtml(string html)
    {
        var depth = 0;
        for (var i = 0; i + 1 < html.Length; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            var end = html[i + 1] == '/';
            var start = i + (end ? 2 : 1);
            var stop = start;
            while (stop < html.Length && char.IsAsciiLetterOrDigit(html[stop]))
            {
                stop++;
            }

            if (stop == start || !char.IsAsciiLetter(html[start]) || FlatElements.Contains(html[start..stop]))
            {
                continue;
            }

            if (end)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var close = html.IndexOf('>', stop);
            if (close > 0 && html[close - 1] == '/')
            {
                continue;
            }

            if (++depth > MaxHtmlDepth)
            {
                return $"the HTML nests elements more than {MaxHtmlDepth:N0} deep (at offset {i})";
            }
        }

        return null;
    }

    /// <summary>Returns why a client-chosen id is refused, or null when it is acceptable (or empty).</summary>
    public static string? CheckId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (id.Length > 64)
        {
            return "id is longer than 64 characters";
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return "id may hold only ASCII letters, digits, '_', '-' and '.'";
            }
        }

        return null;
    }

    /// <summary>Returns why a publication date is refused, or null when it is empty or a valid YYYY-MM-DD.</summary>
    public static string? CheckPublished(string? published)
    {
        if (string.IsNullOrEmpty(published))
        {
            return null;
        }

        return DateOnly.TryParseExact(published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? null
            : $"published '{published}' is not a date of the form YYYY-MM-DD";
    }

    /// <summary>SHA-256 (lower-case hex) of the text with Unicode normalized (NFC) and whitespace runs collapsed.</summary>
    public static string ContentHash(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormC);
        var builder = new System.Text.StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(bytes);
    }
}
