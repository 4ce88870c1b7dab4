using Dossier.Cli.Commands;

namespace Dossier.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dossier-cli-eval-").FullName;

    public EvaluateCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "gold"));
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
        File.WriteAllText(Path.Combine(_root, "gold", "k1.json"), """{"doc": "k1", "relevant": true, "countries": ["IS"]}""");
        File.WriteAllText(Path.Combine(_root, "docs", "k1.txt"), "Iceland joined the talks.");
        File.WriteAllText(Path.Combine(_root, "sources.tsv"), "file\turl\ndocs/k1.txt\thttps://example.is/2024/05/01/talks\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string P(string name) => Path.Combine(_root, name);

    [Fact]
    public void Run_SourcesWithoutPred_GivesThePipelineEachArticlesUrl()
    {
        var extractor = new RecordingExtractor();
        var stdout = new StringWriter();

        var code = Cli.Run(stdout, new StringWriter(), extractor, "evaluate", "--gold", P("gold"), "--docs", P("docs"), "--sources", P("sources.tsv"));

        Assert.Equal(0, code);
        Assert.Equal("https://example.is/2024/05/01/talks", extractor.Requests["k1"].Url);
        Assert.Null(extractor.Requests["k1"].Published);
        Assert.Contains("countries        1.000  1.000  1.000   1/0/0", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SourcesWithPred_IsAUsageError()
    {
        Directory.CreateDirectory(P("pred"));
        var (code, stdout, stderr) = Cli.Run("evaluate", "--gold", P("gold"), "--docs", P("docs"), "--pred", P("pred"), "--sources", P("sources.tsv"));

        Assert.Equal(2, code);
        Assert.Contains("--sources is for the pipeline run", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Run_GoldFolderWithoutJson_ExitsWithTwoLikeScorePy()
    {
        Directory.CreateDirectory(P("empty"));
        var stderr = new StringWriter();

        var code = Cli.Run(new StringWriter(), stderr, new RecordingExtractor(), "evaluate", "--gold", P("empty"), "--docs", P("docs"));

        Assert.Equal(2, code);
        Assert.Equal("no gold files", stderr.ToString().Trim());
    }

    [Fact]
    public void Run_Verbose_ShowsAMissedItemWithItsSentence()
    {
        File.WriteAllText(Path.Combine(_root, "gold", "k1.json"), """{"doc": "k1", "relevant": true, "countries": ["IS", "FO"], "people": [{"name": "Sigrid Olsen"}]}""");
        File.WriteAllText(Path.Combine(_root, "docs", "k1.txt"), "Iceland joined the talks. Minister Sigrid Olsen of the Faroe Islands spoke last.");
        var stdout = new StringWriter();

        Cli.Run(stdout, new StringWriter(), new RecordingExtractor(), "evaluate", "--gold", P("gold"), "--docs", P("docs"), "--verbose");

        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var missed = lines.IndexOf("  k1 people: missed 'Sigrid Olsen'");
        Assert.True(missed >= 0, stdout.ToString());
        Assert.Equal("      | Minister [[Sigrid Olsen]] of the Faroe Islands spoke last.", lines[missed + 1]);
        Assert.StartsWith("overall F1 ", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
    }
}
