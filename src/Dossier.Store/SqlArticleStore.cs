using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// <see cref="IArticleStore"/> in portable SQL over one <c>articles</c> table; the engines differ only in how they open
/// connections and how a claim locks rows.
/// </summary>
public abstract class SqlArticleStore : IArticleStore
{
    private const string Columns =
        "id, content_hash, text, title, source, url, published, content_type, status, error, trace_id, fact_count, ingested_at, updated_at, attempts, next_attempt_at, reextract, extractor_version";

    /// <summary>How many ids one statement names at most (SQLite allows 32,766 parameters; PostgreSQL 65,535).</summary>
    private const int IdsPerStatement = 500;

    public abstract string Engine { get; }

    protected abstract DbConnection Open();

    /// <summary>What follows the claim's candidate query: PostgreSQL skips rows another replica is claiming.</summary>
    protected virtual string ClaimLock => "";

    public AddResult Add(StoredArticle article)
    {
        var now = DateTimeOffset.UtcNow;
        var stored = article with
        {
            Status = ArticleStatus.Accepted, IngestedAt = now, UpdatedAt = now, Attempts = 0, NextAttemptAt = now,
        };
        using var connection = Open();

        // One statement: of two concurrent adds of one content, the second waits for the first and then inserts nothing.
        var inserted = Db.Execute(connection, null, """
            INSERT INTO articles (id, content_hash, text, title, source, url, published, content_type, status, error, trace_id, fact_count, ingested_at, updated_at, attempts, next_attempt_at)
            VALUES (@id, @hash, @text, @title, @source, @url, @published, @contentType, @status, NULL, @traceId, 0, @now, @now, 0, @due)
            ON CONFLICT DO NOTHING
            """,
            ("@id", stored.Id), ("@hash", stored.ContentHash), ("@text", stored.Text), ("@title", stored.Title),
            ("@source", stored.Source), ("@url", stored.Url), ("@published", Typed.Text(stored.Published)),
            ("@contentType", stored.ContentType), ("@status", (int)stored.Status), ("@traceId", stored.TraceId),
            ("@now", Timestamp(now)), ("@due", now.ToUnixTimeMilliseconds()));
        if (inserted == 1)
        {
            return new AddResult(stored, Duplicate: false);
        }

        var existing = Find(connection, "content_hash = @v", stored.ContentHash);
        return existing is not null
            ? new AddResult(existing, Duplicate: true)
            : throw new ArticleConflictException(stored.Id);
    }

    public StoredArticle? Get(string id)
    {
        using var connection = Open();
        return Find(connection, "id = @v", id);
    }

    public void Update(string id, ArticleStatus status, string? error = null, int? factCount = null, string? text = null, string? published = null,
        string? traceId = null, string? title = null, string? source = null, string? url = null)
    {
        using var connection = Open();
        var updated = Db.Execute(connection, null, """
            UPDATE articles SET status = @status, error = @error,
                fact_count = COALESCE(@factCount, fact_count),
                text = COALESCE(@text, text),
                published = COALESCE(published, @published),
                trace_id = COALESCE(@traceId, trace_id),
                title = CASE WHEN title = '' THEN COALESCE(@title, title) ELSE title END,
                source = CASE WHEN source = '' THEN COALESCE(@source, source) ELSE source END,
                url = CASE WHEN url = '' THEN COALESCE(@url, url) ELSE url END,
                updated_at = @now
            WHERE id = @id
            """,
            ("@id", id), ("@status", (int)status), ("@error", Typed.Text(error)), ("@factCount", Typed.Int(factCount)),
            ("@text", Typed.Text(text)), ("@published", Typed.Text(published)), ("@traceId", Typed.Text(traceId)),
            ("@title", Typed.Text(title)), ("@source", Typed.Text(source)), ("@url", Typed.Text(url)),
            ("@now", Timestamp(DateTimeOffset.UtcNow)));
        if (updated == 0)
        {
            throw new KeyNotFoundException($"document '{id}' not found");
        }
    }

    public IReadOnlyList<StoredArticle> List(ArticleStatus? status, int limit, string? afterId = null)
    {
        using var connection = Open();
        return Db.Query(connection, null, $"""
            SELECT {Columns} FROM articles
            WHERE (@status IS NULL OR status = @status)
              AND (@after IS NULL OR (ingested_at, id) > (SELECT ingested_at, id FROM articles WHERE id = @after))
            ORDER BY ingested_at, id
            LIMIT @limit
            """,
            Read, ("@status", Typed.Int(status is null ? null : (int)status)), ("@after", Typed.Text(afterId)), ("@limit", limit));
    }

