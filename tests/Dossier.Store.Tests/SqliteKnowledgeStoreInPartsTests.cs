using Microsoft.Data.Sqlite;

namespace Dossier.Store.Tests;

/// <summary>
/// The whole SQLite suite again with a full-text index part begun every two articles, so that every search reads several
/// parts (<see cref="SqliteFullTextParts"/>); and what only parts have: the rows indexed before there were parts.
/// </summary>
public sealed class SqliteKnowledgeStoreInPartsTests : SqliteKnowledgeStoreTests
{
    protected override int? FullTextPartSize => 2;

    /// <summary>An article as schema version 5 kept it: its full-text row in documents_fts, under a row id of its own.</summary>
    private const string Version5Article = """
        INSERT INTO documents (id, title, published, source, url, text, trace_id, relevant, extractor_version, facts_json, fact_counts, indexed_at, cluster_id)
        VALUES ('old', 'Old', '2019-02-06', '', '', 'Ministers of the coalition met in Washington.', '', 1, 'v5', '{"doc":"old"}', '0,0,0,0,0,0,0,0,0', '2019-02-07T00:00:00.0000000+00:00', 'old');
        INSERT INTO documents_fts (rowid, document_id, title, text) VALUES (40, 'old', 'Old', 'Ministers of the coalition met in Washington.');
        """;

    [Fact]
    public async Task Search_RowsIndexedBeforeParts_AreFoundAfterEveryPartAndRemovedWithTheirArticle()
    {
        var store = OpenUpgradedFrom(5, Version5Article);
        for (var i = 0; i < 5; i++)
        {
            var (info, facts) = Article($"new{i}", $"The coalition met again, time {i}.");
            await store.IndexAsync(info, facts);
        }

        var before = await store.SearchAsync("coalition", 0, 10);
        await store.DeleteAsync("old");
        var after = await store.SearchAsync("coalition", 0, 10);

        Assert.Equal(6, before.Total);
        Assert.Contains(before.Items, h => h.Article.Id == "old" && h.Highlights.Count > 0);
        Assert.Equal(5, after.Total);
        Assert.DoesNotContain(after.Items, h => h.Article.Id == "old");
    }

    [Fact]
    public async Task Index_ArticleIndexedAgain_IsFoundOnceByItsNewText()
    {
        var store = CreateStore();
        for (var i = 0; i < 5; i++)
        {
            var (info, facts) = Article($"d{i}", $"Envoys of the coalition met, round {i}.");
            await store.IndexAsync(info, facts);
        }

        var (again, againFacts) = Article("d1", "Envoys of the coalition met, round one, corrected.");
        await store.IndexAsync(again, againFacts);

        var hits = await store.SearchAsync("envoys", 0, 10);
        Assert.Equal(5, hits.Total);
        Assert.Single(hits.Items, h => h.Article.Id == "d1");
        Assert.Equal(1, (await store.SearchAsync("corrected", 0, 10)).Total);
        Assert.Equal(0, (await store.SearchAsync("\"round 1\"", 0, 10)).Total);
    }
}
