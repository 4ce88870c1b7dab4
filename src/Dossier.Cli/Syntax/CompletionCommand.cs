using System.CommandLine;
using System.Reflection;

namespace Dossier.Cli.Syntax;

/// <summary>
/// <c>dossier completion bash</c>: prints a bash completion script (the data file <c>Syntax/completion.bash</c>) that
/// asks dossier itself for completions through System.CommandLine's <c>[suggest:POSITION]</c> directive — commands,
/// options and the values an option accepts. Install: <c>eval "$(dossier completion bash)"</c>, e.g. in <c>~/.bashrc</c>.
/// </summary>
public static class CompletionCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell to complete in", HelpName = "SHELL" }.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print a shell completion script: eval \"$(dossier completion bash)\"") { shell };
        command.SetAction(result =>
        {
            context.Out.Write(Script(result.GetRequiredValue(shell)));
            return 0;
        });
        return command;
    }

    /// <summary>The completion script for <paramref name="shell"/>.</summary>
    public static string Script(string shell)
    {
        using var stream = typeof(CompletionCommand).Assembly.GetManifestResourceStream($"Dossier.Cli.completion.{shell}")
            ?? throw new InvalidOperationException($"no completion script for {shell}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
