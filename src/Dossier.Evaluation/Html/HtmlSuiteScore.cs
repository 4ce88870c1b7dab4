using System.Globalization;
using System.Text;

namespace Dossier.Evaluation.Html;

/// <summary>How one candidate did on one page.</summary>
/// <param name="Date">Null when the page has no expected date; else whether the candidate's was right.</param>
public sealed record PageScore(string Page, double F1, bool? Title, bool? Byline, bool? Date, TimeSpan Elapsed, string? Error = null);

/// <summary>How one candidate did on the whole suite.</summary>
public sealed class HtmlSuiteScore(string candidate, IReadOnlyList<PageScore> pages)
{
    /// <summary>A page under this F1 counts as badly read.</summary>
    public const double PoorF1 = 0.8;

    public string Candidate { get; } = candidate;
    public IReadOnlyList<PageScore> Pages { get; } = pages;

    public double MeanF1 => Pages.Count == 0 ? 0 : Pages.Average(p => p.F1);

    public double MedianF1
    {
        get
        {
            var sorted = Pages.Select(p => p.F1).Order().ToList();
            if (sorted.Count == 0)
            {
                return 0;
            }

            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public int UnderPoor => Pages.Count(p => p.F1 < PoorF1);

    public (int Right, int Of) Dates => Count(p => p.Date);
    public (int Right, int Of) Titles => Count(p => p.Title);
    public (int Right, int Of) Bylines => Count(p => p.Byline);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Pages.Sum(p => p.Elapsed.Ticks));

    private (int, int) Count(Func<PageScore, bool?> judged)
    {
        var all = Pages.Select(judged).Where(j => j is not null).ToList();
        return (all.Count(j => j == true), all.Count);
    }

    /// <summary>A Markdown table of the candidates, one row each.</summary>
    public static string Table(IEnumerable<HtmlSuiteScore> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| candidate | pages | mean F1 | median F1 | pages under 0.8 | date right | title right | byline right | time |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in scores)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Candidate} | {s.Pages.Count} | {s.MeanF1:0.000} | {s.MedianF1:0.000} | {s.UnderPoor} | {s.Dates.Right}/{s.Dates.Of} | {s.Titles.Right}/{s.Titles.Of} | {s.Bylines.Right}/{s.Bylines.Of} | {s.Elapsed.TotalSeconds:0.0} s |");
        }

        return sb.ToString();
    }
}
