using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// Where a store lives and how to tell, cheaply and truthfully, whether it can be used right now: the name shown in
/// errors and health reports (the file, or the PostgreSQL server and database without credentials) and a probe that
/// returns the problem, or null when the store works.
/// </summary>
public sealed record StoreLocation(string Name, Func<string?> Probe)
{
    /// <summary>How long a probe waits for a lock or a connection before it reports the store as locked or unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An SQLite file: opens it (never creating it) with a short busy timeout, reads its schema (a bad header says
    /// "not a database") and takes and gives back the write lock (<c>BEGIN IMMEDIATE; ROLLBACK</c>) to detect a lock held
    /// by someone else.
    /// </summary>
    public static StoreLocation Sqlite(string path) => new(Path.GetFullPath(path), () => ProbeSqlite(path));

    /// <summary>A PostgreSQL database: <c>SELECT 1</c> on a fresh connection with a short timeout.</summary>
    public static StoreLocation Postgres(string connectionString) => new(PostgresName(connectionString), () => ProbePostgres(connectionString));

    private static string? ProbeSqlite(string path)
    {
        if (!File.Exists(path))
        {
            return "the database file does not exist";
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = (int)Math.Ceiling(ProbeTimeout.TotalSeconds),
            }.ToString());
            connection.Open();
            // One statement per command: a command stops at its first statement that returns rows.
            foreach (var sql in new[] { "SELECT COUNT(*) FROM sqlite_schema", "BEGIN IMMEDIATE", "ROLLBACK" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            return null;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return StoreProblems.Describe(e) ?? e.Message;
        }
    }

    private static string? ProbePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Timeout = (int)Math.Ceiling(ProbeTimeout.TotalSeconds) + 1,
                CommandTimeout = (int)Math.Ceiling(ProbeTimeout.TotalSeconds) + 1,
            };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT 1", connection);
            command.ExecuteScalar();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return StoreProblems.Describe(e) ?? e.Message;
        }
    }

    /// <summary>"PostgreSQL host:port/database": the server of a connection string, never its password.</summary>
    public static string PostgresName(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (connection string not valid)";
        }
    }
}

/// <summary>Turns the errors of a store that cannot be used (locked, corrupt, unreachable, full) into a plain reason.</summary>
public static class StoreProblems
{
    /// <summary>
    /// Why the store cannot be used, when <paramref name="e"/> (or an inner exception) says so: a lock held by someone
    /// else, a file that is not a database or is corrupt, a file that cannot be opened or written, a full disk, a
    /// PostgreSQL server that cannot be reached. Null for anything else (a bad request, a bug).
    /// </summary>
    public static string? Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            var reason = x switch
            {
                SqliteException s => Sqlite(s),
                PostgresException p => Postgres(p),
                NpgsqlException n when n.IsTransient || n.InnerException is SocketException or TimeoutException or IOException =>
                    $"the PostgreSQL server cannot be reached ({n.Message})",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? Sqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        5 or 6 => $"the database is locked: another process or connection holds its write lock ({e.Message})",
        26 => $"the file is not an SQLite database: it is corrupt or of another kind; move it aside to start with an empty store, or restore a backup ({e.Message})",
        11 => $"the database file is corrupt; restore a backup or move it aside to start with an empty store ({e.Message})",
        14 => $"the database file cannot be opened: check that its folder exists and is readable and writable ({e.Message})",
        8 => $"the database is read-only: check the permissions of the file and its folder ({e.Message})",
        10 => $"the database file cannot be read or written (I/O error) ({e.Message})",
        13 => $"the disk holding the database is full ({e.Message})",
        23 => $"access to the database file is denied ({e.Message})",
        _ => null,
    };

    private static string? Postgres(PostgresException e) => e.SqlState switch
    {
        "3D000" => $"the database does not exist ({e.MessageText})",
        "28000" or "28P01" => $"PostgreSQL refused the credentials ({e.MessageText})",
        "53300" => $"PostgreSQL has too many connections ({e.MessageText})",
        "57P01" or "57P02" or "57P03" => $"PostgreSQL is shutting down or starting up ({e.MessageText})",
        "55P03" => $"a lock could not be taken in time ({e.MessageText})",
        _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) => $"the connection to PostgreSQL failed ({e.MessageText})",
        _ when e.SqlState.StartsWith("53", StringComparison.Ordinal) => $"PostgreSQL is out of resources ({e.MessageText})",
        _ => null,
    };
}
