using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Syntax;

/// <summary>The commands that need no running services: <c>extract</c>, <c>evaluate</c>, <c>annotate</c>.</summary>
public static class OfflineCommands
{
    public static Command Extract(CliContext context)
    {
        var input = new Option<string>("--in") { Description = "The folder of *.txt articles", HelpName = "DIR", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write <stem>.json (FORMAT.md) into", HelpName = "DIR", Required = true };
        var threads = new Option<int>("--threads")
        {
            Description = "Articles extracted at once",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        }.AtLeastOne("--threads needs a whole number from 1, not '{value}'");
        var sources = Sources();
        var verbose = new Option<bool>("--verbose") { Description = "A line per article" };
        var command = new Command("extract", "Extract facts from every *.txt in a folder into <stem>.json files (FORMAT.md), offline")
        {
            input, output, threads, sources, verbose,
        };
        command.SetAction(result => ExtractCommand.Run(
            new ExtractOptions(result.GetRequiredValue(input), result.GetRequiredValue(output), result.GetValue(threads), result.GetValue(sources), result.GetValue(verbose)),
            context.Out,
            context.Error,
            context.Progress,
            context.Extractor));
        return command;
    }

    public static Command Evaluate(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "The folder of gold annotations (<stem>.json)", HelpName = "DIR", Required = true };
        var docs = new Option<string>("--docs") { Description = "The folder of the articles (<stem>.txt)", HelpName = "DIR", Required = true };
        var pred = new Option<string>("--pred") { Description = "Score these predictions (<stem>.json) instead of running the pipeline", HelpName = "DIR" };
        var sources = Sources();
        var jsonOut = new Option<string>("--json-out") { Description = "Also write score.py's --json report", HelpName = "FILE" };
        var rulesOut = new Option<string>("--rules-out")
        {
            Description = "Write each rule's precision (the facts' confidence: src/Dossier.Pipeline/Data/rule_precision.tsv)",
            HelpName = "FILE",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Every miss and false positive with its sentence" };
        var command = new Command("evaluate", "Precision, recall and F1 per fact kind against gold annotations (as score.py)")
        {
            gold, docs, pred, sources, jsonOut, rulesOut, verbose,
        };
        command.SetAction(result => EvaluateCommand.Run(
            new EvaluateOptions(
                result.GetRequiredValue(gold), result.GetRequiredValue(docs), result.GetValue(pred), result.GetValue(sources),
                result.GetValue(jsonOut), result.GetValue(rulesOut), result.GetValue(verbose)),
            context.Out,
            context.Error,
            context.Extractor));
        return command;
    }

    public static Command Annotate(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "One article (*.txt)" };
        var layers = new Option<string>("--layers")
        {
            Description = $"Comma-separated, of: {string.Join(", ", AnnotateCommand.AllLayers)}",
            HelpName = "LAYERS",
            DefaultValueFactory = _ => string.Join(',', AnnotateCommand.DefaultLayers),
        };
        layers.CompletionSources.Add(AnnotateCommand.AllLayers.ToArray());
        layers.Validators.Add(result =>
        {
            var unknown = Split(result.GetValueOrDefault<string>()).Except(AnnotateCommand.AllLayers, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                result.AddError($"unknown layer {string.Join(", ", unknown.Select(u => $"'{u}'"))}; --layers takes {string.Join(",", AnnotateCommand.AllLayers)}");
            }
        });
        var command = new Command("annotate", "What each pipeline layer found in one article (error analysis)") { file, layers };
        command.SetAction(result => AnnotateCommand.Run(
            new AnnotateOptions(result.GetRequiredValue(file), Split(result.GetValue(layers)).ToHashSet(StringComparer.Ordinal)), context.Out));
        return command;
    }

    private static Option<string> Sources() => new("--sources")
    {
        Description = "A TSV with 'file' and 'url' columns (e.g. sources.tsv) giving each article its url",
        HelpName = "FILE",
    };

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
