using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dossier.Store;

/// <summary>Where an article is in its way through Dossier.</summary>
public enum ArticleStatus
{
    Accepted = 1,
    Extracted = 2,
    Indexed = 3,
    Failed = 4,
}

/// <summary>An article as ingestion keeps it.</summary>
public sealed record StoredArticle
{
    public required string Id { get; init; }
    public required string ContentHash { get; init; }
    public required string Text { get; init; }
    public string Title { get; init; } = "";
    public string Source { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Published { get; init; }
    public string ContentType { get; init; } = "text/plain";
    public ArticleStatus Status { get; init; } = ArticleStatus.Accepted;
    public string? Error { get; init; }
    public string TraceId { get; init; } = "";
    public int FactCount { get; init; }
    public DateTimeOffset IngestedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The outcome of <see cref="IArticleStore.Add"/>.</summary>
/// <param name="Article">The stored article: the new one, or the one already there.</param>
/// <param name="Duplicate">True when nothing new was stored.</param>
public sealed record AddResult(StoredArticle Article, bool Duplicate);

/// <summary>The articles ingestion has accepted, and where each one is.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Stores the article unless the same content (or the same id with the same content) is already there.
    /// Throws <see cref="ArticleConflictException"/> when the id is taken by different content.
    /// </summary>
    AddResult Add(StoredArticle article);

    StoredArticle? Get(string id);

    /// <summary>Records progress: status, error, facts found, trace, and the text of record or date when extraction settled them.</summary>
    void Update(string id, ArticleStatus status, string? error = null, int? factCount = null, string? text = null, string? published = null, string? traceId = null);

    /// <summary>The ids of every stored article, in ingest order.</summary>
    IReadOnlyList<string> Ids();

    IReadOnlyList<StoredArticle> List(ArticleStatus? status, int limit);
}

public sealed class ArticleConflictException(string id)
    : Exception($"document id '{id}' is already used by different content");

/// <summary><see cref="IArticleStore"/> on an embedded SQLite database.</summary>
public sealed class SqliteArticleStore(SqliteDatabase database) : IArticleStore
{
    public const string Schema = "Ingestion";

    public static SqliteArticleStore Open(string path) => new(new SqliteDatabase(path, Schema));

    public AddResult Add(StoredArticle article)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var existing = Find(connection, tx, "content_hash = $v", article.ContentHash) ?? Find(connection, tx, "id = $v", article.Id);
        if (existing is not null)
        {
            if (existing.ContentHash != article.ContentHash)
            {
                throw new ArticleConflictException(article.Id);
            }

            return new AddResult(existing, Duplicate: true);
        }

        var now = DateTimeOffset.UtcNow;
        var stored = article with { IngestedAt = now, UpdatedAt = now };
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO documents (id, content_hash, text, title, source, url, published, content_type, status, error, trace_id, fact_count, ingested_at, updated_at)
            VALUES ($id, $hash, $text, $title, $source, $url, $published, $contentType, $status, $error, $traceId, $factCount, $now, $now);
            """;
        insert.Parameters.AddWithValue("$id", stored.Id);
        insert.Parameters.AddWithValue("$hash", stored.ContentHash);
        insert.Parameters.AddWithValue("$text", stored.Text);
        insert.Parameters.AddWithValue("$title", stored.Title);
        insert.Parameters.AddWithValue("$source", stored.Source);
        insert.Parameters.AddWithValue("$url", stored.Url);
        insert.Parameters.AddWithValue("$published", (object?)stored.Published ?? DBNull.Value);
        insert.Parameters.AddWithValue("$contentType", stored.ContentType);
        insert.Parameters.AddWithValue("$status", (int)stored.Status);
        insert.Parameters.AddWithValue("$error", (object?)stored.Error ?? DBNull.Value);
        insert.Parameters.AddWithValue("$traceId", stored.TraceId);
        insert.Parameters.AddWithValue("$factCount", stored.FactCount);
        insert.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
        tx.Commit();
        return new AddResult(stored, Duplicate: false);
    }

    public StoredArticle? Get(string id)
    {
        using var connection = database.Open();
        return Find(connection, null, "id = $v", id);
    }

    public void Update(string id, ArticleStatus status, string? error = null, int? factCount = null, string? text = null, string? published = null, string? traceId = null)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE documents SET status = $status, error = $error,
                fact_count = COALESCE($factCount, fact_count),
                text = COALESCE($text, text),
                published = COALESCE(published, $published),
                trace_id = COALESCE($traceId, trace_id),
                updated_at = $now
            WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$status", (int)status);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$factCount", (object?)factCount ?? DBNull.Value);
        command.Parameters.AddWithValue("$text", (object?)text ?? DBNull.Value);
        command.Parameters.AddWithValue("$published", (object?)published ?? DBNull.Value);
        command.Parameters.AddWithValue("$traceId", (object?)traceId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        if (command.ExecuteNonQuery() == 0)
        {
            throw new KeyNotFoundException($"document '{id}' not found");
        }
    }

    public IReadOnlyList<string> Ids()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents ORDER BY ingested_at, id;";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public IReadOnlyList<StoredArticle> List(ArticleStatus? status, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM documents WHERE ($status IS NULL OR status = $status) ORDER BY ingested_at, id LIMIT $limit;";
        command.Parameters.AddWithValue("$status", status is null ? DBNull.Value : (int)status);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<StoredArticle>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private const string Columns = "id, content_hash, text, title, source, url, published, content_type, status, error, trace_id, fact_count, ingested_at, updated_at";

    private static StoredArticle? Find(SqliteConnection connection, SqliteTransaction? tx, string where, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT {Columns} FROM documents WHERE {where};";
        command.Parameters.AddWithValue("$v", value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static StoredArticle Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        ContentHash = r.GetString(1),
        Text = r.GetString(2),
        Title = r.GetString(3),
        Source = r.GetString(4),
        Url = r.GetString(5),
        Published = r.IsDBNull(6) ? null : r.GetString(6),
        ContentType = r.GetString(7),
        Status = (ArticleStatus)r.GetInt32(8),
        Error = r.IsDBNull(9) ? null : r.GetString(9),
        TraceId = r.GetString(10),
        FactCount = r.GetInt32(11),
        IngestedAt = DateTimeOffset.Parse(r.GetString(12), CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture),
    };
}