    public ArticleCounts Counts()
    {
        using var connection = Open();
        // Two halves, each answered from its partial index without reading an article.
        var counts = Db.Query(connection, null, """
            SELECT status, COUNT(*) FROM articles WHERE status IN (1, 2) GROUP BY status
            UNION ALL
            SELECT status, COUNT(*) FROM articles WHERE status IN (3, 4) GROUP BY status
            """, r => (Status: (ArticleStatus)r.Int(0), Count: r.Int(1)))
            .ToDictionary(c => c.Status, c => c.Count);
        var reextract = Db.Query(connection, null, "SELECT reextract, COUNT(*) FROM articles WHERE reextract > 0 GROUP BY reextract",
            r => (State: (ReextractState)r.Int(0), Count: r.Int(1)))
            .ToDictionary(c => c.State, c => c.Count);
        return new ArticleCounts(
            counts.GetValueOrDefault(ArticleStatus.Accepted), counts.GetValueOrDefault(ArticleStatus.Extracted),
            counts.GetValueOrDefault(ArticleStatus.Indexed), counts.GetValueOrDefault(ArticleStatus.Failed),
            reextract.GetValueOrDefault(ReextractState.Pending), reextract.GetValueOrDefault(ReextractState.Done),
            reextract.GetValueOrDefault(ReextractState.Failed));
    }

    public IReadOnlyList<StoredArticle> Claim(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        if (limit <= 0)
        {
            return [];
        }

        using var connection = Open();
        var nowMs = now.ToUnixTimeMilliseconds();
        return Db.Query(connection, null, $"""
            UPDATE articles SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM articles
                WHERE status IN (1, 2) AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY next_attempt_at, id
                LIMIT @limit
                {ClaimLock})
            RETURNING {Columns}
            """,
            Read, ("@owner", owner), ("@until", leaseUntil.ToUnixTimeMilliseconds()), ("@now", nowMs), ("@limit", limit))
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }

    public void Finish(string id, string owner, ArticleStatus status, string? error = null, string? extractorVersion = null)
    {
        using var connection = Open();
        var reextract = status == ArticleStatus.Indexed ? ReextractState.Done : ReextractState.Failed;
        Db.Execute(connection, null, """
            UPDATE articles SET status = @status, error = @error, lease_owner = NULL, lease_until = NULL, updated_at = @now,
                reextract = CASE WHEN reextract = 1 THEN @reextract ELSE reextract END,
                extractor_version = COALESCE(@version, extractor_version)
            WHERE id = @id AND lease_owner = @owner
            """,
            ("@id", id), ("@owner", owner), ("@status", (int)status), ("@error", Typed.Text(error)), ("@now", Timestamp(DateTimeOffset.UtcNow)),
            ("@reextract", (int)reextract), ("@version", Typed.Text(extractorVersion)));
    }

    public void Reschedule(string id, string owner, string error, DateTimeOffset nextAttemptAt)
    {
        using var connection = Open();
        Db.Execute(connection, null, """
            UPDATE articles SET error = @error, next_attempt_at = @next, lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE id = @id AND lease_owner = @owner
            """,
            ("@id", id), ("@owner", owner), ("@error", error), ("@next", nextAttemptAt.ToUnixTimeMilliseconds()), ("@now", Timestamp(DateTimeOffset.UtcNow)));
    }

    public void Release(string id, string owner)
    {
        using var connection = Open();
        Db.Execute(connection, null, """
            UPDATE articles SET attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @owner
            """,
            ("@id", id), ("@owner", owner));
    }

    public int ReleaseAllLeases()
    {
        using var connection = Open();
        return Db.Execute(connection, null, "UPDATE articles SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL");
    }

    public int Retry(IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
        const string Set = """
            UPDATE articles SET status = 1, attempts = 0, next_attempt_at = @next, error = NULL, lease_owner = NULL, lease_until = NULL, updated_at = @now,
                reextract = CASE WHEN reextract = 3 THEN 1 ELSE reextract END
            WHERE status = 4
            """;
        return Requeue(Set, ids, now);
    }

    public int MarkForReextraction(IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
        // Only settled articles: one waiting (new, or already marked) is left alone, so asking twice queues it once, and
        // an article a worker holds is never touched (a settled article has no lease).
        const string Set = """
            UPDATE articles SET status = 1, reextract = 1, attempts = 0, next_attempt_at = @next, error = NULL, lease_owner = NULL, lease_until = NULL, updated_at = @now
            WHERE status IN (3, 4)
            """;
        return Requeue(Set, ids, now);
    }

    /// <summary>Runs <paramref name="set"/> over every row it selects, or (in one transaction) over the given ids only.</summary>
    private int Requeue(string set, IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
        using var connection = Open();
        (string, object?)[] parameters = [("@next", now.ToUnixTimeMilliseconds()), ("@now", Timestamp(now))];
        if (ids.Count == 0)
        {
            return Db.Execute(connection, null, set, parameters);
        }

        using var tx = connection.BeginTransaction();
        var count = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            count += Db.Execute(connection, tx, set + " AND id = @id", [.. parameters, ("@id", id)]);
        }

