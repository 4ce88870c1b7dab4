using System.Text;
using System.Text.Json;
using Dossier.Cli.Commands;
using Dossier.Pipeline;

namespace Dossier.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dossier-cli-tests", Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "in"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string[] Articles =
    [
        "VALLETTA, 12 March 2025 (Island Wire) - Foreign ministers of the Global Coalition to Defeat Daesh met in Valletta on Tuesday, hosted by Malta's Foreign Minister Ian Borg.",
        "The 87-member coalition pledged $45 million for stabilisation programmes in north-east Syria, officials said.",
        "\"We will not let the group regroup,\" said Kari Dahl, Norway's state secretary, after the Small Group meeting in Oslo.",
        "Lisbon, Portugal - The Counter ISIS Finance Group convened its twenty-second meeting on 3 June, co-chaired by Italy, Saudi Arabia and the United States.",
        "Ghana became the newest member of the coalition, bringing its membership to 88, the State Department announced.",
        "Militants carried out 14 attacks in Niger and Mali during April, according to a monitoring group.",
        "Defense ministers gathered at the alliance headquarters in Brussels to review the campaign against ISIS in Iraq.",
        "Sport: Kuwait beat Bahrain 2-1 in the regional final on Friday night in front of a full stadium.",
        "The Africa Focus Group, co-led by Morocco and Niger, held its plenary session in Rabat last month.",
        "U.K. Minister for the Middle East Hamish Falconer announced 10 million pounds for detention-camp security.",
        "Spokesman Tomas Varga told reporters the coalition's communications working group would meet again in the autumn.",
        "Over 80 countries and organisations belong to the coalition, which was formed in September 2014.",
    ];

    private void WriteArticles(string folder)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles.Length; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"n{i:00}.txt"), Articles[i]);
        }
    }

    [Fact]
    public void Run_FolderOfArticles_WritesOneFactsJsonPerTxtFile()
    {
        File.WriteAllText(Path.Combine(_root, "in", "a1.txt"), "Ministers of the Global Coalition met in Rome, Italy.");
        File.WriteAllText(Path.Combine(_root, "in", "a2.txt"), "Another article.");
        File.WriteAllText(Path.Combine(_root, "in", "notes.md"), "not an article");
        var stdout = new StringWriter();

        var code = Cli.Run(stdout, new StringWriter(), null, "extract", "--in", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "out"));

        Assert.Equal(0, code);
        Assert.Equal(["a1.json", "a2.json"], Directory.GetFiles(Path.Combine(_root, "out")).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "out", "a1.json")));
        Assert.Equal("a1", json.RootElement.GetProperty("doc").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("meetings").ValueKind);
    }

    [Fact]
    public void Run_OneThreadAndFourThreads_WriteIdenticalFiles()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        var pipeline = ExtractionPipeline.CreateDefault();

        Cli.Run(new StringWriter(), new StringWriter(), pipeline, "extract", "--in", input, "--out", Path.Combine(_root, "one"), "--threads", "1");
        Cli.Run(new StringWriter(), new StringWriter(), pipeline, "extract", "--in", input, "--out", Path.Combine(_root, "four"), "--threads", "4");

        var one = Directory.GetFiles(Path.Combine(_root, "one")).Order(StringComparer.Ordinal).ToList();
        var four = Directory.GetFiles(Path.Combine(_root, "four")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Articles.Length, one.Count);
        Assert.Equal(one.Select(Path.GetFileName), four.Select(Path.GetFileName));
        foreach (var (a, b) in one.Zip(four))
        {
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
    }

    [Fact]
    public void Run_Output_IsTheIndentedFactsJsonWithoutByteOrderMark()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        var pipeline = ExtractionPipeline.CreateDefault();

        Cli.Run(new StringWriter(), new StringWriter(), pipeline, "extract", "--in", input, "--out", Path.Combine(_root, "out"));

        var bytes = File.ReadAllBytes(Path.Combine(_root, "out", "n00.json"));
        var expected = Dossier.Domain.FactsJson.Serialize(pipeline.Extract(new Dossier.Domain.ExtractionRequest("n00", Articles[0])).Facts);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
    }

    [Fact]
    public void Run_WithoutVerbose_PrintsOnlyTheSummaryToStderr()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Cli.Run(stdout, stderr, new RecordingExtractor(), "extract", "--in", input, "--out", Path.Combine(_root, "out"), "--threads", "3");

        Assert.Equal(0, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith($"extracted {Articles.Length} articles", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("on 3 threads", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Verbose_PrintsALinePerArticleInFileOrder()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        var stdout = new StringWriter();

        Cli.Run(stdout, new StringWriter(), new RecordingExtractor(), "extract", "--in", input, "--out", Path.Combine(_root, "out"), "--threads", "4", "--verbose");

        var expected = Enumerable.Range(0, Articles.Length).Select(i => $"n{i:00}: 1 facts");
        Assert.Equal(expected, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Run_SourcesFile_GivesEachArticleItsUrlAndNothingElse()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        var sources = Path.Combine(_root, "sources.tsv");
        File.WriteAllText(sources,
            "file\turl\ttitle\tpublished\n" +
            "docs/n00.txt\thttps://wire.example.com/2025/03/12/valletta-talks\tValletta talks\t2025-03-12\n" +
            "n03.txt\thttps://finance.example.org/news?id=22\tCIFG meets\t2025-06-03\n");
        var extractor = new RecordingExtractor();

        var code = Cli.Run(new StringWriter(), new StringWriter(), extractor, "extract", "--in", input, "--out", Path.Combine(_root, "out"), "--sources", sources);

        Assert.Equal(0, code);
        Assert.Equal("https://wire.example.com/2025/03/12/valletta-talks", extractor.Requests["n00"].Url);
        Assert.Equal("https://finance.example.org/news?id=22", extractor.Requests["n03"].Url);
        Assert.Null(extractor.Requests["n01"].Url);
        Assert.All(extractor.Requests.Values, r => Assert.Null(r.Published));
        Assert.All(extractor.Requests.Values, r => Assert.Null(r.Title));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void Run_ThreadsNotAPositiveWholeNumber_IsAUsageErrorBeforeAnyWork(string threads)
    {
        var stderr = new StringWriter();

        var code = Cli.Run(new StringWriter(), stderr, new RecordingExtractor(), "extract", "--in", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "out"), "--threads", threads);

        Assert.Equal(2, code);
        Assert.Contains($"'{threads}'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--threads", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void Run_ArticleThatIsNotUtf8_FailsAloneAndExitsWithOne()
    {
        var input = Path.Combine(_root, "in");
        WriteArticles(input);
        File.WriteAllBytes(Path.Combine(input, "n05.txt"), [0x41, 0xFF, 0xFE, 0x42]);
        var stderr = new StringWriter();

        var code = Cli.Run(new StringWriter(), stderr, new RecordingExtractor(), "extract", "--in", input, "--out", Path.Combine(_root, "out"));

        Assert.Equal(1, code);
        Assert.Contains("n05: failed", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "out", "n05.json")));
        Assert.Equal(Articles.Length - 1, Directory.GetFiles(Path.Combine(_root, "out")).Length);
    }

    [Fact]
    public void ReadOriginalText_LeadingByteOrderMark_IsDroppedAndNothingElseChanged()
    {
        var path = Path.Combine(_root, "in", "bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("  Text\r\nwith CRLF  ")]);

        Assert.Equal("  Text\r\nwith CRLF  ", ExtractCommand.ReadOriginalText(path));
    }

    [Fact]
    public void Run_MissingInputFolder_IsAUsageError()
    {
        var (code, _, stderr) = Cli.Run("extract", "--in", Path.Combine(_root, "nope"), "--out", Path.Combine(_root, "out"));

        Assert.Equal(2, code);
        Assert.Contains("dossier: input folder not found", stderr, StringComparison.Ordinal);
    }
}
