using Npgsql;

namespace Dossier.Store.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the Npgsql connection string in <c>DOSSIER_TEST_POSTGRES</c> (a user who
/// may create databases), e.g. from <c>eval "$(scripts/postgres.sh start)"</c>. Without it the tests are skipped, or
/// fail when <c>DOSSIER_REQUIRE_POSTGRES=1</c> (CI).
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "DOSSIER_TEST_POSTGRES";
    public const string RequireVariable = "DOSSIER_REQUIRE_POSTGRES";

    private const string HowTo =
        "set " + Variable + " to an Npgsql connection string of a PostgreSQL server where the user may create databases, "
        + "e.g. eval \"$(scripts/postgres.sh start)\" before dotnet test, scripts/postgres.sh stop after";

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
}

/// <summary>A new, empty database on the test server (<c>dossier_test_&lt;guid&gt;</c>), dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _server;

    public PostgresTestDatabase()
    {
        _server = PostgresTestServer.ConnectionString();
        Name = "dossier_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        // FORCE ends sessions a test left open (PostgreSQL 13+).
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        // No pooling: the server's maintenance connection must not hold the database being dropped.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
