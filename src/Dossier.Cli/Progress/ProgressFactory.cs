namespace Dossier.Cli.Progress;

/// <summary>
/// Starts the progress display of a long job: live (<see cref="LiveProgress"/>) when stderr is a terminal (and
/// <c>TERM</c> is not <c>dumb</c>), else plain lines (<see cref="PlainProgress"/>) at most every
/// <paramref name="plainInterval"/>. Stdout is never written to by the display itself, so <c>--json</c> and
/// redirected output stay machine-readable.
/// </summary>
public sealed class ProgressFactory(TextWriter stdout, TextWriter stderr, bool live, bool stdoutIsTerminal, TimeSpan plainInterval)
{
    /// <summary>The process's console: live when stderr is a terminal.</summary>
    public static ProgressFactory ForConsole() => new(
        Console.Out,
        Console.Error,
        live: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb",
        stdoutIsTerminal: !Console.IsOutputRedirected,
        plainInterval: TimeSpan.FromSeconds(5));

    /// <summary>Plain lines on <paramref name="stderr"/> (redirected output, tests).</summary>
    public static ProgressFactory Plain(TextWriter stdout, TextWriter stderr, TimeSpan? interval = null) =>
        new(stdout, stderr, live: false, stdoutIsTerminal: false, interval ?? TimeSpan.FromSeconds(5));

    public ProgressDisplay Start(string label, string unit) => live
        ? new LiveProgress(label, unit, stderr, stdout, stdoutIsTerminal, TerminalWidth)
        : new PlainProgress(label, unit, stderr, plainInterval);

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
