using System.Globalization;
using Dossier.Domain;
using Microsoft.Data.Sqlite;

namespace Dossier.Store;

/// <summary>The article metadata the knowledge store keeps beside its facts.</summary>
public sealed record ArticleInfo
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string Title { get; init; } = "";
    public string? Published { get; init; }
    public string Source { get; init; } = "";
    public string Url { get; init; } = "";
    public string TraceId { get; init; } = "";
}

/// <summary>How many facts of each kind an article has.</summary>
public sealed record FactCounts(
    int Countries, int People, int Organizations, int Meetings, int MemberCounts,
    int NewMembers, int Money, int Quotes, int AttackStats)
{
    public int Total => Countries + People + Organizations + Meetings + MemberCounts + NewMembers + Money + Quotes + AttackStats;

    public static FactCounts Of(DocumentFacts f) => new(
        f.Countries.Count, f.People.Count, f.Organizations.Count, f.Meetings.Count, f.MemberCounts.Count,
        f.NewMembers.Count, f.Money.Count, f.Quotes.Count, f.AttackStats.Count);
}

/// <summary>An indexed article as lists show it.</summary>
public sealed record ArticleSummary(
    string Id, string Title, string? Published, string Source, string Url, bool Relevant,
    FactCounts Counts, string TraceId, DateTimeOffset IndexedAt, string ExtractorVersion, string Preview);

/// <summary>An indexed article with its text and facts.</summary>
public sealed record IndexedArticle(ArticleSummary Summary, string Text, DocumentFacts Facts);

/// <summary>A search result: the article, a fragment with the matches marked, and its BM25 score (higher is better).</summary>
public sealed record SearchHit(ArticleSummary Article, string Snippet, double Score);

/// <summary>One page of results and the offset of the next page, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? NextOffset, int Total);

/// <summary>A query the full-text engine cannot take: the caller's mistake.</summary>
public sealed class InvalidQueryException(string message) : Exception(message);

/// <summary>What query knows: indexed articles and their facts.</summary>
public interface IKnowledgeStore
{
    /// <summary>Stores the article's facts, replacing earlier ones. Returns true when it replaced.</summary>
    bool Index(ArticleInfo article, DocumentFacts facts);

    Page<ArticleSummary> List(int offset, int limit);

    IndexedArticle? Get(string id);

    Page<SearchHit> Search(string query, int offset, int limit);
}

/// <summary><see cref="IKnowledgeStore"/> on an embedded SQLite database with FTS5 (BM25 ranking).</summary>
public sealed class SqliteKnowledgeStore(SqliteDatabase database) : IKnowledgeStore
{
    public const string Schema = "Knowledge";

    public static SqliteKnowledgeStore Open(string path) => new(new SqliteDatabase(path, Schema));

