namespace Dossier.Store.Tests;

public class FullTextQueryTests
{
    [Theory]
    [InlineData("Blinken", "\"Blinken\"")]
    [InlineData("small group", "\"small\" AND \"group\"")]
    [InlineData("\"Africa Focus Group\" Rome", "\"Africa Focus Group\" AND \"Rome\"")]
    [InlineData("minist*", "\"minist\"*")]
    [InlineData("Deir ez-Zor", "\"Deir\" AND \"ez Zor\"")]
    public void ToFts5_UserText_BecomesQuotedTerms(string query, string expected)
    {
        Assert.Equal(expected, FullTextQuery.ToFts5(query));
    }

    [Theory]
    [InlineData("small group", "\"small\" OR \"group\"")]
    [InlineData("\"Global Coalition\" minist* \"war AND peace\"*", "\"Global\" OR \"Coalition\" OR \"minist\"* OR \"war\" OR \"AND\" OR \"peace\"")]
    [InlineData("rome Rome rome", "\"rome\" OR \"Rome\"")]
    public void ToFts5AnyWord_UserText_BecomesEachWordOrTheOthers(string query, string expected)
    {
        Assert.Equal(expected, FullTextQuery.ToFts5AnyWord(query));
    }

    [Fact]
    public void ToFts5_TooManyTerms_Throws()
    {
        var query = string.Join(' ', Enumerable.Range(0, FullTextQuery.MaxTerms + 1).Select(i => "w" + i));

        Assert.Throws<InvalidQueryException>(() => FullTextQuery.ToFts5(query));
    }
}
