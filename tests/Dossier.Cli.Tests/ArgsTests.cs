namespace Dossier.Cli.Tests;

public class ArgsTests
{
    [Fact]
    public void Args_OptionsFlagsAndPositionals_AreSeparated()
    {
        var args = new Args(["Blinken", "--server", "http://x:1", "--json", "Marrakesh"], new HashSet<string> { "json" });

        Assert.Equal(["Blinken", "Marrakesh"], args.Positional);
        Assert.Equal("http://x:1", args.Get("server"));
        Assert.True(args.Has("json"));
        Assert.Null(args.Get("out"));
    }

    [Fact]
    public void Args_OptionWithoutValue_IsAUsageError()
    {
        Assert.Throws<UsageException>(() => new Args(["--out"], new HashSet<string>()));
    }

    [Fact]
    public void Require_MissingOption_IsAUsageErrorNamingIt()
    {
        var args = new Args([], new HashSet<string>());

        var e = Assert.Throws<UsageException>(() => args.Require("in"));

        Assert.Contains("--in", e.Message);
    }
}
