using Dossier.Domain;

namespace Dossier.Store.Tests;

public sealed class ArticleStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static StoredArticle Article(string id, string text) =>
        new() { Id = id, ContentHash = ArticleRules.ContentHash(text), Text = text, Title = "t", TraceId = "abc" };

    [Fact]
    public void Add_NewArticle_StoresItAsAccepted()
    {
        var store = SqliteArticleStore.Open(_folder.File("a.db"));

        var result = store.Add(Article("d1", "The coalition met in Rome."));

        Assert.False(result.Duplicate);
        var stored = store.Get("d1");
        Assert.NotNull(stored);
        Assert.Equal(ArticleStatus.Accepted, stored.Status);
        Assert.Equal("The coalition met in Rome.", stored.Text);
        Assert.Equal("abc", stored.TraceId);
    }

    [Fact]
    public void Add_SameContentWithOtherWhitespace_ReturnsExistingAsDuplicate()
    {
        var store = SqliteArticleStore.Open(_folder.File("a.db"));
        store.Add(Article("d1", "The coalition met in Rome."));

        var again = store.Add(Article("d2", "The  coalition\nmet in Rome.  "));

        Assert.True(again.Duplicate);
        Assert.Equal("d1", again.Article.Id);
        Assert.Null(store.Get("d2"));
    }

    [Fact]
    public void Add_SameIdDifferentContent_ThrowsConflict()
    {
        var store = SqliteArticleStore.Open(_folder.File("a.db"));
        store.Add(Article("d1", "First text."));

        Assert.Throws<ArticleConflictException>(() => store.Add(Article("d1", "Second text.")));
    }

    [Fact]
    public void Update_Progress_IsKeptAndSurvivesReopening()
    {
        var path = _folder.File("a.db");
        var store = SqliteArticleStore.Open(path);
        store.Add(Article("d1", "Text."));

        store.Update("d1", ArticleStatus.Extracted, factCount: 7, published: "2022-05-14");
        store.Update("d1", ArticleStatus.Indexed);
        var reopened = SqliteArticleStore.Open(path).Get("d1");

        Assert.NotNull(reopened);
        Assert.Equal(ArticleStatus.Indexed, reopened.Status);
        Assert.Equal(7, reopened.FactCount);
        Assert.Equal("2022-05-14", reopened.Published);
    }

    [Fact]
    public void Update_UnknownId_ThrowsKeyNotFound()
    {
        var store = SqliteArticleStore.Open(_folder.File("a.db"));

        Assert.Throws<KeyNotFoundException>(() => store.Update("nope", ArticleStatus.Failed, error: "x"));
    }

    [Fact]
    public void List_ByStatus_ReturnsOnlyThatStatus()
    {
        var store = SqliteArticleStore.Open(_folder.File("a.db"));
        store.Add(Article("d1", "One."));
        store.Add(Article("d2", "Two."));
        store.Update("d2", ArticleStatus.Failed, error: "Unavailable: extraction down");

        var failed = store.List(ArticleStatus.Failed, 10);

        var only = Assert.Single(failed);
        Assert.Equal("d2", only.Id);
        Assert.Equal("Unavailable: extraction down", only.Error);
    }

    [Fact]
    public void Open_TwiceOnOneFile_AppliesMigrationsOnce()
    {
        var path = _folder.File("a.db");

        var first = new SqliteDatabase(path, SqliteArticleStore.Schema);
        var second = new SqliteDatabase(path, SqliteArticleStore.Schema);

        Assert.Equal(SqliteDatabase.Scripts(SqliteArticleStore.Schema).Max(s => s.Version), first.SchemaVersion);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
    }

    [Fact]
    public void Open_PooledConnectionAgain_KeepsItsSettings()
    {
        var database = new SqliteDatabase(_folder.File("pooled.db"), SqliteArticleStore.Schema);
        using (var first = database.Open())
        {
            Assert.Equal(-65536L, Pragma(first, "cache_size"));
        }

        using var again = database.Open();

        Assert.Equal(-65536L, Pragma(again, "cache_size"));
        Assert.Equal(1L, Pragma(again, "foreign_keys"));
        Assert.Equal(2L, Pragma(again, "temp_store"));
        Assert.Equal(16384L, Pragma(again, "wal_autocheckpoint"));
        Assert.Equal("wal", Pragma(again, "journal_mode"));
    }

    private static object? Pragma(Microsoft.Data.Sqlite.SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }
}
