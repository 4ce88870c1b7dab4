using Dossier.Domain;
using Npgsql;

namespace Dossier.Store.Tests;

/// <summary>
/// The knowledge store suite on PostgreSQL, each test in an empty schema of its own. Needs a server:
/// <c>eval "$(scripts/postgres.sh start)"</c> (sets <c>DOSSIER_TEST_POSTGRES</c>); skipped without one.
/// </summary>
[Collection(PostgresTestServer.Collection)]
public sealed class PostgresKnowledgeStoreTests(PostgresTestServer server) : KnowledgeStoreSuite
{
    private readonly List<IDisposable> _owned = [];

    protected override IKnowledgeStore CreateStore()
    {
        var schema = Own(server.CreateSchema());
        return Own(PostgresKnowledgeStore.Open(schema.ConnectionString));
    }

    protected override IKnowledgeStore OpenUpgradedFrom(int version, string sql)
    {
        var schema = Own(server.CreateSchema());
        Execute(schema, string.Join(";\n", SqliteDatabase.Scripts(PostgresKnowledgeStore.Schema).Where(s => s.Version <= version).Select(s => s.Sql)) + $"""
            ;
            CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_migrations (version) SELECT generate_series(1, {version});
            {sql}
            """);
        return Own(PostgresKnowledgeStore.Open(schema.ConnectionString));
    }

    protected override (int Current, int Latest) SchemaVersions(IKnowledgeStore store) =>
        (((PostgresKnowledgeStore)store).SchemaVersion, SqliteDatabase.Scripts(PostgresKnowledgeStore.Schema).Max(s => s.Version));

    [SkippableFact]
    public async Task Open_SeveralReplicasAtOnce_MigrateOnceAndShareTheStore()
    {
        var schema = Own(server.CreateSchema());

        var stores = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => PostgresKnowledgeStore.Open(schema.ConnectionString)).ToList();
        stores.ForEach(s => Own(s));
        var again = Own(PostgresKnowledgeStore.Open(schema.ConnectionString));

        var latest = SqliteDatabase.Scripts(PostgresKnowledgeStore.Schema).Max(s => s.Version);
        Assert.All(stores, s => Assert.Equal(latest, s.SchemaVersion));
        Assert.Equal(latest, again.SchemaVersion);
        Assert.Equal("postgresql", again.Engine);
        Assert.Equal((long)latest, Scalar(schema, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0, (await again.TotalsAsync()).Articles);
    }

    [SkippableFact]
    public async Task Index_ManyReplicasAtOnce_MergeLikeOneWriter()
    {
        var schema = Own(server.CreateSchema());
        var replicas = Enumerable.Range(0, 4).Select(_ => Own(PostgresKnowledgeStore.Open(schema.ConnectionString))).ToArray();
        const string text = "Ministers of the coalition met in Rome. Antony Blinken spoke.";

        await Parallel.ForAsync(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var id = "a" + (i % 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var facts = new DocumentFacts
            {
                Doc = id, Published = "2021-06-29", Relevant = true, ExtractorVersion = "race",
                People = [new PersonFact("Antony Blinken", [], "Secretary of State", "US", [new TextSpan(40, 54)])],
                Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Rome", "IT", "2021-06-28", [], [], new TextSpan(0, 38))],
            };
            await replicas[i % replicas.Length].IndexAsync(new ArticleInfo { Id = id, Text = text, Title = "T " + id, Published = "2021-06-29" }, facts, ct);
        });

        var store = replicas[0];
        var e = Assert.Single((await store.ListEventsAsync(new EventQuery(), 0, 10)).Items);
        Assert.Equal(20, e.SourceCount);
        Assert.Equal(20, (await store.TotalsAsync()).Articles);
        var blinken = Assert.Single((await store.ListEntitiesAsync(new EntityQuery(EntityKinds.Person), 0, 10)).Items);
        Assert.Equal(20, blinken.DocumentCount);
        Assert.Equal(20, blinken.MentionCount);
    }

    [Theory]
    [InlineData("marrakesh", "'marrakesh'")]
    [InlineData("coalition meeting*", "'coalition' & 'meeting':*")]
    [InlineData("\"foreign ministers\" Rome", "('foreign' <-> 'ministers') & 'Rome'")]
    [InlineData("Morocco'; DROP TABLE documents; --", "'Morocco' & 'DROP' & 'TABLE' & 'documents'")]
    [InlineData("a:b | !c & (d) <-> e:*", "'a' & 'b' & 'c' & 'd' & 'e'")]
    public void ToTsQuery_UserText_IsQuotedWordsOnly(string text, string expected)
    {
        Assert.Equal(expected, PostgresKnowledgeStore.ToTsQuery(text));
    }

    public override void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        base.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static void Execute(PostgresTestSchema schema, string sql)
    {
        using var connection = new NpgsqlConnection(schema.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(PostgresTestSchema schema, string sql)
    {
        using var connection = new NpgsqlConnection(schema.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
