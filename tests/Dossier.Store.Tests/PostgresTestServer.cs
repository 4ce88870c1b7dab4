using Npgsql;

namespace Dossier.Store.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the Npgsql connection string in <c>DOSSIER_TEST_POSTGRES</c> (a user who
/// may create databases), e.g. from <c>eval "$(scripts/postgres.sh start)"</c>. Without it the tests are skipped, or
/// fail when <c>DOSSIER_REQUIRE_POSTGRES=1</c> (CI). A fixture of the <see cref="Collection"/> collection: the tests of a
/// run share one database (<c>dossier_test_&lt;guid&gt;</c>, made on first use, dropped when the collection ends) and
/// each gets an empty schema of its own in it (<see cref="CreateSchema"/>), which costs far less than a database.
/// </summary>
public sealed class PostgresTestServer : IDisposable
{
    public const string Collection = "postgres";
    public const string Variable = "DOSSIER_TEST_POSTGRES";
    public const string RequireVariable = "DOSSIER_REQUIRE_POSTGRES";

    private const string HowTo =
        "set " + Variable + " to an Npgsql connection string of a PostgreSQL server where the user may create databases, "
        + "e.g. eval \"$(scripts/postgres.sh start)\" before dotnet test, scripts/postgres.sh stop after";

    private readonly Lazy<string> _database = new(() =>
    {
        var name = "dossier_test_" + Guid.NewGuid().ToString("N");
        Execute(null, $"CREATE DATABASE {name}");
        return name;
    });

    /// <summary>The server's connection string; skips the calling test when none is given (fails it if one is required).</summary>
    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException($"PostgreSQL tests are required ({RequireVariable}=1) but {Variable} is not set: {HowTo}.");
        }

        throw new SkipException($"PostgreSQL tests skipped: {HowTo}.");
    }

    /// <summary>A new, empty schema; skips the calling test when there is no server.</summary>
    public PostgresTestSchema CreateSchema()
    {
        var server = ConnectionString();
        var database = _database.Value;
        var schema = "t_" + Guid.NewGuid().ToString("N");
        Execute(database, $"CREATE SCHEMA {schema}");
        return new PostgresTestSchema(
            new NpgsqlConnectionStringBuilder(server) { Database = database, SearchPath = schema }.ConnectionString,
            () => Execute(database, $"DROP SCHEMA IF EXISTS {schema} CASCADE"));
    }

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            // FORCE ends sessions still open in it (PostgreSQL 13+).
            Execute(null, $"DROP DATABASE IF EXISTS {_database.Value} WITH (FORCE)");
        }
    }

    /// <summary>Runs a statement in a database of the server (the connection string's own when null), on a connection of its own.</summary>
    private static void Execute(string? database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false };
        if (database is not null)
        {
            builder.Database = database;
        }

        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>The tests that need <see cref="PostgresTestServer"/>.</summary>
[CollectionDefinition(PostgresTestServer.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresTestServer>;

/// <summary>
/// An empty schema of the test database, dropped on dispose. Its connection string puts it first on the search path, so a
/// store opened on it creates and sees only its own tables.
/// </summary>
public sealed class PostgresTestSchema(string connectionString, Action drop) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public void Dispose() => drop();
}
