using Dossier.Cli.Progress;
using Dossier.Domain;

namespace Dossier.Cli.Syntax;

/// <summary>What a command runs against: its output streams, its progress display, and (for tests) the extractor.</summary>
/// <param name="Extractor">The extractor <c>extract</c> and <c>evaluate</c> run (null: the default pipeline).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, ProgressFactory Progress, IFactExtractor? Extractor = null)
{
    /// <summary>The process's console, with a live progress display when stderr is a terminal.</summary>
    public static CliContext ForConsole() => new(Console.Out, Console.Error, ProgressFactory.ForConsole());
}
