using System.Globalization;
using Dossier.Evaluation.Html;
using Dossier.HtmlBench;

// dotnet run -c Release --project bench/Dossier.HtmlBench -- [--pages ../shared/readability/test-pages] [--verbose] [--only NAME]
var pagesDir = Arg("--pages") ?? Path.Combine(RepoRoot(), "..", "shared", "readability", "test-pages");
var verbose = args.Contains("--verbose");
var only = Arg("--only");
var pages = ReadabilityPage.LoadAll(pagesDir);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} pages from {Path.GetFullPath(pagesDir)}"));

var scores = new List<HtmlSuiteScore>();
foreach (var (name, read) in Candidates.All.Where(c => only is null || c.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)))
{
    // A first pass over a few pages so that the times measure the work, not the JIT.
    HtmlSuite.Score(name, pages.Take(10).ToList(), read);
    var score = HtmlSuite.Score(name, pages, read);
    scores.Add(score);
    if (verbose)
    {
        Console.WriteLine($"## {name}");
        foreach (var p in score.Pages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Page,-40} F1 {p.F1:0.000}  title {Mark(p.Title)}  byline {Mark(p.Byline)}  date {Mark(p.Date)}  {p.Elapsed.TotalMilliseconds,6:0} ms {p.Error}"));
        }
    }
}

Console.WriteLine();
Console.Write(HtmlSuiteScore.Table(scores));
return;

static string Mark(bool? judged) => judged switch { null => "-", true => "ok", false => "NO" };

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Services.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
