using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// <see cref="IFeedStore"/> in portable SQL over the <c>feeds</c> and <c>feed_items</c> tables of ingestion's database;
/// the engines differ only in how they open connections and how a claim locks rows.
/// </summary>
public abstract class SqlFeedStore : IFeedStore
{
    private const string Columns = """
        f.id, f.url, f.title, f.interval_seconds, f.created_at, f.etag, f.last_modified, f.last_poll_at, f.last_success_at,
        f.next_poll_at, f.last_error, f.failures,
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id),
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.document_id IS NOT NULL)
        """;

    public abstract string Engine { get; }

    protected abstract DbConnection Open();

    /// <summary>What follows the claim's candidate query: PostgreSQL skips rows another replica is claiming.</summary>
    protected virtual string ClaimLock => "";

    public (FeedSubscription Feed, bool Existed) Add(string id, string url, int intervalSeconds, DateTimeOffset now)
    {
        using var connection = Open();
        var inserted = Db.Execute(connection, null, """
            INSERT INTO feeds (id, url, title, interval_seconds, created_at, next_poll_at, failures)
            VALUES (@id, @url, '', @interval, @now, @now, 0)
            ON CONFLICT DO NOTHING
            """,
            ("@id", id), ("@url", url), ("@interval", intervalSeconds), ("@now", now.ToUnixTimeMilliseconds()));
        if (inserted == 0)
        {
            Db.Execute(connection, null, "UPDATE feeds SET interval_seconds = @interval WHERE url = @url", ("@url", url), ("@interval", intervalSeconds));
        }

        var feed = Find(connection, "f.url = @v", url) ?? throw new InvalidOperationException($"feed {url} vanished while being added");
        return (feed, inserted == 0);
    }

    public FeedSubscription? Get(string id)
    {
        using var connection = Open();
        return Find(connection, "f.id = @v", id);
    }

    public IReadOnlyList<FeedSubscription> List()
    {
        using var connection = Open();
        return Db.Query(connection, null, $"SELECT {Columns} FROM feeds f ORDER BY f.created_at, f.id", Read);
    }

