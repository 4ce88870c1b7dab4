using System.Diagnostics;

namespace Dossier.Pipeline.Tests;

/// <summary>Runs the reference scorer, shared/eval/score.py (python3, standard library only), beside the repository.</summary>
internal static class ScorePy
{
    public static string EvalDir() => Path.GetFullPath(Path.Combine(TestSupport.RepoRoot(), "..", "shared", "eval"));

    /// <summary>score.py's standard output for the folders given (and its --json report into <paramref name="jsonOut"/>);
    /// fails the test when it exits with an error.</summary>
    public static string Run(string goldDir, string predDir, string? docsDir, bool verbose = false, string? jsonOut = null)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(EvalDir(), "score.py"));
        foreach (var a in new[] { "--gold", goldDir, "--pred", predDir })
        {
            psi.ArgumentList.Add(a);
        }

        if (docsDir is not null)
        {
            psi.ArgumentList.Add("--docs");
            psi.ArgumentList.Add(docsDir);
        }

        if (verbose)
        {
            psi.ArgumentList.Add("--verbose");
        }

        if (jsonOut is not null)
        {
            psi.ArgumentList.Add("--json");
            psi.ArgumentList.Add(jsonOut);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"score.py exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>The lines of a printed report, line endings ignored.</summary>
    public static string[] Lines(string s) => s.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
