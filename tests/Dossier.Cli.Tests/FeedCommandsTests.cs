using Dossier.Cli.Commands;

namespace Dossier.Cli.Tests;

public class FeedCommandsTests
{
    private static Task<int> Run(params string[] args) =>
        FeedCommands.RunAsync(new Args([.. args, "--server", "http://127.0.0.1:9"], new HashSet<string> { "json" }), TextWriter.Null, CancellationToken.None);

    [Theory]
    [InlineData]
    [InlineData("subscribe", "https://wire.example/rss.xml")]
    [InlineData("add")]
    [InlineData("add", "https://wire.example/rss.xml", "--interval", "ten")]
    [InlineData("remove")]
    [InlineData("poll")]
    public async Task RunAsync_MissingOrBadOperand_IsAUsageErrorBeforeAnyCall(params string[] args) =>
        await Assert.ThrowsAsync<UsageException>(() => Run(args));

    [Fact]
    public void Usage_FeedsAndIngestByUrl_AreDocumented()
    {
        Assert.Contains("feeds add URL [--interval S]", Usage.Text, StringComparison.Ordinal);
        Assert.Contains("feeds poll ID", Usage.Text, StringComparison.Ordinal);
        Assert.Contains("ingest --url URL", Usage.Text, StringComparison.Ordinal);
    }
}