    public bool Remove(string id)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        Db.Execute(connection, tx, "DELETE FROM feed_items WHERE feed_id = @id", ("@id", id));
        var removed = Db.Execute(connection, tx, "DELETE FROM feeds WHERE id = @id", ("@id", id)) > 0;
        tx.Commit();
        return removed;
    }

    public IReadOnlyList<FeedSubscription> ClaimDue(string owner, int limit, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        if (limit <= 0)
        {
            return [];
        }

        using var connection = Open();
        var ids = Db.Query(connection, null, $"""
            UPDATE feeds SET lease_owner = @owner, lease_until = @until
            WHERE id IN (
                SELECT id FROM feeds
                WHERE next_poll_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY next_poll_at, id
                LIMIT @limit
                {ClaimLock})
            RETURNING id
            """,
            r => r.GetString(0),
            ("@owner", owner), ("@until", leaseUntil.ToUnixTimeMilliseconds()), ("@now", now.ToUnixTimeMilliseconds()), ("@limit", limit));
        return ids.Select(id => Find(connection, "f.id = @v", id)).OfType<FeedSubscription>().OrderBy(f => f.NextPollAt).ToList();
    }

    public FeedSubscription? Claim(string id, string owner, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        using var connection = Open();
        var claimed = Db.Execute(connection, null, """
            UPDATE feeds SET lease_owner = @owner, lease_until = @until
            WHERE id = @id AND (lease_until IS NULL OR lease_until < @now)
            """,
            ("@id", id), ("@owner", owner), ("@until", leaseUntil.ToUnixTimeMilliseconds()), ("@now", now.ToUnixTimeMilliseconds()));
        return claimed == 1 ? Find(connection, "f.id = @v", id) : null;
    }

    public void RecordPoll(string id, string owner, FeedPollRecord poll)
    {
        using var connection = Open();
        Db.Execute(connection, null, """
            UPDATE feeds SET
                last_poll_at = @at,
                next_poll_at = @next,
                last_error = @error,
                failures = @failures,
                last_success_at = CASE WHEN @ok = 1 THEN @at ELSE last_success_at END,
                title = CASE WHEN @ok = 1 AND @title IS NOT NULL THEN @title ELSE title END,
                etag = CASE WHEN @ok = 1 THEN @etag ELSE etag END,
                last_modified = CASE WHEN @ok = 1 THEN @lastModified ELSE last_modified END,
                lease_owner = NULL,
                lease_until = NULL
            WHERE id = @id AND lease_owner = @owner
            """,
            ("@id", id), ("@owner", owner), ("@at", poll.PolledAt.ToUnixTimeMilliseconds()), ("@next", poll.NextPollAt.ToUnixTimeMilliseconds()),
            ("@error", Typed.Text(poll.Error)), ("@failures", poll.Failures), ("@ok", poll.Succeeded ? 1 : 0), ("@title", Typed.Text(poll.Title)),
            ("@etag", Typed.Text(poll.ETag)), ("@lastModified", Typed.Text(poll.LastModified)));
    }

    public bool ClaimItem(string feedId, string itemKey, string url, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts)
    {
        using var connection = Open();
        var nowMs = now.ToUnixTimeMilliseconds();
        var until = leaseUntil.ToUnixTimeMilliseconds();

        // Insert or ignore decides who ingests a new item, also between replicas polling at once.
        var inserted = Db.Execute(connection, null, """
            INSERT INTO feed_items (feed_id, item_key, url, document_id, attempts, error, lease_until, seen_at)
            VALUES (@feed, @key, @url, NULL, 1, NULL, @until, @now)
            ON CONFLICT DO NOTHING
            """,
            ("@feed", feedId), ("@key", itemKey), ("@url", url), ("@until", until), ("@now", nowMs));
        if (inserted == 1)
        {
            return true;
        }

        // Seen before: taken over only when its earlier attempts failed and no one is trying it now.
        return Db.Execute(connection, null, """
            UPDATE feed_items SET attempts = attempts + 1, lease_until = @until
            WHERE feed_id = @feed AND item_key = @key AND document_id IS NULL AND attempts < @max AND lease_until < @now
            """,
            ("@feed", feedId), ("@key", itemKey), ("@until", until), ("@now", nowMs), ("@max", maxAttempts)) == 1;
    }

    public void ItemIngested(string feedId, string itemKey, string documentId)
    {
        using var connection = Open();
        Db.Execute(connection, null, "UPDATE feed_items SET document_id = @doc, error = NULL WHERE feed_id = @feed AND item_key = @key",
            ("@feed", feedId), ("@key", itemKey), ("@doc", documentId));
    }

    public void ItemFailed(string feedId, string itemKey, string error, DateTimeOffset now)
    {
        using var connection = Open();
        Db.Execute(connection, null, "UPDATE feed_items SET error = @error, lease_until = @now WHERE feed_id = @feed AND item_key = @key",
            ("@feed", feedId), ("@key", itemKey), ("@error", error), ("@now", now.ToUnixTimeMilliseconds()));
    }

    public int ReleaseAllLeases()
    {
        using var connection = Open();
        return Db.Execute(connection, null, "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL");
    }

    private static FeedSubscription? Find(DbConnection connection, string where, string value) =>
        Db.Query(connection, null, $"SELECT {Columns} FROM feeds f WHERE {where}", Read, ("@v", value)).FirstOrDefault();

    private static DateTimeOffset Time(DbDataReader r, int i) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));

    private static DateTimeOffset? NullableTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : Time(r, i);

    private static FeedSubscription Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Url = r.GetString(1),
        Title = r.GetString(2),
        IntervalSeconds = r.Int(3),
        CreatedAt = Time(r, 4),
        ETag = r.NullableString(5),
        LastModified = r.NullableString(6),
        LastPollAt = NullableTime(r, 7),
        LastSuccessAt = NullableTime(r, 8),
        NextPollAt = Time(r, 9),
        LastError = r.NullableString(10),
        Failures = r.Int(11),
        ItemsFound = r.Int(12),
        ItemsIngested = r.Int(13),
    };
}

/// <summary>The feed store in ingestion's embedded SQLite file (the same file and migrations as its articles).</summary>
public sealed class SqliteFeedStore(SqliteDatabase database) : SqlFeedStore
{
    public static SqliteFeedStore Open(string path) => new(new SqliteDatabase(path, SqliteArticleStore.Schema));

    public override string Engine => "sqlite";

    protected override DbConnection Open() => database.Open();
}

/// <summary>The feed store in ingestion's PostgreSQL database, shared by its replicas (claims skip rows another replica locks).</summary>
public sealed class PostgresFeedStore : SqlFeedStore, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresFeedStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        PostgresMigrations.Apply(dataSource, PostgresArticleStore.Schema, "ingestion_schema_migrations");
    }

    public static PostgresFeedStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = PostgresMigrations.DataSource(connectionString);
        try
        {
            return new PostgresFeedStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public override string Engine => "postgresql";

    protected override string ClaimLock => "FOR UPDATE SKIP LOCKED";

    protected override DbConnection Open() => _dataSource.OpenConnection();

    public void Dispose() => _dataSource.Dispose();
}
