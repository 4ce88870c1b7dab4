using Dossier.Domain;

namespace Dossier.Store.Tests;

/// <summary>
/// The contract every knowledge store engine must keep: the same tests run against SQLite and PostgreSQL.
/// Each test gets an empty store from <see cref="CreateStore"/>. The tests are <c>[SkippableFact]</c>s
/// (Xunit.SkippableFact) so an engine whose server is not at hand skips them from <see cref="CreateStore"/> with a
/// message saying how to run them, instead of failing (see <see cref="PostgresTestServer"/>).
/// </summary>
public abstract partial class KnowledgeStoreSuite : IDisposable
{
    private readonly Lazy<IKnowledgeStore> _lazy;

    protected KnowledgeStoreSuite() => _lazy = new Lazy<IKnowledgeStore>(CreateStore);

    protected IKnowledgeStore Store => _lazy.Value;

    /// <summary>A new, empty store of the engine under test.</summary>
    protected abstract IKnowledgeStore CreateStore();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private protected static (ArticleInfo, DocumentFacts) Article(string id, string text, string? published = null)
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

    [SkippableFact]
    public async Task Index_NewArticle_IsListedWithCountsAndReadBackWithFacts()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco on Wednesday.", "2022-05-14");

        var replaced = await Store.IndexAsync(info, facts);
        var page = await Store.ListAsync(0, 10);
        var article = await Store.GetAsync("d1");

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

    [SkippableFact]
    public async Task Index_SameIdAgain_ReplacesFactsAndSearchEntry()
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.");
        await Store.IndexAsync(info, facts);

        var replaced = await Store.IndexAsync(info with { Text = "The coalition met in Rome." }, facts with { Countries = [] });

