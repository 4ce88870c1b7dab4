using Dossier.Cli;
using Dossier.Cli.Commands;

var flags = new HashSet<string>(StringComparer.Ordinal) { "json", "help" };
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Out.Write(Usage.Text);
    return 0;
}

try
{
    var rest = new Args(args.Skip(1), flags);
    return args[0] switch
    {
        "extract" => ExtractCommand.Run(rest, Console.Out, Console.Error),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"dossier: {e.Message}");
    Console.Error.Write(Usage.Text);
    return 2;
}
