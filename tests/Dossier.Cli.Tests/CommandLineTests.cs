using System.CommandLine;
using System.Reflection;
using Dossier.Cli.Progress;
using Dossier.Cli.Syntax;

namespace Dossier.Cli.Tests;

/// <summary>The declared command line: unknown options and values are usage errors (exit 2) with suggestions, help and version.</summary>
public class CommandLineTests
{
    // Nothing listens on port 9: a command that got as far as calling a service ends in Unavailable, exit code 1.
    private const string Nowhere = "http://127.0.0.1:9";

    [Theory]
    [InlineData("--contry", "--country", "events", "--contry", "MA")]
    [InlineData("--jsn", "--json", "timeline", "--jsn")]
    [InlineData("--sever", "--server", "search", "Marrakesh", "--sever", Nowhere)]
    [InlineData("--no-wiat", "--no-wait", "ingest", "--no-wiat", "seeds")]
    [InlineData("--sever", "--server", "queue", "--sever", Nowhere)]
    [InlineData("--threds", "--threads", "extract", "--in", "a", "--out", "b", "--threds", "2")]
    public void Run_UnknownOption_ExitsTwoWithTheNearestOptionOnStderr(string typo, string suggestion, params string[] args)
    {
        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(typo, stderr, StringComparison.Ordinal);
        Assert.Contains(suggestion, stderr, StringComparison.Ordinal);
        Assert.Contains($"See 'dossier {args[0]} --help'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithTheNearestCommand()
    {
        var (code, stdout, stderr) = Cli.Run("evnts", "--country", "MA");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("'evnts'", stderr, StringComparison.Ordinal);
        Assert.Contains("events", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DashedTextAfterDoubleDash_IsTextNotAnUnknownOption()
    {
        var (code, _, stderr) = Cli.Run("search", "--server", Nowhere, "--", "--contry");

        Assert.Equal(1, code);
        Assert.Contains("Unavailable", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feeds add https://wire.example/rss.xml --interval ten", "'ten'")]
    [InlineData("extract --in a --out b --threads many", "'many'")]
    [InlineData("extract --in a --out b --threads 0", "'0'")]
    [InlineData("entity --kind persn", "'persn'")]
    [InlineData("annotate a.txt --layers people,peple", "'peple'")]
    [InlineData("queue --server ftp://example.org", "ftp://example.org")]
    [InlineData("extract --in a", "--out")]
    [InlineData("search", "search")]
    [InlineData("delete", "delete")]
    [InlineData("feeds", "feeds")]
    [InlineData("ingest", "ingest needs a folder")]
    [InlineData("ingest seeds --url https://example.org/a", "not both")]
    [InlineData("ingest seeds --title Marrakesh", "--title goes with --url")]
    [InlineData("events ev-4 --country MA", "--country filters the list")]
    [InlineData("completion fish", "'fish'")]
    [InlineData("--version now", "'now'")]
    public void Run_BadOrMissingValue_ExitsTwoBeforeAnyCall(string line, string named)
    {
        var (code, stdout, stderr) = Cli.Run(line.Split(' '));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract", "--in <DIR>", "--out <DIR>", "--threads <N>", "--sources <FILE>", "--verbose")]
    [InlineData("evaluate", "--gold <DIR>", "--docs <DIR>", "--pred <DIR>", "--sources <FILE>", "--json-out <FILE>", "--rules-out <FILE>", "--verbose")]
    [InlineData("annotate", "<FILE>", "--layers <LAYERS>")]
    [InlineData("ingest", "<DIR>", "--url <URL>", "--title <T>", "--source <S>", "--published <YYYY-MM-DD>", "--id <ID>", "--no-wait", "--server <URL>", "--api-key <KEY>")]
    [InlineData("reextract", "<ID>...", "--server <URL>", "--api-key <KEY>")]
    [InlineData("retry", "<ID>...", "--server <URL>")]
    [InlineData("delete", "<ID>", "--server <URL>")]
    [InlineData("queue", "--server <URL>", "--api-key <KEY>")]
    [InlineData("failed", "--server <URL>")]
    [InlineData("search", "<TEXT>...", "--collapse", "--json", "--server <URL>")]
    [InlineData("facts", "<DOC_ID>", "--json", "--server <URL>")]
    [InlineData("events", "<ID>", "--country <CC>", "--format <F>", "--from <DATE>", "--to <DATE>", "--json")]
    [InlineData("entity", "<ID|PREFIX>", "--kind <person|country|organization|place>", "--json")]
    [InlineData("timeline", "<KIND>", "--json")]
    [InlineData("export", "--out <PATH>", "--jsonl", "--server <URL>")]
    public void Run_CommandHelp_ListsItsOptionsAndExitsZero(string command, params string[] expected)
    {
        var (code, stdout, stderr) = Cli.Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Contains($"{RootCommand.ExecutableName} {command}", stdout, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.Contains(e, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_HelpOnEveryCommand_ExitsZeroWithItsUsage()
    {
        var root = DossierCommandLine.Build(new CliContext(TextWriter.Null, TextWriter.Null, ProgressFactory.Plain(TextWriter.Null, TextWriter.Null)));
        var commands = root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Subcommands.Select(s => $"{c.Name} {s.Name}").Prepend(c.Name)).ToList();

        Assert.Contains("feeds poll", commands);
        Assert.All(commands, command =>
        {
            var (code, stdout, _) = Cli.Run([.. command.Split(' '), "-h"]);
            Assert.Equal(0, code);
            Assert.Contains($"{RootCommand.ExecutableName} {command}", stdout, StringComparison.Ordinal);
            Assert.Contains("-?, -h, --help", stdout, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("help")]
    public void Run_NoCommandOrHelp_ListsEveryCommandAndExitsZero(params string[] args)
    {
        var (code, stdout, _) = Cli.Run(args);

        Assert.Equal(0, code);
        Assert.All(
            new[] { "extract", "evaluate", "annotate", "ingest", "feeds", "queue", "failed", "retry", "delete", "reextract", "search", "facts", "events", "entity", "timeline", "export", "completion" },
            c => Assert.Contains($"  {c} ", stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_HelpCommandWithACommand_IsThatCommandsHelp()
    {
        Assert.Equal(Cli.Run("events", "--help").Out, Cli.Run("help", "events").Out);
    }

    [Fact]
    public void Run_Version_PrintsTheInformationalVersionAndExitsZero()
    {
        var version = typeof(DossierCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (code, stdout, _) = Cli.Run("--version");

        Assert.Equal(0, code);
        Assert.Equal(version, stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Theory]
    [InlineData("search \"Marrakesh ministerial\"")]
    [InlineData("search Marrakesh --collapse --json")]
    [InlineData("facts 002_20664682f8330ef5 --json")]
    [InlineData("ingest --url https://example.org/news/2022/05/coalition-ministerial.html --title Ministerial --published 2022-05-11 --no-wait")]
    [InlineData("feeds add https://example.org/news/rss.xml --interval 600")]
    [InlineData("feeds list --json")]
    [InlineData("feeds poll feed-0123456789ab")]
    [InlineData("feeds remove feed-0123456789ab")]
    [InlineData("queue")]
    [InlineData("failed")]
    [InlineData("retry")]
    [InlineData("retry 000_14e3f710417d3a1b 001_b5cea6b6ec7f5985")]
    [InlineData("delete 000_14e3f710417d3a1b --api-key k")]
    [InlineData("reextract")]
    [InlineData("events --country MA --format ministerial --from 2022-01-01 --to 2022-12-31")]
    [InlineData("events ev-4 --json")]
    [InlineData("entity --kind person")]
    [InlineData("entity person:antony-blinken")]
    [InlineData("timeline")]
    [InlineData("timeline new_member --json")]
    public void Run_ReadmeCommandWithNoServiceListening_ParsesAndExitsOne(string line)
    {
        var args = System.Text.RegularExpressions.Regex.Matches(line, "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"'));

        var (code, _, stderr) = Cli.Run([.. args, "--server", Nowhere]);

        Assert.Equal(1, code);
        Assert.StartsWith("dossier: Unavailable", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ServiceUnreachable_ExitsOneNotTwo()
    {
        var (code, stdout, stderr) = Cli.Run("queue", "--server", Nowhere);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("dossier: Unavailable", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dossier ev", "events")]
    [InlineData("dossier events --co", "--country")]
    [InlineData("dossier entity --kind ", "organization")]
    [InlineData("dossier annotate a.txt --layers ", "meetings")]
    [InlineData("dossier feeds ", "poll")]
    public void Run_SuggestDirective_CompletesCommandsOptionsAndValues(string line, string completion)
    {
        var (code, stdout, _) = Cli.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, code);
        Assert.Contains(completion, stdout.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Run_CompletionBash_PrintsAScriptThatAsksDossierAtTheCursor()
    {
        var (code, stdout, _) = Cli.Run("completion", "bash");

        Assert.Equal(0, code);
        Assert.Contains("\"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\"", stdout, StringComparison.Ordinal);
        Assert.Contains("complete -o default -F _dossier_complete dossier", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--contry", "--country")]
    [InlineData("--JSON", "--json")]
    [InlineData("--kid", "--kind")]
    public void Nearest_MisspeltOption_IsTheClosestName(string typo, string expected) =>
        Assert.Equal([expected], UnknownOptions.Nearest(typo, ["--country", "--json", "--jsonl", "--kind", "--format", "--server"]));

    [Fact]
    public void Nearest_NothingClose_IsEmpty() =>
        Assert.Empty(UnknownOptions.Nearest("--frobnicate", ["--country", "--json"]));
}
