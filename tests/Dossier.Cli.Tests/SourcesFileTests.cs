namespace Dossier.Cli.Tests;

public sealed class SourcesFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "dossier-sources-" + Guid.NewGuid().ToString("N") + ".tsv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_ColumnsInAnyOrder_MatchesUrlsByFileStem()
    {
        File.WriteAllText(_path,
            "kind\turl\tpublished\tfile\ttitle\r\n" +
            "news\thttps://news.example.org/2021/03/04/talks\t2021-03-04\tarticles/a17.txt\tTalks in Oslo\r\n" +
            "blog\thttps://blog.example.net/p?id=9\t\tb02.txt\t\r\n" +
            "\r\n" +
            "page\t\t\tc03.txt\tNo address\r\n");

        var sources = SourcesFile.Read(_path);

        Assert.Equal(2, sources.Count);
        Assert.Equal("https://news.example.org/2021/03/04/talks", sources.UrlOf("a17"));
        Assert.Equal("https://blog.example.net/p?id=9", sources.UrlOf("b02"));
        Assert.Null(sources.UrlOf("c03"));
        Assert.Null(sources.UrlOf("zz"));
    }

    [Fact]
    public void Read_HeaderWithoutUrlColumn_IsAUsageError()
    {
        File.WriteAllText(_path, "file\tlink\nx.txt\thttps://example.org/x\n");

        var e = Assert.Throws<UsageException>(() => SourcesFile.Read(_path));

        Assert.Contains("'url'", e.Message);
    }

    [Fact]
    public void Read_TwoUrlsForOneArticle_IsAUsageError()
    {
        File.WriteAllText(_path, "file\turl\nx.txt\thttps://example.org/1\nold/x.txt\thttps://example.org/2\n");

        Assert.Throws<UsageException>(() => SourcesFile.Read(_path));
    }

    [Fact]
    public void Read_ShortRow_IsAUsageErrorNamingTheRow()
    {
        File.WriteAllText(_path, "file\ttitle\turl\nx.txt\tno url column\n");

        var e = Assert.Throws<UsageException>(() => SourcesFile.Read(_path));

        Assert.Contains(":2:", e.Message);
    }

    [Fact]
    public void Read_MissingFile_IsAUsageError()
    {
        Assert.Throws<UsageException>(() => SourcesFile.Read(_path + ".absent"));
    }
}
