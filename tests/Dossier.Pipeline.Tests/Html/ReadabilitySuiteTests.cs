using Dossier.Domain;
using Dossier.Evaluation.Html;
using Dossier.Pipeline.Components;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Tests.Html;

/// <summary>
/// The floor of the HTML path on mozilla/readability's 130 test pages (read from ../shared/readability, Apache-2.0):
/// the text of record the html component makes against the text of Readability's expected article, and the page's
/// date against its expected publishedTime. bench/Dossier.HtmlBench prints the full table.
/// </summary>
public class ReadabilitySuiteTests
{
    private static string PagesDir() => Path.GetFullPath(Path.Combine(TestSupport.RepoRoot(), "..", "shared", "readability", "test-pages"));

    /// <summary>What the pipeline's html component makes of a page: its text of record and the page's metadata.</summary>
    private static PageReading ReadWithTheComponent(ReadabilityPage page)
    {
        var document = new AnnotatedDocument(
            new ExtractionRequest(page.Name, page.SourceHtml, ContentType: ContentTypes.Html, Url: ReadabilityPage.Url), KnowledgeBase.Default);
        new HtmlComponent().Process(document, CancellationToken.None);
        var m = document.Page ?? PageMetadata.None;
        return new PageReading(document.Text, m.Title, m.Byline, m.Published);
    }

    [Fact]
    public void HtmlComponent_ReadabilityTestPages_MeetsTheFloor()
    {
        var pages = ReadabilityPage.LoadAll(PagesDir());

        var score = HtmlSuite.Score("dossier", pages, ReadWithTheComponent);

        var poor = string.Join(", ", score.Pages.Where(p => p.F1 < HtmlSuiteScore.PoorF1).Select(p => $"{p.Page} {p.F1:0.000} {p.Error}"));
        Assert.Equal(130, pages.Count);
        Assert.All(score.Pages, p => Assert.Null(p.Error));
        Assert.True(score.MeanF1 >= 0.97, $"mean F1 {score.MeanF1:0.000}");
        Assert.True(score.UnderPoor <= 3, $"{score.UnderPoor} pages under {HtmlSuiteScore.PoorF1}: {poor}");
        Assert.True(score.Dates.Right >= 30, $"dates right {score.Dates.Right} of {score.Dates.Of}");
        Assert.Equal(33, score.Dates.Of);
        Assert.True(score.Titles.Right >= 120, $"titles right {score.Titles.Right} of {score.Titles.Of}");
        Assert.True(score.Bylines.Right >= 65, $"bylines right {score.Bylines.Right} of {score.Bylines.Of}");
    }

    [Fact]
    public void Check_ReadabilityTestPages_EveryPageIsAcceptedAsHtml()
    {
        // Five of them (news pages of 1.0–1.6 MB) were refused when the 1,000,000-character limit applied to the markup.
        var pages = ReadabilityPage.LoadAll(PagesDir());

        var refused = pages.Select(p => (p.Name, Problem: ArticleRules.Check(p.SourceHtml, ContentTypes.Html))).Where(p => p.Problem is not null).ToList();

        Assert.Empty(refused);
        Assert.True(pages.Count(p => p.SourceHtml.Length > ArticleRules.MaxTextLength) >= 5);
    }
}
