using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dossier.Store;

/// <summary>
/// The knowledge store on PostgreSQL, the scale-out engine: the shared SQL of <see cref="SqlKnowledgeStore"/> over an
/// <see cref="NpgsqlDataSource"/> (one connection pool), full-text search on a weighted <c>tsvector</c> (title A, text B,
/// English stemming, GIN index) in a narrow table of its own, <c>documents_search</c>, ranked by <c>ts_rank_cd</c>.
/// </summary>
public sealed partial class PostgresKnowledgeStore : SqlKnowledgeStore, IDisposable
{
    public const string Schema = "KnowledgePostgres";

    /// <summary>The advisory lock taken while migrating, so replicas starting together migrate one at a time ("Dossier" in ASCII).</summary>
    public const long MigrationLock = PostgresMigrations.Lock;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresKnowledgeStore(NpgsqlDataSource dataSource)
        : base(new PostgresKnowledgeEngine(dataSource))
    {
        _dataSource = dataSource;
        SchemaVersion = PostgresMigrations.Apply(dataSource, Schema, "schema_migrations");
    }

    /// <summary>The store in the database of an Npgsql connection string, its schema created or brought up to date.</summary>
    public static PostgresKnowledgeStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = PostgresMigrations.DataSource(connectionString);
        try
        {
            return new PostgresKnowledgeStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// What a user types as a <c>to_tsquery</c> text, read by the same rules as on SQLite (<see cref="FullTextQuery"/>:
    /// words and "quoted phrases" combined with AND, a trailing * for a prefix, no user text read as syntax; malformed
    /// input is an <see cref="InvalidQueryException"/>). Its terms are words of letters and digits only, each quoted
    /// here, so the result always parses: phrases become <c>&lt;-&gt;</c>, prefixes <c>:*</c>, terms are joined by <c>&amp;</c>.
    /// </summary>
    public static string ToTsQuery(string text)
    {
        var fts5 = FullTextQuery.ToFts5(text);
        var terms = new List<string>();
        foreach (Match term in Fts5Term().Matches(fts5))
        {
            var words = term.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var tsquery = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                tsquery.Append(i == 0 ? "" : " <-> ").Append('\'').Append(words[i]).Append('\'');
            }

            if (term.Groups[2].Success)
            {
                tsquery.Append(":*");
            }

            terms.Add(words.Length == 1 ? tsquery.ToString() : $"({tsquery})");
        }

        return terms.Count > 0 ? string.Join(" & ", terms) : throw new InvalidQueryException("the search text has no words");
    }

    /// <summary>One term of <see cref="FullTextQuery.ToFts5"/>'s output: a quoted run of words, and a * for a prefix.</summary>
    [GeneratedRegex("\"([\\p{L}\\p{Nd} ]*)\"(\\*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Fts5Term();
}
