using System.Globalization;
using Dossier.Domain;
using Dossier.Pipeline;
using Dossier.Tests.Shared;
using Npgsql;

namespace Dossier.Store.Tests;

/// <summary>
/// Writers of one PostgreSQL knowledge store at once, as query replicas are (each its own store and connection pool):
/// real articles (the seeds and the pipeline's test articles, extracted by the pipeline: they share the coalition, its
/// members, officials and meetings) and three short reports of each one's facts, dealt out so that the writers merge
/// reports of the same meetings, people and organizations at the same moment while others replace the articles those
/// came from, must leave the store exactly as one writer does — compared row by row through a dump without the numbers
/// only the order of writes decides (event ids, first-seen sequence numbers). Without the per-event locks
/// (<c>WriteKeys</c>) it fails.
/// </summary>
[Collection(PostgresTestServer.Collection)]
public sealed class PostgresConcurrentWritersTests(PostgresTestServer server) : IDisposable
{
    private const int Writers = 4;

    private static readonly Lazy<IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)>> Corpus = new(Build);

    private readonly List<IDisposable> _owned = [];

    [SkippableFact]
    public async Task Index_OneWriterInReverseOrder_SameStore()
    {
        // The comparison below needs a corpus whose merging does not depend on the order of the articles.
        var forward = await SerialAsync(Corpus.Value);
        var backward = await SerialAsync(Corpus.Value.Reverse().ToList());

        Assert.Equal(forward, backward);
    }

    [SkippableFact]
    public async Task Index_FourWritersAtOnceWithOverlap_SameStoreAsOneWriter()
    {
        var expected = await SerialAsync(Corpus.Value);

        for (var round = 0; round < 3; round++)
        {
            var schema = Own(server.CreateSchema());
            var stores = Enumerable.Range(0, Writers).Select(_ => Own(PostgresKnowledgeStore.Open(schema.ConnectionString))).ToArray();

            // The entities and events exist first (writers of new ones wait for each other on the new rows themselves):
            // then the writers race on merging into them.
            await stores[0].IndexManyAsync(Corpus.Value.Where(a => !a.Article.Id.Contains("-report-", StringComparison.Ordinal)).ToList());
            await Parallel.ForAsync(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (w, ct) =>
            {
                // The reports dealt out in turn, each real article indexed again by one writer, in an order of each writer's
                // own, in batches of one to four.
                var random = new Random(round * Writers + w);
                var mine = Corpus.Value.Where((_, i) => i % Writers == w).OrderBy(_ => random.Next()).ToList();
                for (var i = 0; i < mine.Count;)
                {
                    var batch = mine.Skip(i).Take(1 + random.Next(4)).ToList();
                    await stores[w].IndexManyAsync(batch, ct);
                    i += batch.Count;
                }
            });

            Assert.Equal(expected, Dump(schema.ConnectionString));
        }
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }

    private async Task<List<string>> SerialAsync(IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)> articles)
    {
        var schema = Own(server.CreateSchema());
        var store = Own(PostgresKnowledgeStore.Open(schema.ConnectionString));
        foreach (var article in articles)
        {
            await store.IndexAsync(article.Article, article.Facts);
        }

        return Dump(schema.ConnectionString);
    }

    /// <summary>Every row of the knowledge, events named by their sources rather than their ids.</summary>
    private static List<string> Dump(string connectionString)
    {
        const string eventSources = "(SELECT string_agg(s.document_id || '@' || s.span_start, ',' ORDER BY s.document_id, s.span_start) FROM event_sources s WHERE s.event_id = {0})";
        string[] queries =
        [
            "SELECT 'entity', id, kind, name, country, surname, mention_count, document_count FROM entities",
            "SELECT 'alias', entity_id, alias, alias_key, document_count FROM entity_aliases",
            "SELECT 'alias_index', alias_key, entity_id FROM alias_index",
            "SELECT 'mention', entity_id, document_id, published, mention_count, name, aliases, spans, counted FROM entity_documents",
            "SELECT 'title', entity_id, title, document_id FROM entity_titles",
            "SELECT 'document', id, cluster_id, relevant, fact_counts, published FROM documents",
            "SELECT 'near_dup', document_id, cluster_id FROM near_dup_signatures",
            "SELECT 'search', document_id FROM documents_search",
            "SELECT 'event', " + string.Format(CultureInfo.InvariantCulture, eventSources, "v.id") + ", format, country, city, city_key, date, sort_date, status, source_count FROM events v",
            "SELECT 'event_source', " + string.Format(CultureInfo.InvariantCulture, eventSources, "s0.event_id") + ", document_id, format, status, date, city, country, hosts, participants, span_start, span_end FROM event_sources s0",
            "SELECT 'event_entity', " + string.Format(CultureInfo.InvariantCulture, eventSources, "ee.event_id") + ", entity_id, role, document_id, sort_date FROM event_entities ee",
            "SELECT 'claim', kind, document_id, value, qualifier, as_of, effective, member, ordinal, span_start, span_end, evidence FROM claims",
        ];

        var rows = new List<string>();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var sql in queries)
        {
            using var command = new NpgsqlCommand(sql, connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>
    /// The real articles whose merging does not depend on order, which one writer's does in two cases (the test above
    /// fails with them): near-duplicates (a cluster is led by its first-seen member; none of these articles is one) and
    /// a meeting on a day without a year (it joins that day's event of a year only when that event came first).
    /// </summary>
    private static IReadOnlyList<(ArticleInfo Article, DocumentFacts Facts)> Build()
    {
        var files = Directory.EnumerateFiles(RepoRoot.Seeds, "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "tests", "Dossier.Pipeline.Tests", "Articles"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var texts = files.Select(f => (Id: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToList();
        var pipeline = ExtractionPipeline.CreateDefault();
        var real = texts.Select(t =>
        {
            var facts = pipeline.Extract(new ExtractionRequest(t.Id, t.Text, null)).Facts;
            return (Article: new ArticleInfo { Id = t.Id, Text = t.Text, Title = "Article " + t.Id, Published = facts.Published }, Facts: facts);
        }).Where(a => !a.Facts.Meetings.Any(m => m.Date?.StartsWith("--", StringComparison.Ordinal) == true)).ToList();

        // Three more reports of each article's facts, in a text too short to be compared as a near-duplicate, as other
        // outlets report the same meetings, people and organizations: writers merge them at the same time.
        return real.Concat(real.SelectMany(a => Enumerable.Range(1, 3).Select(k =>
        {
            var id = $"{a.Article.Id}-report-{k}";
            return (Article: a.Article with { Id = id, Text = $"Report {k} of {a.Article.Id}.", Title = "Report " + id }, Facts: a.Facts with { Doc = id });
        }))).ToList();
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