    public bool Index(ArticleInfo article, DocumentFacts facts)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var replaced = Delete(connection, tx, article.Id);

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO documents (id, title, published, source, url, text, trace_id, relevant, extractor_version, facts_json, fact_counts, indexed_at)
                VALUES ($id, $title, $published, $source, $url, $text, $traceId, $relevant, $version, $facts, $counts, $now);
                INSERT INTO documents_fts (document_id, title, text) VALUES ($id, $title, $text);
                """;
            insert.Parameters.AddWithValue("$id", article.Id);
            insert.Parameters.AddWithValue("$title", article.Title);
            insert.Parameters.AddWithValue("$published", (object?)(article.Published ?? facts.Published) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$source", article.Source);
            insert.Parameters.AddWithValue("$url", article.Url);
            insert.Parameters.AddWithValue("$text", article.Text);
            insert.Parameters.AddWithValue("$traceId", article.TraceId);
            insert.Parameters.AddWithValue("$relevant", facts.Relevant ? 1 : 0);
            insert.Parameters.AddWithValue("$version", facts.ExtractorVersion);
            insert.Parameters.AddWithValue("$facts", FactsJson.Serialize(facts, indented: false));
            insert.Parameters.AddWithValue("$counts", string.Join(',', CountsArray(FactCounts.Of(facts))));
            insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        InsertMentions(connection, tx, article.Id, facts);
        tx.Commit();
        return replaced;
    }

    public Page<ArticleSummary> List(int offset, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SummaryColumns} FROM documents d
            ORDER BY COALESCE(d.published, '') DESC, d.indexed_at DESC, d.id LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM documents;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        using var reader = command.ExecuteReader();
        var items = new List<ArticleSummary>();
        while (reader.Read())
        {
            items.Add(ReadSummary(reader, 0));
        }

        reader.NextResult();
        reader.Read();
        var total = reader.GetInt32(0);
        return new Page<ArticleSummary>(items, offset + items.Count < total ? offset + items.Count : null, total);
    }

    public IndexedArticle? Get(string id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns}, d.text, d.facts_json FROM documents d WHERE d.id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var summary = ReadSummary(reader, 0);
        return new IndexedArticle(summary, reader.GetString(SummaryColumnCount), FactsJson.Deserialize(reader.GetString(SummaryColumnCount + 1)));
    }

    public Page<SearchHit> Search(string query, int offset, int limit)
    {
        var match = FullTextQuery.ToFts5(query);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SummaryColumns}, snippet(documents_fts, 2, '[', ']', '…', 16), bm25(documents_fts, 0.0, 4.0, 1.0) AS rank
            FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id
            WHERE documents_fts MATCH $match
            ORDER BY rank LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH $match;
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        try
        {
            using var reader = command.ExecuteReader();
            var hits = new List<SearchHit>();
            while (reader.Read())
            {
                hits.Add(new SearchHit(ReadSummary(reader, 0), reader.GetString(SummaryColumnCount), -reader.GetDouble(SummaryColumnCount + 1)));
            }

            reader.NextResult();
            reader.Read();
            var total = reader.GetInt32(0);
            return new Page<SearchHit>(hits, offset + hits.Count < total ? offset + hits.Count : null, total);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // SQLITE_ERROR from MATCH: a query FTS5 cannot parse.
            throw new InvalidQueryException($"cannot search for '{query}': {e.Message}");
        }
    }

    private const string SummaryColumns =
        "d.id, d.title, d.published, d.source, d.url, d.relevant, d.fact_counts, d.trace_id, d.indexed_at, d.extractor_version, substr(d.text, 1, 240)";

    private const int SummaryColumnCount = 11;

    private static ArticleSummary ReadSummary(SqliteDataReader r, int i)
    {
        var counts = r.GetString(i + 6).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new ArticleSummary(
            Id: r.GetString(i),
            Title: r.GetString(i + 1),
            Published: r.IsDBNull(i + 2) ? null : r.GetString(i + 2),
            Source: r.GetString(i + 3),
            Url: r.GetString(i + 4),
            Relevant: r.GetInt32(i + 5) != 0,
            Counts: new FactCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8]),
            TraceId: r.GetString(i + 7),
            IndexedAt: DateTimeOffset.Parse(r.GetString(i + 8), CultureInfo.InvariantCulture),
            ExtractorVersion: r.GetString(i + 9),
            Preview: r.GetString(i + 10));
    }

    private static int[] CountsArray(FactCounts c) =>
        [c.Countries, c.People, c.Organizations, c.Meetings, c.MemberCounts, c.NewMembers, c.Money, c.Quotes, c.AttackStats];

    private static bool Delete(SqliteConnection connection, SqliteTransaction tx, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            DELETE FROM documents_fts WHERE document_id = $id;
            DELETE FROM mentions WHERE document_id = $id;
            DELETE FROM documents WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    private static void InsertMentions(SqliteConnection connection, SqliteTransaction tx, string id, DocumentFacts facts)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO mentions (document_id, kind, value, span_start, span_end) VALUES ($id, $kind, $value, $start, $end);";
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Text);
        var start = command.Parameters.Add("$start", SqliteType.Integer);
        var end = command.Parameters.Add("$end", SqliteType.Integer);
        command.Parameters.AddWithValue("$id", id);
        command.Prepare();
        foreach (var (k, v, span) in Mentions(facts))
        {
            kind.Value = k;
            value.Value = v;
            start.Value = span.Start;
            end.Value = span.End;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Every (kind, value, span) of an article's facts.</summary>
    public static IEnumerable<(string Kind, string Value, TextSpan Span)> Mentions(DocumentFacts facts)
    {
        foreach (var c in facts.Countries)
        {
            foreach (var s in c.Spans)
            {
                yield return ("country", c.Code, s);
            }
        }

        foreach (var p in facts.People)
        {
            foreach (var s in p.Spans)
            {
                yield return ("person", p.Name, s);
            }
        }

        foreach (var o in facts.Organizations)
        {
            foreach (var s in o.Spans)
            {
                yield return ("organization", o.Name, s);
            }
        }

        foreach (var m in facts.Meetings)
        {
            yield return ("meeting", m.Format, m.Span);
        }

        foreach (var m in facts.MemberCounts)
        {
            yield return ("member_count", m.Count.ToString(CultureInfo.InvariantCulture), m.Span);
        }

        foreach (var m in facts.NewMembers)
        {
            yield return ("new_member", m.Member, m.Span);
        }

        foreach (var m in facts.Money)
        {
            yield return ("money", m.AmountUsd?.ToString(CultureInfo.InvariantCulture) ?? "", m.Span);
        }

        foreach (var q in facts.Quotes)
        {
            yield return ("quote", q.Speaker ?? q.SpeakerDescription ?? "", q.Span);
        }

        foreach (var a in facts.AttackStats)
        {
            yield return ("attack_stat", a.Count.ToString(CultureInfo.InvariantCulture), a.Span);
        }
    }
}
