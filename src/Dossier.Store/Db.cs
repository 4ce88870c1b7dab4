using System.Data;
using System.Data.Common;

namespace Dossier.Store;

/// <summary>A parameter value with an explicit type, for nulls an engine cannot type by itself.</summary>
public readonly record struct Typed(DbType Type, object? Value)
{
    public static Typed Text(string? value) => new(DbType.String, value);

    public static Typed Int(int? value) => new(DbType.Int32, value);
}

/// <summary>Small helpers over ADO.NET, shared by the SQL engines (parameters are written <c>@name</c>).</summary>
public static class Db
{
    public static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            Bind(p, value);
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>Sets a parameter's value (and type) the way <see cref="Command"/> does.</summary>
    public static void Bind(DbParameter p, object? value)
    {
        switch (value)
        {
            case Typed t:
                p.DbType = t.Type;
                p.Value = t.Value ?? DBNull.Value;
                break;
            case null:
                p.DbType = DbType.String;
                p.Value = DBNull.Value;
                break;
            case string s:
                p.DbType = DbType.String;
                p.Value = s;
                break;
            case int i:
                p.DbType = DbType.Int32;
                p.Value = i;
                break;
            case long l:
                p.DbType = DbType.Int64;
                p.Value = l;
                break;
            default:
                p.Value = value;
                break;
        }
    }

    public static int Execute(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static T? Scalar<T>(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        var value = command.ExecuteScalar();
        return Db.As<T>(value);
    }

    public static List<T> Query<T>(DbConnection connection, DbTransaction? tx, string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>
    /// <see cref="Scalar{T}"/> read asynchronously: <paramref name="ct"/> cancels the command (on PostgreSQL, Npgsql sends
    /// the server a cancel request; SQLite's asynchronous methods run synchronously and only check the token first).
    /// </summary>
    public static async Task<T?> ScalarAsync<T>(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return Db.As<T>(value);
    }

    /// <summary><see cref="Query{T}"/> read asynchronously, <paramref name="ct"/> cancelling the command (see <see cref="ScalarAsync{T}"/>).</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? tx, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>A scalar read from the database as <typeparamref name="T"/> (null and DBNull as default).</summary>
    public static T? As<T>(object? value) =>
        value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int? NullableInt(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The statements of one transaction, each prepared once and re-bound for every execution: indexing an article runs
/// the same few statements many times.
/// </summary>
public sealed class SqlSession(DbConnection connection, DbTransaction tx) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The statement run last (or running), the one a cancelled token cancels.</summary>
    private DbCommand? _running;

    private CancellationToken _ct;

    public DbConnection Connection => connection;

    /// <summary>
    /// Makes <paramref name="ct"/> cancel the transaction's statements: each checks it before it runs, and the running one
    /// is cancelled when it is (<see cref="DbCommand.Cancel"/>: Npgsql sends the server a cancel request; SQLite's runs to
    /// its end). Dispose the result when the transaction ends.
    /// </summary>
    public CancellationTokenRegistration CancelOn(CancellationToken ct)
    {
        _ct = ct;
        return ct.Register(() => Volatile.Read(ref _running)?.Cancel());
    }

    /// <summary>The command about to run, once the token allows it.</summary>
    private DbCommand Run(DbCommand command)
    {
        _ct.ThrowIfCancellationRequested();
        Volatile.Write(ref _running, command);
        return command;
    }

    /// <summary>A command of the transaction that is not kept prepared (one that returns several results, say); dispose it.</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => Run(Db.Command(connection, tx, sql, parameters));

    public DbTransaction Transaction => tx;

    private DbCommand Prepared(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Db.Command(connection, tx, sql, parameters);
            _commands[sql] = command;
            return command;
        }

        // A statement is re-bound with its parameters in the order it was made with (looked up by name otherwise):
        // finding a parameter by name is a linear search.
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            var p = i < command.Parameters.Count && command.Parameters[i].ParameterName == name ? command.Parameters[i] : command.Parameters[name];
            Db.Bind(p, value);
        }

        return command;
    }

    /// <summary>
    /// The most parameters one <see cref="InsertRows"/> statement takes: far below the engines' limits, and few enough
    /// that binding by name (a linear search per parameter in SQLite) stays cheap.
    /// </summary>
    public const int MaxInsertParameters = 120;

    private readonly Dictionary<(string Head, string Tail, int Rows), string> _insertSql = [];

    /// <summary>
    /// Inserts rows with multi-row <c>INSERT ... VALUES (...), (...)</c> statements (up to <see cref="MaxInsertParameters"/>
    /// values each): a few statements instead of one per row (one round trip each on PostgreSQL). <paramref name="head"/> is <c>INSERT INTO table (columns)</c>,
    /// <paramref name="tail"/> what follows the values (an <c>ON CONFLICT</c> clause); every row has one value per column.
    /// </summary>
    public int InsertRows(string head, IReadOnlyList<object?[]> rows, string tail = "")
    {
        var inserted = 0;
        foreach (var command in InsertCommands(head, rows, tail))
        {
            inserted += Run(command).ExecuteNonQuery();
        }

        return inserted;
    }

    /// <summary>
    /// <see cref="InsertRows"/> with a <c>RETURNING</c> clause in <paramref name="tail"/>: the rows it returns, read by
    /// <paramref name="read"/> (e.g. those an <c>ON CONFLICT DO NOTHING</c> insert did insert).
    /// </summary>
    public List<T> InsertRowsReturning<T>(string head, IReadOnlyList<object?[]> rows, string tail, Func<DbDataReader, T> read)
    {
        var list = new List<T>();
        foreach (var command in InsertCommands(head, rows, tail))
        {
            using var reader = Run(command).ExecuteReader();
            while (reader.Read())
            {
                list.Add(read(reader));
            }
        }

        return list;
    }

    /// <summary>The multi-row statements of <see cref="InsertRows"/>, each bound to its rows when enumerated.</summary>
    private IEnumerable<DbCommand> InsertCommands(string head, IReadOnlyList<object?[]> rows, string tail)
    {
        if (rows.Count == 0)
        {
            yield break;
        }

        var columns = rows[0].Length;
        var perStatement = Math.Max(1, MaxInsertParameters / columns);
        for (var from = 0; from < rows.Count; from += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - from);
            if (!_insertSql.TryGetValue((head, tail, count), out var sql))
            {
                var text = new System.Text.StringBuilder(head).Append(" VALUES ");
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns; c++)
                    {
                        text.Append(c == 0 ? "@p" : ", @p").Append(r * columns + c);
                    }

                    text.Append(')');
                }

                sql = text.Append(' ').Append(tail).ToString();
                _insertSql[(head, tail, count)] = sql;
            }

            if (!_commands.TryGetValue(sql, out var command))
            {
                command = Db.Command(connection, tx, sql);
                for (var i = 0; i < count * columns; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(p);
                }

                _commands[sql] = command;
            }

            for (var r = 0; r < count; r++)
            {
                var row = rows[from + r];
                if (row.Length != columns)
                {
                    throw new ArgumentException("every row must have one value per column", nameof(rows));
                }

                for (var c = 0; c < columns; c++)
                {
                    Db.Bind(command.Parameters[r * columns + c], row[c]);
                }
            }

            yield return command;
        }
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Run(Prepared(sql, parameters)).ExecuteNonQuery();

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = Run(Prepared(sql, parameters)).ExecuteScalar();
        return Db.As<T>(value);
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var reader = Run(Prepared(sql, parameters)).ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public void Commit() => tx.Commit();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        tx.Dispose();
    }
}
