using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Dossier.Cli.Commands;
using Grpc.Core;

namespace Dossier.Cli.Syntax;

/// <summary>
/// The <c>dossier</c> command line, declared with System.CommandLine: every command, option and argument, with help
/// (<c>--help</c> on each command), <c>--version</c> and completions (<c>[suggest]</c>, <c>dossier completion bash</c>).
/// Exit codes: 0 done; 1 the work failed (an article failed, a service answered an error); 2 a usage error (an unknown
/// command or option — with the nearest spelling —, a bad or missing value, and <c>INVALID_ARGUMENT</c> /
/// <c>NOT_FOUND</c> from a service); 130 interrupted.
/// </summary>
public static class DossierCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "Dossier's command line: extract and evaluate facts offline; ingest, search and read facts from a running system. " +
            "Writes send the API key (--api-key, else DOSSIER_API_KEY, else the app host's key file in the data folder).")
        {
            OfflineCommands.Extract(context),
            OfflineCommands.Evaluate(context),
            OfflineCommands.Annotate(context),
            IngestionCommands.Ingest(context),
            IngestionCommands.Feeds(context),
            IngestionCommands.Queue(context),
            IngestionCommands.Failed(context),
            IngestionCommands.Retry(context),
            IngestionCommands.Delete(context),
            IngestionCommands.Reextract(context),
            ReadCommands.Search(context),
            ReadCommands.Facts(context),
            ReadCommands.Events(context),
            ReadCommands.Entity(context),
            ReadCommands.Timeline(context),
            ReadCommands.Export(context),
            CompletionCommand.Create(context),
        };
        root.Subcommands.Add(Help(context));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion(context.Out);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parsed = root.Parse(args.Count == 0 ? ["--help"] : args);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        var unknown = UnknownOptions.Find(parsed);
        if (unknown.Count > 0)
        {
            foreach (var message in unknown)
            {
                context.Error.WriteLine(message);
            }

            context.Error.WriteLine($"See '{Path(parsed.CommandResult.Command)} --help'.");
            return UsageError;
        }

        if (parsed.Errors.Count > 0)
        {
            return ParseFailed(parsed, context);
        }

        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"dossier: {e.Message}");
            context.Error.WriteLine($"See '{Path(parsed.CommandResult.Command)} --help'.");
            return UsageError;
        }
        catch (RpcException e)
        {
            return QueryCommands.Fail(e, context.Error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("dossier: interrupted");
            return 130;
        }
    }

    /// <summary>The parse errors and spelling suggestions on stderr (never stdout), a pointer to the command's help, exit 2.</summary>
    private static int ParseFailed(ParseResult parsed, CliContext context)
    {
        if (parsed.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
            action.ShowTypoCorrections = true;
            parsed.Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        else
        {
            // Another action (--version) would run despite the errors: report them instead.
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine(error.Message);
            }
        }

        context.Error.WriteLine($"See '{Path(parsed.CommandResult.Command)} --help'.");
        return UsageError;
    }

    /// <summary><c>dossier help [COMMAND ...]</c>: the same as <c>dossier [COMMAND ...] --help</c>.</summary>
    private static Command Help(CliContext context)
    {
        var names = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show help for a command") { names };
        help.Hidden = true;
        help.SetAction((result, cancellationToken) => RunAsync([.. result.GetValue(names) ?? [], "--help"], context, cancellationToken));
        return help;
    }

    /// <summary><c>--version</c>: dossier's own informational version (System.CommandLine's shows the entry assembly's).</summary>
    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public static string Version { get; } =
            typeof(DossierCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(Version);
            return 0;
        }
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', ["dossier", .. names]);
    }
}
