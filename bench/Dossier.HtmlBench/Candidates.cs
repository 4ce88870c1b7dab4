using System.Globalization;
using AngleSharp.Html.Parser;
using Dossier.Evaluation.Html;
using Dossier.Pipeline.Html;

namespace Dossier.HtmlBench;

/// <summary>The extractors compared: Dossier's HTML path, SmartReader alone, and the whole-page text Dossier kept before.</summary>
public static class Candidates
{
    public static readonly IReadOnlyList<(string Name, Func<ReadabilityPage, PageReading> Read)> All =
    [
        ("dossier (html component)", Dossier),
        ("smartreader 0.11.1", SmartReaderAlone),
        ("whole page (html component before)", WholePage),
    ];

    /// <summary>What the pipeline's html component makes of the page: its text of record and metadata.</summary>
    public static PageReading Dossier(ReadabilityPage page)
    {
        var reading = HtmlReader.Read(page.SourceHtml, ReadabilityPage.Url);
        var m = reading.Metadata;
        return new PageReading(reading.Text, m.Title, m.Byline, m.Published);
    }

    /// <summary>SmartReader's article text and metadata, as it gives them.</summary>
    public static PageReading SmartReaderAlone(ReadabilityPage page)
    {
        // Reader.ParseArticle(url, html) would bind to ParseArticle(url, userAgent) and download the page.
        using var reader = new SmartReader.Reader(ReadabilityPage.Url, page.SourceHtml);
        var article = reader.GetArticle();
        var published = article.PublicationDate is { } d && d != default ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new PageReading(article.TextContent, article.Title, article.Byline ?? article.Author, published);
    }

    /// <summary>All visible text of the page under its &lt;title&gt; (the html component before it looked for the article).</summary>
    public static PageReading WholePage(ReadabilityPage page)
    {
        using var dom = new HtmlParser().ParseDocument(page.SourceHtml);
        var text = new BlockText();
        if (!string.IsNullOrWhiteSpace(dom.Title))
        {
            text.Line(dom.Title);
        }

        if (dom.Body is not null)
        {
            text.Node(dom.Body);
        }

        return new PageReading(text.ToString(), dom.Title);
    }
}