        Assert.True(replaced);
        Assert.Equal(1, (await Store.ListAsync(0, 10)).Total);
        Assert.Empty((await Store.SearchAsync("Morocco", 0, 10)).Items);
        Assert.Single((await Store.SearchAsync("Rome", 0, 10)).Items);
    }

    [SkippableFact]
    public async Task IndexMany_SeveralArticles_StoresEachInOrderAsIndexWould()
    {
        await Store.IndexAsync(Article("d1", "The coalition met in Morocco.").Item1, Article("d1", "The coalition met in Morocco.").Item2);

        var replaced = await Store.IndexManyAsync(
        [
            Article("d1", "Now the coalition met in Rome."),
            Article("d2", "Ministers met in Morocco."),
            Article("d2", "Ministers met in Morocco again."),
            Article("d3", "Nothing of note."),
        ]);

        Assert.Equal([true, false, true, false], replaced);
        Assert.Equal(3, (await Store.TotalsAsync()).Articles);
        Assert.Equal("Ministers met in Morocco again.", (await Store.GetAsync("d2"))?.Text);
        Assert.Equal(["d2"], (await Store.SearchAsync("Morocco", 0, 10)).Items.Select(h => h.Article.Id));
        var morocco = await Store.GetEntityAsync("country:MA");
        Assert.NotNull(morocco);
        Assert.Equal((1, 1), (morocco.Summary.DocumentCount, morocco.Summary.MentionCount));
    }

    [SkippableFact]
    public async Task IndexMany_OneArticleFails_StoresTheOthersOnceAndThrowsItsError()
    {
        var (bad, badFacts) = Article("bad", "Ministers met in Morocco.");
        var store = Store;

        // A missing text breaks a NOT NULL constraint in the middle of the batch, after the first article was written.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.IndexManyAsync(
        [
            Article("d1", "The coalition met in Morocco."),
            (bad with { Text = null! }, badFacts),
            Article("d2", "Ministers met in Morocco again."),
        ]));

        Assert.Equal(2, (await Store.TotalsAsync()).Articles);
        Assert.Null(await Store.GetAsync("bad"));
        Assert.Equal(["d1", "d2"], (await Store.SearchAsync("Morocco", 0, 10)).Items.Select(h => h.Article.Id).Order());
        var morocco = await Store.GetEntityAsync("country:MA");
        Assert.NotNull(morocco);
        Assert.Equal((2, 2), (morocco.Summary.DocumentCount, morocco.Summary.MentionCount));
        Assert.Equal(2, (await Store.GetClaimTimelineAsync(ClaimKinds.MemberCount)).Entries.Count);
    }

    [SkippableFact]
    public async Task Search_SeveralMatches_RanksTheDenserArticleFirstAndMarksMatches()
    {
        await Store.IndexAsync(Article("d1", "A long article about many things, sports and weather, that mentions Marrakesh once.").Item1, Article("d1", "x").Item2);
        await Store.IndexAsync(Article("d2", "Marrakesh hosted the ministerial. Marrakesh welcomed ministers.").Item1, Article("d2", "x").Item2);

        var hits = await Store.SearchAsync("marrakesh", 0, 10);

        Assert.Equal(["d2", "d1"], hits.Items.Select(h => h.Article.Id));
        Assert.Equal(["Marrakesh", "Marrakesh"], hits.Items[0].Highlights.Select(h => h.Slice(hits.Items[0].Snippet)));
        Assert.True(hits.Items[0].Score > hits.Items[1].Score);
    }

    [SkippableFact]
    public async Task Search_PagedResults_GivesNextOffsetUntilTheEnd()
    {
        for (var i = 0; i < 5; i++)
        {
            var (info, facts) = Article($"d{i}", $"Coalition meeting number {i}.");
            await Store.IndexAsync(info, facts);
        }

        var first = await Store.SearchAsync("coalition", 0, 2);
        var last = await Store.SearchAsync("coalition", 4, 2);

        Assert.Equal(2, first.Items.Count);
        Assert.Equal(2, first.NextOffset);
        Assert.Equal(5, first.Total);
        Assert.Single(last.Items);
        Assert.Null(last.NextOffset);
    }

    [SkippableFact]
    public async Task Search_MoreMatchesThanTheRankWindow_RanksTheNewestAndPagesThroughTheRest()
    {
        for (var i = 0; i < 7; i++)
        {
            var (info, facts) = Article($"d{i}", i == 1 ? "Coalition, coalition, coalition." : $"Coalition meeting number {i}.");
            await Store.IndexAsync(info, facts);
        }

        ((SqlKnowledgeStore)Store).RankWindow = 3;
        var pages = new List<Page<SearchHit>>();
        for (var p = 0; p < 4; p++)
        {
            pages.Add(await Store.SearchAsync("coalition", p * 2, 2));
        }

        var ids = pages.SelectMany(p => p.Items.Select(h => h.Article.Id)).ToList();

        Assert.Equal([4, 5, 7, 7], pages.Select(p => p.Total));
        Assert.Equal(7, ids.Count);
        Assert.Equal(7, ids.Distinct().Count());
        Assert.Equal([2, 4, 6, null], pages.Select(p => p.NextOffset));
        Assert.DoesNotContain("d1", ids.Take(3));
        Assert.Contains(pages[3].Items, h => h.Article.Id == "d0");
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"unclosed phrase")]
    [InlineData("*** ---")]
    public async Task Search_MalformedQuery_ThrowsInvalidQuery(string query)
    {
        await Assert.ThrowsAsync<InvalidQueryException>(() => Store.SearchAsync(query, 0, 10));
    }

    [SkippableTheory]
    [InlineData("Morocco OR NEAR(x y)")]
    [InlineData("title:Morocco")]
    [InlineData("Morocco'; DROP TABLE documents; --")]
    [InlineData("^Morocco")]
    public async Task Search_Fts5SyntaxInQuery_IsSearchedAsPlainWords(string query)
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco.");
        await Store.IndexAsync(info, facts);

        var hits = await Store.SearchAsync(query, 0, 10);

        Assert.NotNull(hits);
        Assert.Equal(1, (await Store.ListAsync(0, 10)).Total);
    }

    [SkippableTheory]
    [InlineData("the and of")]
    [InlineData("Zürich* Köln")]
    [InlineData("日本語 テキスト")]
    [InlineData("١٢٣ مراكش")]
    [InlineData("C++ .NET don't")]
    [InlineData("Morocco* \"met in\"*")]
    [InlineData("a:b | !c & (d) <-> e:* \\ 'f'")]
    public async Task Search_UnusualWords_AreSearchedWithoutError(string query)
    {
        var (info, facts) = Article("d1", "The coalition met in Morocco, Zürich and مراكش.");
        await Store.IndexAsync(info, facts);

        var hits = await Store.SearchAsync(query, 0, 10);

        Assert.NotNull(hits);
        Assert.InRange(hits.Total, 0, 1);
    }

    [SkippableFact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("missing"));
    }
}
