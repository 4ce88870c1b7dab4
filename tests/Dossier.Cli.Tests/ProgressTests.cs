using Dossier.Cli.Progress;

namespace Dossier.Cli.Tests;

public class ProgressTests
{
    private const string Erase = "\r\u001b[K";

    [Fact]
    public void Render_KnownTotal_IsABarWithPercentCountRateAndTimeLeft()
    {
        var line = LiveProgress.Render("extract", "articles", 5, 10, TimeSpan.FromSeconds(5));

        Assert.Equal("extract [████████████░░░░░░░░░░░░]  50% 5/10 articles · 1.0/s · 0:05 left", line);
    }

    [Fact]
    public void Render_UnknownTotal_IsCountRateAndTimeTaken()
    {
        Assert.Equal("export 12 articles · 2.0/s · 0:06", LiveProgress.Render("export", "articles", 12, null, TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void LiveProgress_OutputLineOnTheTerminal_ErasesTheBarWritesTheLineAndRedrawsIt()
    {
        var stderr = new StringWriter();
        var stdout = new StringWriter();
        using (var progress = new LiveProgress("ingest", "files", stderr, stdout, stdoutIsTerminal: true, width: () => 200))
        {
            progress.Report(1, 4);
            progress.WriteLine(stdout, "[1/4] a.txt: accepted (id a)");
            progress.Report(4, 4);
        }

        var drawn = stderr.ToString();
        Assert.Equal("[1/4] a.txt: accepted (id a)" + Environment.NewLine, stdout.ToString());
        Assert.StartsWith(Erase + "ingest [", drawn, StringComparison.Ordinal);
        Assert.Contains(Erase + Erase + "ingest [", drawn, StringComparison.Ordinal); // erased for the line, then drawn again
        Assert.Contains("100% 4/4 files", drawn, StringComparison.Ordinal);
        Assert.EndsWith(Erase, drawn, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveProgress_NarrowTerminal_CutsTheLineToFit()
    {
        var stderr = new StringWriter();
        using (var progress = new LiveProgress("reextract", "articles", stderr, TextWriter.Null, stdoutIsTerminal: false, width: () => 20))
        {
            progress.Report(3, 9);
        }

        var lines = stderr.ToString().Split(Erase, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["reextract [████████"], lines);
    }

    [Fact]
    public void PlainProgress_Redirected_WritesPlainLinesOnlyWhenTheCountMoves()
    {
        var stderr = new StringWriter();
        using (var progress = new PlainProgress("index", "articles", stderr, TimeSpan.Zero))
        {
            progress.Report(1, 3);
            progress.Report(1, 3);
            progress.Report(3, 3);
        }

        Assert.Equal($"index: 1/3 articles{Environment.NewLine}index: 3/3 articles{Environment.NewLine}", stderr.ToString());
    }

    [Fact]
    public void PlainProgress_ShortJob_WritesNothing()
    {
        var stderr = new StringWriter();
        using (var progress = new PlainProgress("export", "articles", stderr, TimeSpan.FromMinutes(1)))
        {
            progress.Report(1, null);
            progress.Report(2, null);
        }

        Assert.Empty(stderr.ToString());
    }
}
