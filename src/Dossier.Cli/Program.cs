using Dossier.Cli;
using Dossier.Cli.Commands;
using Grpc.Core;

var flags = new HashSet<string>(StringComparer.Ordinal) { "json", "jsonl", "verbose", "help", "no-wait", "collapse" };
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Out.Write(Usage.Text);
    return 0;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

try
{
    var rest = new Args(args.Skip(1), flags);
    return args[0] switch
    {
        "extract" => ExtractCommand.Run(rest, Console.Out, Console.Error),
        "evaluate" => EvaluateCommand.Run(rest, Console.Out, Console.Error),
        "annotate" => AnnotateCommand.Run(rest, Console.Out),
        "ingest" => await IngestCommand.RunAsync(rest, Console.Out, Console.Error, cts.Token),
        "reextract" => await IngestCommand.ReextractAsync(rest, Console.Out, Console.Error, cts.Token),
        "queue" => await IngestCommand.QueueAsync(rest, Console.Out, cts.Token),
        "failed" => await IngestCommand.FailedAsync(rest, Console.Out, cts.Token),
        "retry" => await IngestCommand.RetryAsync(rest, Console.Out, cts.Token),
        "delete" => await IngestCommand.DeleteAsync(rest, Console.Out, cts.Token),
        "feeds" => await FeedCommands.RunAsync(rest, Console.Out, cts.Token),
        "search" => await QueryCommands.SearchAsync(rest, Console.Out, cts.Token),
        "facts" => await QueryCommands.FactsAsync(rest, Console.Out, cts.Token),
        "events" => await KnowledgeCommands.EventsAsync(rest, Console.Out, cts.Token),
        "entity" => await KnowledgeCommands.EntityAsync(rest, Console.Out, cts.Token),
        "timeline" => await KnowledgeCommands.TimelineAsync(rest, Console.Out, cts.Token),
        "export" => await KnowledgeCommands.ExportAsync(rest, Console.Out, Console.Error, cts.Token),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"dossier: {e.Message}");
    Console.Error.Write(Usage.Text);
    return 2;
}
catch (RpcException e)
{
    return QueryCommands.Fail(e, Console.Error);
}
