using Dossier.Domain;

namespace Dossier.Store.Tests;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteKnowledgeStore _store;

    public KnowledgeStoreTests() => _store = SqliteKnowledgeStore.Open(_folder.File("k.db"));

    public void Dispose() => _folder.Dispose();

    private static (ArticleInfo, DocumentFacts) Article(string id, string text, string? published = null)
    {
        var morocco = text.IndexOf("Morocco", StringComparison.Ordinal);
        var facts = new DocumentFacts
        {
            Doc = id,
            Published = published,
            Relevant = true,
            ExtractorVersion = "test-1",
            Countries = morocco < 0 ? [] : [new CountryFact("MA", [new TextSpan(morocco, morocco + 7)])],
            MemberCounts = [new MemberCountFact(84, Qualifiers.Exact, published, new TextSpan(0, 4))],
        };
        return (new ArticleInfo { Id = id, Text = text, Title = "Title " + id, Published = published, TraceId = "t-" + id }, facts);
    }

    [Fact]
    public void Index_NewArticle_IsListedWithCountsAndReadBackWithFacts()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco on Wednesday.", "2022-05-14");

        var replaced = _store.Index(info, facts);
        var page = _store.List(0, 10);
        var article = _store.Get("d1");

        Assert.False(replaced);
        var summary = Assert.Single(page.Items);
        Assert.Equal(1, summary.Counts.Countries);
        Assert.Equal(2, summary.Counts.Total);
        Assert.Equal("t-d1", summary.TraceId);
        Assert.Equal("test-1", summary.ExtractorVersion);
        Assert.NotNull(article);
        Assert.Equal("MA", article.Facts.Countries[0].Code);
        Assert.Equal("Morocco", article.Facts.Countries[0].Spans[0].Slice(article.Text));
    }

    [Fact]
    public void Index_SameIdAgain_ReplacesFactsAndSearchEntry()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.");
        _store.Index(info, facts);

        var replaced = _store.Index(info with { Text = "The coalition met in Rome." }, facts with { Countries = [] });

        Assert.True(replaced);
        Assert.Equal(1, _store.List(0, 10).Total);
        Assert.Empty(_store.Search("Morocco", 0, 10).Items);
        Assert.Single(_store.Search("Rome", 0, 10).Items);
    }

    [Fact]
    public void Search_SeveralMatches_RanksTheDenserArticleFirstAndMarksMatches()
    {
        _store.Index(Article("d1", "A long article about many things, sports and weather, that mentions Marrakesh once.").Item1, Article("d1", "x").Item2);
        _store.Index(Article("d2", "Marrakesh hosted the ministerial. Marrakesh welcomed ministers.").Item1, Article("d2", "x").Item2);

        var hits = _store.Search("marrakesh", 0, 10);

        Assert.Equal(["d2", "d1"], hits.Items.Select(h => h.Article.Id));
        Assert.Contains("[Marrakesh]", hits.Items[0].Snippet);
        Assert.True(hits.Items[0].Score > hits.Items[1].Score);
    }

    [Fact]
    public void Search_PagedResults_GivesNextOffsetUntilTheEnd()
    {
        for (var i = 0; i < 5; i++)
        {
            var (info, facts) = Article($"d{i}", $"Coalition meeting number {i}.");
            _store.Index(info, facts);
        }

        var first = _store.Search("coalition", 0, 2);
        var last = _store.Search("coalition", 4, 2);

        Assert.Equal(2, first.Items.Count);
        Assert.Equal(2, first.NextOffset);
        Assert.Equal(5, first.Total);
        Assert.Single(last.Items);
        Assert.Null(last.NextOffset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"unclosed phrase")]
    [InlineData("*** ---")]
    public void Search_MalformedQuery_ThrowsInvalidQuery(string query)
    {
        Assert.Throws<InvalidQueryException>(() => _store.Search(query, 0, 10));
    }

    [Theory]
    [InlineData("Morocco OR NEAR(x y)")]
    [InlineData("title:Morocco")]
    [InlineData("Morocco'; DROP TABLE documents; --")]
    [InlineData("^Morocco")]
    public void Search_Fts5SyntaxInQuery_IsSearchedAsPlainWords(string query)
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.");
        _store.Index(info, facts);

        var hits = _store.Search(query, 0, 10);

        Assert.NotNull(hits);
        Assert.Equal(1, _store.List(0, 10).Total);
    }

    [Fact]
    public void Get_UnknownId_ReturnsNull()
    {
        Assert.Null(_store.Get("missing"));
    }
}
