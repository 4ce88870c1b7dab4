namespace Dossier.Cli.Tests;

public class FeedCommandsTests
{
    [Theory]
    [InlineData]
    [InlineData("subscribe", "https://wire.example/rss.xml")]
    [InlineData("add")]
    [InlineData("add", "https://wire.example/rss.xml", "--interval", "ten")]
    [InlineData("add", "https://wire.example/rss.xml", "--interval", "0")]
    [InlineData("remove")]
    [InlineData("poll")]
    public void Run_MissingOrBadOperand_IsAUsageErrorBeforeAnyCall(params string[] args)
    {
        // Nothing listens on port 9: a call would end in Unavailable, exit code 1.
        var (code, stdout, stderr) = Cli.Run(["feeds", .. args, "--server", "http://127.0.0.1:9"]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("See 'dossier feeds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_FeedsAndIngestByUrl_AreDocumented()
    {
        var feeds = Cli.Run("feeds", "--help").Out;
        var add = Cli.Run("feeds", "add", "--help").Out;
        var ingest = Cli.Run("ingest", "--help").Out;

        Assert.All(new[] { "add", "list", "remove", "poll" }, verb => Assert.Contains($"  {verb} ", feeds, StringComparison.Ordinal));
        Assert.Contains($"{System.CommandLine.RootCommand.ExecutableName} feeds add <URL> [options]", add, StringComparison.Ordinal);
        Assert.Contains("--interval <S>", add, StringComparison.Ordinal);
        Assert.Contains("--url <URL>", ingest, StringComparison.Ordinal);
    }
}
