using Dossier.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Dossier.Cli.Commands;

/// <summary><c>search TEXT [--collapse] [--json]</c>.</summary>
public sealed record SearchOptions(IReadOnlyList<string> Text, bool Collapse, bool Json, ServerOptions Server);

/// <summary><c>facts DOC_ID [--json]</c>.</summary>
public sealed record FactsOptions(string Id, bool Json, ServerOptions Server);

/// <summary><c>search TEXT</c> and <c>facts DOC_ID</c> against a running query service; tables by default, <c>--json</c> for JSON.</summary>
public static class QueryCommands
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(true));

    public static async Task<int> SearchAsync(SearchOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var text = string.Join(' ', args.Text);
        if (text.Length == 0)
        {
            throw new UsageException("search needs the text to look for");
        }

        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        var response = await client.SearchAsync(new SearchRequest { Q = text, PageSize = 20, CollapseDuplicates = args.Collapse }, cancellationToken: cancellationToken);
        if (args.Json)
        {
            stdout.WriteLine(Json.Format(response));
            return 0;
        }

        var table = new Table("id", "published", "score", "title / snippet");
        foreach (var hit in response.Hits)
        {
            var title = hit.Document.Title.Length > 0 ? hit.Document.Title : hit.Document.Preview.Split('\n')[0];
            var cluster = hit.Document.ClusterSize > 1 ? $" [{hit.Document.ClusterSize} outlets]" : "";
            table.Add(hit.Document.Id, hit.Document.Published, hit.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), Shorten(title, 70) + cluster);
            table.Add("", "", "", Highlights.Line(hit, 70, stdout));
        }

        table.Write(stdout);
        stdout.WriteLine($"{response.Hits.Count} results");
        return 0;
    }

    public static async Task<int> FactsAsync(FactsOptions args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var id = args.Id;
        using var channel = Servers.Channel(args.Server, Servers.Query);
        var client = new QueryService.QueryServiceClient(channel);
        if (args.Json)
        {
            var body = await client.ExportDocumentFactsAsync(new GetDocumentFactsRequest { Id = id }, cancellationToken: cancellationToken);
            stdout.WriteLine(body.Data.ToStringUtf8());
            return 0;
        }

        var response = await client.GetDocumentFactsAsync(new GetDocumentFactsRequest { Id = id }, cancellationToken: cancellationToken);
        var facts = response.Facts.ToDomain();
        stdout.WriteLine($"{response.Summary.Id}  published {(response.Summary.Published.Length > 0 ? response.Summary.Published : "unknown")}  " +
            $"{(facts.Relevant ? "relevant" : "off-topic")}  extractor {facts.ExtractorVersion}  trace {response.Summary.TraceId}");
        var table = new Table("kind", "value", "evidence");
        foreach (var (kind, value, span) in Store.FactMentions.Of(facts).DistinctBy(m => (m.Kind, m.Value)))
        {
            table.Add(kind, Shorten(value, 40), span.IsValidFor(response.Text) ? Shorten(span.Slice(response.Text).ReplaceLineEndings(" "), 60) : "");
        }

        table.Write(stdout);
        return 0;
    }

    public static int Fail(RpcException e, TextWriter stderr)
    {
        stderr.WriteLine($"dossier: {e.StatusCode}: {e.Status.Detail}");
        return e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound ? 2 : 1;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>A plain text table with aligned columns.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter w)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        w.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
        foreach (var row in _rows)
        {
            w.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }
}
