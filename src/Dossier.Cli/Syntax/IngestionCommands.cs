using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Syntax;

/// <summary>
/// The commands against ingestion (default <see cref="Servers.Ingestion"/>): <c>ingest</c>, <c>reextract</c>, the
/// queue's <c>queue</c>, <c>failed</c>, <c>retry</c>, <c>delete</c>, and <c>feeds</c>.
/// </summary>
public static class IngestionCommands
{
    public static Command Ingest(CliContext context)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of *.txt (plain text) and *.html files; the file's stem is the document id", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string>("--url") { Description = "Have ingestion fetch this web page (http/https, no private addresses) and ingest it", HelpName = "URL" };
        var title = new Option<string>("--title") { Description = "With --url: the article's title (over the page's)", HelpName = "T" };
        var source = new Option<string>("--source") { Description = "With --url: the article's source", HelpName = "S" };
        var published = new Option<string>("--published") { Description = "With --url: the publication date", HelpName = "YYYY-MM-DD" };
        var id = new Option<string>("--id") { Description = "With --url: the document id", HelpName = "ID" };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once stored, without following the articles until indexed or failed" };
        var command = new Command("ingest", "Send a folder of articles (or a web page, --url) to ingestion and follow them until indexed or failed")
        {
            folder, url, title, source, published, id, noWait,
        };
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.Validators.Add(result =>
        {
            var hasFolder = result.GetValue(folder) is not null;
            var hasUrl = result.GetValue(url) is not null;
            if (hasFolder == hasUrl)
            {
                result.AddError(hasUrl ? "ingest takes a folder or --url URL, not both" : "ingest needs a folder (or --url URL)");
            }
            else if (!hasUrl && new[] { title, source, published, id }.FirstOrDefault(o => result.GetResult(o) is not null) is { } alone)
            {
                result.AddError($"{alone.Name} goes with --url");
            }
        });
        command.SetAction((result, cancellationToken) => IngestCommand.RunAsync(
            new IngestOptions(
                result.GetValue(folder), result.GetValue(url), result.GetValue(title), result.GetValue(source), result.GetValue(published),
                result.GetValue(id), result.GetValue(noWait), server(result)),
            context.Out,
            context.Error,
            context.Progress,
            cancellationToken));
        return command;
    }

    public static Command Reextract(CliContext context)
    {
        var ids = Ids("The articles to re-extract [default: all]", ArgumentArity.ZeroOrMore);
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the articles are queued; the queue re-extracts them (see: dossier queue)" };
        var command = new Command("reextract", "Queue stored articles for the current extractor again and follow them until each is settled") { ids, noWait };
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) => IngestCommand.ReextractAsync(
            new ReextractOptions(result.GetValue(ids) ?? [], result.GetValue(noWait), server(result)), context.Out, context.Error, context.Progress, cancellationToken));
        return command;
    }

    public static Command Queue(CliContext context)
    {
        var command = new Command("queue", "The ingestion queue: pending, indexed, failed, workers, pause");
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) => IngestCommand.QueueAsync(server(result), context.Out, cancellationToken));
        return command;
    }

    public static Command Failed(CliContext context)
    {
        var command = new Command("failed", "Articles parked after their last attempt, with their errors");
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) => IngestCommand.FailedAsync(server(result), context.Out, cancellationToken));
        return command;
    }

    public static Command Retry(CliContext context)
    {
        var ids = Ids("The failed articles to queue again [default: all]", ArgumentArity.ZeroOrMore);
        var command = new Command("retry", "Queue failed articles again") { ids };
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) => IngestCommand.RetryAsync(
            new DocumentIdsOptions(result.GetValue(ids) ?? [], server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Delete(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The article to delete" };
        var command = new Command("delete", "Delete an article and its facts") { id };
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) => IngestCommand.DeleteAsync(
            new DocumentIdsOptions([result.GetRequiredValue(id)], server(result)), context.Out, cancellationToken));
        return command;
    }

    public static Command Feeds(CliContext context)
    {
        var feedUrl = new Argument<string>("URL") { Description = "An RSS 2.0 or Atom feed" };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls [default: ingestion's, 900]", HelpName = "S" }
            .AtLeastOne("--interval takes seconds, a whole number from 1, not '{value}'");
        var addJson = SharedOptions.Json();
        var add = new Command("add", "Subscribe to a feed: polled at once, then every --interval seconds; its new items' pages are fetched and ingested")
        {
            feedUrl, interval, addJson,
        };
        var addServer = SharedOptions.AddServer(add, Servers.Ingestion);
        add.SetAction((result, cancellationToken) => FeedCommands.AddAsync(
            result.GetRequiredValue(feedUrl), result.GetValue(interval), result.GetValue(addJson), addServer(result), context.Out, cancellationToken));

        var listJson = SharedOptions.Json();
        var list = new Command("list", "Subscriptions: last poll, next poll, items found (ingested), last error") { listJson };
        var listServer = SharedOptions.AddServer(list, Servers.Ingestion);
        list.SetAction((result, cancellationToken) => FeedCommands.ListAsync(result.GetValue(listJson), listServer(result), context.Out, cancellationToken));

        return new Command("feeds", "Ingestion's RSS / Atom feed subscriptions")
        {
            add,
            list,
            FeedById("remove", "End a subscription (its articles stay)", FeedCommands.RemoveAsync, context),
            FeedById("poll", "Poll a feed now and show what it found", FeedCommands.PollAsync, context),
        };
    }

    private static Command FeedById(
        string name, string description, Func<string, bool, ServerOptions, TextWriter, CancellationToken, Task<int>> run, CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The subscription's id (feeds list)" };
        var json = SharedOptions.Json();
        var command = new Command(name, description) { id, json };
        var server = SharedOptions.AddServer(command, Servers.Ingestion);
        command.SetAction((result, cancellationToken) =>
            run(result.GetRequiredValue(id), result.GetValue(json), server(result), context.Out, cancellationToken));
        return command;
    }

    private static Argument<string[]> Ids(string description, ArgumentArity arity) =>
        new("ID") { Description = description, Arity = arity };
}
