using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Dossier.Store;

/// <summary>
/// One SQLite database file in WAL mode, brought to its newest schema by numbered migration scripts
/// (<c>Migrations/&lt;schema&gt;/NNNN_name.sql</c>, applied in order, tracked in <c>PRAGMA user_version</c>).
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>
    /// How long a statement waits for a lock another connection holds before it fails with SQLITE_BUSY: long enough for
    /// this process's own writers to take turns, short enough that a database locked from outside fails a call within
    /// seconds instead of hanging it.
    /// </summary>
    public const int BusyTimeoutSeconds = 5;

    private readonly string _connectionString;

    public SqliteDatabase(string path, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        DatabasePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        try
        {
            SchemaVersion = Migrate(schema);
        }
        catch
        {
            // A pooled connection would keep the broken (or since replaced) file open: the next attempt starts afresh.
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            throw;
        }
    }

    public string DatabasePath { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// The native connections whose settings are made. A pooled connection keeps its pragmas between uses: they are run
    /// once per native connection, not on every <see cref="Open"/> (six statements on every call of the ingestion queue).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return Configured(connection);
    }

    /// <summary>
    /// <see cref="Open"/> with a token: an already-cancelled one throws <see cref="OperationCanceledException"/> before the
    /// connection is opened (Microsoft.Data.Sqlite opens synchronously underneath).
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return Configured(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The open connection with its settings made (once per native connection).</summary>
    private SqliteConnection Configured(SqliteConnection connection)
    {
        if (connection.Handle is { } handle && _configured.TryGetValue(handle, out _))
        {
            return connection;
        }

        using var pragma = connection.CreateCommand();
        // A 64 MiB page cache per connection (the default is 2 MiB): the indexes of a large store stay in memory, and
        // pooled connections keep their cache between uses. The file is also memory-mapped (up to 4 GiB), so that every
        // connection reads the pages the operating system already holds instead of copying them into a cache of its own.
        // Statement and savepoint journals stay in memory (temp_store), and the WAL is checkpointed every 64 MiB instead of
        // 4 MiB: a page written by many batches reaches the database file once per checkpoint.
        pragma.CommandText = """
            PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 4294967296;
            PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384;
            """;
        pragma.ExecuteNonQuery();
        if (connection.Handle is { } opened)
        {
            _configured.AddOrUpdate(opened, this);
        }

        return connection;
    }

    private int Migrate(string schema)
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, sql) in Scripts(schema))
        {
            if (version <= current)
            {
                continue;
            }

            // The version is read again under the write lock: two stores of one file (articles and feeds) opened at once
            // must not both apply a script.
            using var tx = connection.BeginTransaction(deferred: false);
            current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", tx), System.Globalization.CultureInfo.InvariantCulture);
            if (version <= current)
            {
                tx.Rollback();
                continue;
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = sql + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }

            tx.Commit();
            current = version;
        }

        return current;
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The embedded migration scripts of one schema, by version.</summary>
    public static IReadOnlyList<(int Version, string Sql)> Scripts(string schema)
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        var prefix = $"Dossier.Store.Migrations.{schema}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Sql: Read(assembly, n)))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