        tx.Commit();
        return count;
    }

    public IReadOnlyList<string> PendingReextractions()
    {
        using var connection = Open();
        return Db.Query(connection, null, "SELECT id FROM articles WHERE reextract = 1 ORDER BY ingested_at, id", r => r.GetString(0));
    }

    public IReadOnlyList<ArticleState> States(IReadOnlyCollection<string> ids)
    {
        var states = new List<(string IngestedAt, ArticleState State)>();
        using var connection = Open();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            var names = chunk.Select((_, i) => $"@i{i}").ToArray();
            states.AddRange(Db.Query(connection, null, $"""
                SELECT id, status, fact_count, error, extractor_version, reextract, ingested_at FROM articles
                WHERE id IN ({string.Join(", ", names)})
                """,
                r => (r.GetString(6), new ArticleState(r.GetString(0), (ArticleStatus)r.Int(1), r.Int(2), r.NullableString(3), r.NullableString(4), (ReextractState)r.Int(5))),
                [.. chunk.Select((id, i) => (names[i], (object?)id))]));
        }

        return states.OrderBy(s => s.IngestedAt, StringComparer.Ordinal).ThenBy(s => s.State.Id, StringComparer.Ordinal).Select(s => s.State).ToList();
    }

    public bool Delete(string id)
    {
        using var connection = Open();
        return Db.Execute(connection, null, "DELETE FROM articles WHERE id = @id", ("@id", id)) > 0;
    }

    private static StoredArticle? Find(DbConnection connection, string where, string value) =>
        Db.Query(connection, null, $"SELECT {Columns} FROM articles WHERE {where}", Read, ("@v", value)).FirstOrDefault();

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static StoredArticle Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ContentHash = r.GetString(1),
        Text = r.GetString(2),
        Title = r.GetString(3),
        Source = r.GetString(4),
        Url = r.GetString(5),
        Published = r.NullableString(6),
        ContentType = r.GetString(7),
        Status = (ArticleStatus)r.Int(8),
        Error = r.NullableString(9),
        TraceId = r.GetString(10),
        FactCount = r.Int(11),
        IngestedAt = DateTimeOffset.Parse(r.GetString(12), CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture),
        Attempts = r.Int(14),
        NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture)),
        Reextract = (ReextractState)r.Int(16),
        ExtractorVersion = r.NullableString(17),
    };
}

/// <summary>The article store in an embedded SQLite file (WAL): one ingestion process owns it.</summary>
public sealed class SqliteArticleStore(SqliteDatabase database) : SqlArticleStore
{
    public const string Schema = "Ingestion";

    public static SqliteArticleStore Open(string path) => new(new SqliteDatabase(path, Schema));

    public override string Engine => "sqlite";

    public string DatabasePath => database.DatabasePath;

    protected override DbConnection Open() => database.Open();
}

/// <summary>
/// The article store on PostgreSQL, shared by several ingestion replicas: a claim locks its candidate rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas claiming at once take different articles without waiting for each other.
/// </summary>
public sealed class PostgresArticleStore : SqlArticleStore, IDisposable
{
    public const string Schema = "IngestionPostgres";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresArticleStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        SchemaVersion = PostgresMigrations.Apply(dataSource, Schema, "ingestion_schema_migrations");
    }

    /// <summary>The store in the database of an Npgsql connection string, its schema created or brought up to date.</summary>
    public static PostgresArticleStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = PostgresMigrations.DataSource(connectionString);
        try
        {
            return new PostgresArticleStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public override string Engine => "postgresql";

    public int SchemaVersion { get; }

    protected override string ClaimLock => "FOR UPDATE SKIP LOCKED";

    protected override DbConnection Open() => _dataSource.OpenConnection();

    public void Dispose() => _dataSource.Dispose();
}

/// <summary>Versioned migrations on PostgreSQL: embedded scripts applied in order, recorded in a table of their own.</summary>
public static class PostgresMigrations
{
    /// <summary>
    /// The connection pool of a store. Statements used again and again are prepared on the server (automatic preparation,
    /// unless the connection string says otherwise): planning took ~9 ms of every search, and indexing's many small
    /// statements paid it too (BENCHMARKS.md).
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 256;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    /// <summary>The advisory lock taken while migrating, so replicas starting together migrate one at a time ("Dossier" in ASCII).</summary>
    public const long Lock = 0x446F7373696572;

    /// <summary>
    /// Applies the embedded scripts (<c>Migrations/&lt;schema&gt;/NNNN_name.sql</c>) newer than the versions recorded in
    /// <paramref name="table"/>, in one transaction under an advisory lock; returns the schema version.
    /// </summary>
    public static int Apply(NpgsqlDataSource dataSource, string schema, string table)
    {
        using var connection = dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        Db.Execute(connection, tx, "SELECT pg_advisory_xact_lock(@lock)", ("@lock", Lock));
        Db.Execute(connection, tx, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                version     integer PRIMARY KEY,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """);
        var current = Db.Scalar<int>(connection, tx, $"SELECT COALESCE(MAX(version), 0) FROM {table}");
        foreach (var (version, sql) in SqliteDatabase.Scripts(schema))
        {
            if (version <= current)
            {
                continue;
            }

            Db.Execute(connection, tx, sql);
            Db.Execute(connection, tx, $"INSERT INTO {table} (version) VALUES (@version)", ("@version", version));
            current = version;
        }

        tx.Commit();
        return current;
    }
}
