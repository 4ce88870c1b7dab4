using Dossier.Cli.Progress;
using Dossier.Contracts.V1;
using Grpc.Core;
using Google.Protobuf;

namespace Dossier.Cli.Commands;

/// <summary><c>events [ID] [--country CC] [--format F] [--from D] [--to D] [--json]</c>.</summary>
public sealed record EventsOptions(string? Id, string? Country, string? Format, string? From, string? To, bool Json, ServerOptions Server);

/// <summary><c>entity [ID | NAME-PREFIX] [--kind K] [--json]</c>.</summary>
public sealed record EntityOptions(string? IdOrPrefix, string? Kind, bool Json, ServerOptions Server);

/// <summary><c>timeline [KIND] [--json]</c>.</summary>
public sealed record TimelineOptions(string Kind, bool Json, ServerOptions Server);

/// <summary><c>export [--out PATH] [--jsonl]</c>.</summary>
public sealed record ExportOptions(string? Out, bool Jsonl, ServerOptions Server);

/// <summary>
/// <c>events</c>, <c>entity</c>, <c>timeline</c> and <c>export</c> against a running query service: readable tables by
/// default, <c>--json</c> for the API's JSON.
/// </summary>
public static class KnowledgeCommands
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    /// <summary><c>events [--country CC] [--format F] [--from D] [--to D]</c>, or <c>events ID</c> for one event.</summary>
    public static async Task<int> EventsAsync(EventsOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        if (args.Id is { } id)
        {
            var e = await client.GetEventAsync(new GetEventRequest { Id = id }, cancellationToken: cancellationToken);
            if (args.Json)
            {
                stdout.WriteLine(Json.Format(e));
                return 0;
            }

            stdout.WriteLine($"{e.Summary.Id}  {e.Summary.Format}  {Place(e.Summary)}  {Or(e.Summary.Date)}  {e.Summary.Status}  {e.Summary.SourceCount} sources");
            var attributes = new Table("attribute", "value", "sources", "");
            foreach (var a in e.Attributes)
            {
                foreach (var v in a.Values)
                {
                    attributes.Add(a.Name, v.Value, string.Join(", ", v.DocumentIds), a.Conflict ? "CONFLICT" : "");
                }
            }

            attributes.Write(stdout);
            stdout.WriteLine();
            var sources = new Table("article", "published", "evidence");
            foreach (var s in e.Sources)
            {
                sources.Add(s.DocumentId, Or(s.Published), Shorten(s.Evidence, 90));
            }

            sources.Write(stdout);
            return 0;
        }

        var response = await client.ListEventsAsync(
            new ListEventsRequest
            {
                Country = args.Country ?? "", Format = args.Format ?? "", From = args.From ?? "", To = args.To ?? "",
                PageSize = 200,
            },
            cancellationToken: cancellationToken);
        if (args.Json)
        {
            stdout.WriteLine(Json.Format(response));
            return 0;
        }

        var table = new Table("id", "date", "format", "place", "status", "sources");
        foreach (var e in response.Events)
        {
            table.Add(e.Id, Or(e.Date), e.Format, Place(e), e.Status, e.SourceCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Write(stdout);
        stdout.WriteLine($"{response.TotalSize} events");
        return 0;
    }

    /// <summary><c>entity ID</c> for one entity, or <c>entity --kind K [NAME-PREFIX]</c> to list.</summary>
    public static async Task<int> EntityAsync(EntityOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        var first = args.IdOrPrefix;
        if (first is not null && first.Contains(':', StringComparison.Ordinal))
        {
            var entity = await client.GetEntityAsync(new GetEntityRequest { Id = first }, cancellationToken: cancellationToken);
            if (args.Json)
            {
                stdout.WriteLine(Json.Format(entity));
                return 0;
            }

            var s = entity.Summary;
            stdout.WriteLine($"{s.Name} ({s.Kind}{(s.Country.Length > 0 ? ", " + s.Country : "")})  {s.MentionCount} mentions in {s.DocumentCount} articles, first {Or(s.FirstSeen)}, last {Or(s.LastSeen)}");
            if (entity.Aliases.Count > 0)
            {
                stdout.WriteLine("aliases: " + string.Join("; ", entity.Aliases));
            }

            foreach (var t in entity.Titles)
            {
                stdout.WriteLine($"title: {t.Title} ({Or(t.Published)}, {t.DocumentId})");
            }

            var mentions = new Table("article", "published", "in context");
            foreach (var m in entity.Mentions)
            {
                mentions.Add(m.DocumentId, Or(m.Published), Shorten($"{m.Before}[{m.Text}]{m.After}".ReplaceLineEndings(" "), 100));
            }

            mentions.Write(stdout);
            if (entity.Related.Count > 0)
            {
                stdout.WriteLine("related: " + string.Join(", ", entity.Related.Select(r => $"{r.Name} ({r.SharedDocuments})")));
            }

            foreach (var e in entity.Events)
            {
                stdout.WriteLine($"event: {e.Id} {e.Format} {Place(e)} {Or(e.Date)}");
            }

            return 0;
        }

        var response = await client.ListEntitiesAsync(
            new ListEntitiesRequest { Kind = args.Kind ?? "", Q = first ?? "", PageSize = 200 }, cancellationToken: cancellationToken);
        if (args.Json)
        {
            stdout.WriteLine(Json.Format(response));
            return 0;
        }

        var table = new Table("id", "name", "kind", "mentions", "articles", "first seen", "last seen");
        foreach (var e in response.Entities)
        {
            table.Add(e.Id, e.Name, e.Kind, e.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.DocumentCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Or(e.FirstSeen), Or(e.LastSeen));
        }

        table.Write(stdout);
        stdout.WriteLine($"{response.TotalSize} entities");
        return 0;
    }

    /// <summary><c>timeline [KIND]</c>: claims over time (default member_count), contradictions marked.</summary>
    public static async Task<int> TimelineAsync(TimelineOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        var timeline = await client.GetClaimTimelineAsync(
            new GetClaimTimelineRequest { Kind = args.Kind }, cancellationToken: cancellationToken);
        if (args.Json)
        {
            stdout.WriteLine(Json.Format(timeline));
            return 0;
        }

        var table = new Table("id", "date", "claim", "article", "evidence", "contradicts");
        foreach (var c in timeline.Claims)
        {
            var claim = c.Kind == "new_member"
                ? $"{c.Member} joined" + (c.HasValue ? $" as #{c.Value}" : "")
                : $"{c.Qualifier} {(c.HasValue ? c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} members";
            table.Add(c.Id, Or(c.EffectiveDate), claim, c.DocumentId, Shorten(c.Evidence.ReplaceLineEndings(" "), 60), string.Join(",", c.ConflictsWith));
        }

        table.Write(stdout);
        stdout.WriteLine($"{timeline.Claims.Count} claims, {timeline.ConflictCount} in contradiction");
        return 0;
    }

    /// <summary><c>export [--out FILE] [--jsonl]</c>: every article's facts (FORMAT.md JSON, or JSON Lines).</summary>
    public static async Task<int> ExportAsync(
        ExportOptions args, TextWriter stdout, TextWriter stderr, ProgressFactory progressFactory, CancellationToken cancellationToken)
    {
        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        var jsonl = args.Jsonl;
        var outPath = args.Out;
        if (!jsonl && outPath is not null && !Directory.Exists(outPath))
        {
            Directory.CreateDirectory(outPath);
        }

        using var call = client.ExportFacts(new ExportFactsRequest { Format = jsonl ? "jsonl" : "json" }, cancellationToken: cancellationToken);
        using var file = jsonl && outPath is not null ? new StreamWriter(outPath) : null;
        var count = 0;
        using (var progress = progressFactory.Start("export", "articles"))
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                count++;
                if (!jsonl && outPath is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(outPath, chunk.DocumentId + ".json"), chunk.Content, cancellationToken);
                }
                else if (file is not null)
                {
                    await file.WriteAsync(chunk.Content);
                }
                else
                {
                    progress.Write(stdout, jsonl ? chunk.Content : chunk.Content + "\n");
                }

                progress.Report(count, null);
            }
        }

        stderr.WriteLine($"exported the facts of {count} articles" + (outPath is null ? "" : $" to {outPath}"));
        return 0;
    }

    private static string Place(EventSummary e) =>
        string.Join(", ", new[] { e.City, e.Country }.Where(x => x.Length > 0)) is { Length: > 0 } p ? p : "—";

    private static string Or(string s) => s.Length > 0 ? s : "—";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
