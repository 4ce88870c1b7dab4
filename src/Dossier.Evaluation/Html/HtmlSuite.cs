using System.Diagnostics;

namespace Dossier.Evaluation.Html;

/// <summary>Scores a candidate extractor on Readability's test pages: text F1 against the expected article, and its metadata.</summary>
public static class HtmlSuite
{
    /// <summary>Runs the candidate on every page. A page it throws on scores 0 and keeps the error.</summary>
    public static HtmlSuiteScore Score(string candidate, IReadOnlyList<ReadabilityPage> pages, Func<ReadabilityPage, PageReading> read)
    {
        var scores = new List<PageScore>(pages.Count);
        foreach (var page in pages)
        {
            var watch = Stopwatch.StartNew();
            PageReading reading;
            try
            {
                reading = read(page);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                scores.Add(new PageScore(page.Name, 0, false, false, page.Expected.PublishedTime is null ? null : false, watch.Elapsed, e.GetType().Name + ": " + e.Message));
                continue;
            }

            var elapsed = watch.Elapsed;
            var expected = page.Expected;
            scores.Add(new PageScore(
                page.Name,
                BagOfWords.F1(reading.Text, page.ExpectedText),
                expected.Title is null ? null : MetadataMatch.Title(reading.Title, expected.Title),
                expected.Byline is null ? null : MetadataMatch.Byline(reading.Byline, expected.Byline),
                expected.PublishedTime is null ? null : MetadataMatch.Date(reading.Published, expected.PublishedTime),
                elapsed));
        }

        return new HtmlSuiteScore(candidate, scores);
    }
}
