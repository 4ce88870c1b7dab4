using System.CommandLine;
using Dossier.Cli.Commands;
using Dossier.Store;

namespace Dossier.Cli.Syntax;

/// <summary>
/// The commands against the query service (default <see cref="Servers.Query"/>): <c>search</c>, <c>facts</c>,
/// <c>events</c>, <c>entity</c>, <c>timeline</c>, <c>export</c>.
/// </summary>
public static class ReadCommands
{
    public static Command Search(CliContext context)
    {
        var text = new Argument<string[]>("TEXT")
        {
            Description = "Words to find; \"quoted phrases\" and a trailing * (prefix) are understood",
            Arity = ArgumentArity.OneOrMore,
        };
        var collapse = new Option<bool>("--collapse") { Description = "One article per cluster of near-duplicates (the same story from other outlets)" };
        var json = SharedOptions.Json();
        var command = new Command("search", "Full-text search over indexed articles") { text, collapse, json };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.SetAction((result, cancellationToken) => QueryCommands.SearchAsync(
            new SearchOptions(result.GetRequiredValue(text), result.GetValue(collapse), result.GetValue(json), server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Facts(CliContext context)
    {
        var id = new Argument<string>("DOC_ID") { Description = "The article's document id" };
        var json = new Option<bool>("--json") { Description = "Print the FORMAT.md JSON instead of a table" };
        var command = new Command("facts", "The facts of one article, each with its evidence") { id, json };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.SetAction((result, cancellationToken) => QueryCommands.FactsAsync(
            new FactsOptions(result.GetRequiredValue(id), result.GetValue(json), server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Events(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "One event (e.g. ev-4) with its attributes and sources", Arity = ArgumentArity.ZeroOrOne };
        var country = new Option<string>("--country") { Description = "Meetings in this country (ISO code, e.g. MA)", HelpName = "CC" };
        var format = new Option<string>("--format") { Description = "Meetings of this format (e.g. ministerial)", HelpName = "F" };
        var from = new Option<string>("--from") { Description = "Meetings from this date (YYYY, YYYY-MM or YYYY-MM-DD)", HelpName = "DATE" };
        var to = new Option<string>("--to") { Description = "Meetings up to this date", HelpName = "DATE" };
        var json = SharedOptions.Json();
        var command = new Command("events", "Meetings merged across articles") { id, country, format, from, to, json };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is not null && new[] { country, format, from, to }.FirstOrDefault(o => result.GetResult(o) is not null) is { } filter)
            {
                result.AddError($"{filter.Name} filters the list of events, not one event");
            }
        });
        command.SetAction((result, cancellationToken) => KnowledgeCommands.EventsAsync(
            new EventsOptions(
                result.GetValue(id), result.GetValue(country), result.GetValue(format), result.GetValue(from), result.GetValue(to), result.GetValue(json),
                server(result)),
            context.Out,
            cancellationToken));
        return command;
    }

    public static Command Entity(CliContext context)
    {
        var idOrPrefix = new Argument<string>("ID|PREFIX")
        {
            Description = "One entity by its id (e.g. person:antony-blinken), or the start of the names to list",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var kind = new Option<string>("--kind") { Description = "List entities of this kind", HelpName = string.Join('|', EntityKinds.All) }
            .AcceptOnlyFromAmong([.. EntityKinds.All]);
        var json = SharedOptions.Json();
        var command = new Command("entity", "Canonical entities (people, countries, organizations, places) across articles") { idOrPrefix, kind, json };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.SetAction((result, cancellationToken) => KnowledgeCommands.EntityAsync(
            new EntityOptions(result.GetValue(idOrPrefix), result.GetValue(kind), result.GetValue(json), server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Timeline(CliContext context)
    {
        var kind = new Argument<string>("KIND")
        {
            Description = "The claims to show: member_count or new_member",
            HelpName = "KIND",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "member_count",
        };
        kind.CompletionSources.Add("member_count", "new_member");
        var json = SharedOptions.Json();
        var command = new Command("timeline", "Claims over time (member counts), contradictions marked") { kind, json };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.SetAction((result, cancellationToken) => KnowledgeCommands.TimelineAsync(
            new TimelineOptions(result.GetRequiredValue(kind), result.GetValue(json), server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Export(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = "A folder for one FORMAT.md JSON file per article; with --jsonl, a file [default: stdout]",
            HelpName = "PATH",
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "JSON Lines: one article's facts per line" };
        var command = new Command("export", "Every article's facts as FORMAT.md JSON files or JSON Lines") { output, jsonl };
        var server = SharedOptions.AddServer(command, Servers.Query);
        command.SetAction((result, cancellationToken) => KnowledgeCommands.ExportAsync(
            new ExportOptions(result.GetValue(output), result.GetValue(jsonl), server(result)), context.Out, context.Error, context.Progress, cancellationToken));
        return command;
    }
}
