using AngleSharp.Html.Parser;
using Dossier.Domain;

namespace Dossier.Pipeline.Html;

/// <summary>A page read: the text of record (one block per line) and the metadata the page states.</summary>
public sealed record HtmlReading(string Text, PageMetadata Metadata);

/// <summary>
/// Reads a web page the way a reader view does: the page's metadata first (before anything is removed), then the
/// article found by <see cref="MainContent"/>, written one block per line under its title. A page in which no
/// article is found gives all its visible text instead, so no text is lost.
/// </summary>
public static class HtmlReader
{
    /// <summary>The address pages without one of their own are read at (relative links resolve against it).</summary>
    public static readonly Uri DefaultUrl = new("https://article.invalid/");

    public static HtmlReading Read(string html, string? url = null, CancellationToken cancellationToken = default)
    {
        var pageUrl = PageUrl(url);

        // The element callback lets a deadline or cancellation stop a long parse, not only the steps after it.
        // Scripting on, as in a browser: <noscript> holds text, not elements (and is not text of the article).
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = true,
            OnCreated = (_, _) => cancellationToken.ThrowIfCancellationRequested(),
        });
        using var dom = parser.ParseDocument(html);
        // Relative canonical links resolve against the page's own address only: without one they are dropped.
        var stated = PageMetadataReader.Read(dom, ReferenceEquals(pageUrl, DefaultUrl) ? null : pageUrl);
        var main = MainContent.Find(dom, pageUrl, cancellationToken);
        var metadata = stated.Resolve(main);

        var text = new BlockText(cancellationToken);
        if (metadata.Title is { } title)
        {
            text.Line(title);
        }

        if (main.Content is { } content)
        {
            text.Node(content);
        }
        else if (dom.Body is { } body)
        {
            text.Node(body);
        }

        return new HtmlReading(text.ToString(), metadata);
    }

    /// <summary>The page's own address when it has an absolute http(s) one, else <see cref="DefaultUrl"/>.</summary>
    public static Uri PageUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : DefaultUrl;
}
