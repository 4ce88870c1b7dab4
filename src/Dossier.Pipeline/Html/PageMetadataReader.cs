using AngleSharp.Dom;
using Dossier.Domain;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Html;

/// <summary>
/// Reads what a page states about itself — publication date, title, byline, site name, canonical address — from its
/// JSON-LD, &lt;meta&gt; tags, itemprops, &lt;link rel&gt;, &lt;time datetime&gt; and &lt;title&gt;, in the places
/// <c>Data/html_metadata.tsv</c> lists. Reads the DOM and never changes it.
/// </summary>
public static class PageMetadataReader
{
    /// <summary>One place a field may be read from.</summary>
    public sealed record Rule(string Field, string Kind, string Key);

    public static readonly IReadOnlyList<Rule> Rules = DataFiles.ReadRows("html_metadata.tsv")
        .Select(r => new Rule(r[0].Trim(), r[1].Trim(), r[2].Trim()))
        .ToList();

    /// <summary>Longest title, byline or site name kept (longer ones are some other text).</summary>
    public const int MaxLength = 300;

    /// <summary>
    /// The value of every rule that reads the page itself (the <c>reader</c> and <c>jsonld-title</c> rules are left for
    /// <see cref="StatedMetadata.Resolve"/>), before the article reader changes the DOM.
    /// </summary>
    public static StatedMetadata Read(IDocument dom, Uri? baseUri)
    {
        using var jsonLd = JsonLd.Read(dom);
        var metas = MetaContents(dom);
        // Each field's places are read in order up to the first acceptable value: the later ones cannot matter unless
        // the article reader's (known only later) comes first.
        var values = new string?[Rules.Count];
        var settled = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (rule.Kind is "reader" or "jsonld-title" || settled.Contains(rule.Field))
            {
                continue;
            }

            values[i] = Value(rule, dom, jsonLd, metas);
            if (Accept(rule.Field, values[i], baseUri) is not null)
            {
                settled.Add(rule.Field);
            }
        }

        var jsonLdTitles = Rules.Where(r => r.Kind == "jsonld-title")
            .SelectMany(r => r.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(jsonLd.Get)
            .OfType<string>()
            .ToList();
        return new StatedMetadata(Rules, values, jsonLdTitles, dom.Title, baseUri);
    }

    /// <summary>
    /// The value as the field keeps it, or null when it is no value of the field: a date as YYYY-MM-DD, an address
    /// made absolute, a title or name cleaned (a byline that is a web address is none).
    /// </summary>
    public static string? Accept(string field, string? value, Uri? baseUri) => field switch
    {
        "published" => PageDate.Parse(value),
        "canonical" => Absolute(value, baseUri),
        "byline" => Clean(value) is { } s && !LooksLikeAddress(s) ? s : null,
        "title" or "site" => Clean(value),
        _ => throw new InvalidOperationException($"html_metadata.tsv: unknown field '{field}'"),
    };

    /// <summary>Whitespace collapsed and trimmed; null when empty or too long to be a title or a name.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length is > 0 and <= MaxLength ? s : null;
    }

    /// <summary>An absolute http(s) address, the value resolved against the page's own; null for anything else.</summary>
    public static string? Absolute(string? value, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var ok = baseUri is null
            ? Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            : Uri.TryCreate(baseUri, value.Trim(), out uri);
        return ok && uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
    }

    private static bool LooksLikeAddress(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static string? Value(Rule rule, IDocument dom, JsonLd jsonLd, Dictionary<string, string> metas) => rule.Kind switch
    {
        "jsonld" => jsonLd.Get(rule.Key),
        "meta" => metas.GetValueOrDefault(rule.Key),
        "itemprop" => ItemProp(dom, rule.Key),
        "link" => dom.QuerySelectorAll("link[rel][href]")
            .FirstOrDefault(l => l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rule.Key, StringComparer.OrdinalIgnoreCase))
            ?.GetAttribute("href"),
        "time" => Time(dom, rule.Key),
        "document" => dom.Title,
        "visible" => Visible(dom, rule.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        _ => throw new InvalidOperationException($"html_metadata.tsv: unknown kind '{rule.Kind}'"),
    };

    /// <summary>Of the JSON-LD titles (name, headline), the only one that covers the page's title, else the first there is.</summary>
    public static string? JsonLdTitle(IReadOnlyList<string> titles, string? pageTitle)
    {
        if (titles.Count > 1 && pageTitle is not null)
        {
            var covering = titles.Where(t => Covers(t, pageTitle) > 0.75).ToList();
            if (covering.Count == 1)
            {
                return covering[0];
            }
        }

        return titles.Count > 0 ? titles[0] : null;
    }

    /// <summary>
    /// How much of the other text the text covers (Readability's measure): one less the length of the other's words
    /// that are not the text's, over the length of all its words (words: lower-cased letter and digit runs).
    /// </summary>
    private static double Covers(string text, string other)
    {
        static string[] Words(string s) =>
            new string(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        var others = Words(other);
        var all = string.Join(' ', others).Length;
        return all == 0 ? 0 : 1 - ((double)string.Join(' ', others.Where(w => !words.Contains(w))).Length / all);
    }

    /// <summary>Each &lt;meta&gt; key (its property words, name and itemprop, lower-cased) → the first non-empty content.</summary>
    private static Dictionary<string, string> MetaContents(IDocument dom)
    {
        var contents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in dom.QuerySelectorAll("meta[content]"))
        {
            var content = meta.GetAttribute("content")!;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            var keys = (meta.GetAttribute("property") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Append(meta.GetAttribute("name")?.Trim() ?? "")
                .Append(meta.GetAttribute("itemprop")?.Trim() ?? "");
            foreach (var key in keys.Where(k => k.Length > 0))
            {
                contents.TryAdd(key, content);
            }
        }

        return contents;
    }

    private static string? ItemProp(IDocument dom, string key)
    {
        foreach (var e in dom.QuerySelectorAll("[itemprop]"))
        {
            if (!e.GetAttribute("itemprop")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent;
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Longest visible text searched for a date (a dateline, not a paragraph).</summary>
    private const int MaxVisibleDateText = 200;

    /// <summary>
    /// The first date written in a short element whose class or id names a date (the cues), in document order: the
    /// date line under a headline. The date comes back as YYYY-MM-DD.
    /// </summary>
    private static string? Visible(IDocument dom, string[] cues)
    {
        if (dom.Body is null)
        {
            return null;
        }

        foreach (var e in dom.Body.QuerySelectorAll("[class], [id]"))
        {
            var names = ((e.GetAttribute("class") ?? "") + " " + (e.GetAttribute("id") ?? "")).ToLowerInvariant();
            if (!cues.Any(c => names.Contains(c, StringComparison.Ordinal)) || e.Closest("script, style, noscript, template, footer, aside, nav, li") is not null)
            {
                continue;
            }

            var text = e.TextContent;
            if (text.Length <= MaxVisibleDateText && PageDate.FindInText(text) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? Time(IDocument dom, string key)
    {
        var times = dom.QuerySelectorAll("time[datetime]").Where(t => !string.IsNullOrWhiteSpace(t.GetAttribute("datetime")));
        var time = key switch
        {
            "pubdate" => times.FirstOrDefault(t => t.HasAttribute("pubdate")),
            "article" => times.FirstOrDefault(t => t.Closest("article, header, [itemprop~=articleBody]") is not null),
            "any" => times.FirstOrDefault(),
            _ => throw new InvalidOperationException($"html_metadata.tsv: unknown time key '{key}'"),
        };
        return time?.GetAttribute("datetime");
    }
}
