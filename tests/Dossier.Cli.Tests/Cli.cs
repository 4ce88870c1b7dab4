using Dossier.Cli.Progress;
using Dossier.Cli.Syntax;
using Dossier.Domain;

namespace Dossier.Cli.Tests;

/// <summary>Runs the <c>dossier</c> command line in-process, as the process would, on writers the test reads.</summary>
internal static class Cli
{
    public static int Run(TextWriter stdout, TextWriter stderr, IFactExtractor? extractor, params string[] args) =>
        DossierCommandLine.RunAsync(args, new CliContext(stdout, stderr, ProgressFactory.Plain(stdout, stderr), extractor)).GetAwaiter().GetResult();

    /// <summary>The exit code, stdout and stderr of <c>dossier ARGS</c>.</summary>
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Run(stdout, stderr, null, args);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
