using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace Dossier.Pipeline.Html;

/// <summary>What Readability found in a page: the element holding the article, and the title, byline and site name it read.</summary>
/// <param name="Content">The article element, or null when no article was found.</param>
public sealed record MainContentResult(IElement? Content, string? Title, string? Byline, string? SiteName);

/// <summary>
/// Finds the article in a page with SmartReader (the C# port of Mozilla's Readability): candidates scored by their
/// text, commas, class names and link density, the best with its related siblings, cleaned of what is not the
/// article (share bars, related links, comments, forms, hidden nodes). Changes the DOM it is given.
/// </summary>
public static class MainContent
{
    /// <summary>
    /// The largest page the reader is run on. Readability's work grows with the square of a node's width, of the
    /// nesting and of the links (AngleSharp finds a node's siblings by searching its parent's children, and SmartReader
    /// counts live collections again at every step), and cannot be stopped inside a step: 20,000 links cost minutes.
    /// Real pages stay far below: of Readability's 130 test pages the largest has 9,887 elements, the deepest 38 levels,
    /// the widest node 3,711 child elements, the most links 3,860. A larger page is read whole instead.
    /// </summary>
    public static readonly DomShape Limit = new(Elements: 20_000, Depth: 100, WidestNode: 4_000, Links: 5_000);

    /// <summary>The article in the page, or a result without content when there is none or the page is over <see cref="Limit"/>.</summary>
    public static MainContentResult Find(IHtmlDocument dom, Uri url, CancellationToken cancellationToken)
    {
        if (!DomShape.Measure(dom, cancellationToken).Within(Limit))
        {
            return new MainContentResult(null, null, null, null);
        }

        IElement? content = null;
        // Not disposed: disposing a Reader disposes the DOM it was given, which the caller owns and reads after this.
        var reader = new Reader(url.AbsoluteUri, dom)
        {
            // A page Readability rates "probably not readable" still has the text we have: read it anyway.
            ContinueIfNotReadable = true,
        };
        reader.AddCustomOperationEnd(element => content = element);

        // With the DOM given, SmartReader reads no stream: the task has completed when it returns.
        var article = reader.GetArticleAsync(cancellationToken).GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        if (article.Errors.Count > 0 || content is null)
        {
            return new MainContentResult(null, article.Title, null, null);
        }

        return new MainContentResult(content, article.Title, article.Byline ?? article.Author, article.SiteName);
    }
}
