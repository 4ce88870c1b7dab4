using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Dossier.Domain;
using Dossier.Evaluation;

namespace Dossier.Pipeline.Tests;

public class FactsScorerTests
{
    private const string Gold = """
        {"doc": "x", "published": "2023-01-05", "relevant": true,
         "countries": ["IQ", "SY"], "countries_optional": ["GB"],
         "people": [{"name": "Lena Berg", "aliases": ["Berg"], "title": "Foreign Minister", "country": "SE"}],
         "organizations": [{"name": "ISIS", "aliases": ["Daesh"]}], "organizations_optional": ["WAM"],
         "meetings": [{"format": "ministerial", "city": "Rome", "country": "IT", "date": "2023-01-04",
                       "hosts_or_chairs": ["IT"], "participants": ["SE", "Lena Berg"], "formats_ok": ["other"]}],
         "member_counts": [{"count": 86, "qualifier": "exact"}], "new_members": [{"member": "TG", "ordinal": 86}],
         "money": [{"amount_usd": 5000000, "qualifier": "exact"}],
         "quotes": [{"speaker": "Lena Berg", "text": "We will not relent in Iraq or in Syria"}],
         "attack_stats": [{"count": 12, "qualifier": "exact", "what": "attacks"}]}
        """;

    private const string Text = "Lena Berg met in Rome. 86th member TG. $5 million. “We will not relent in Iraq or in Syria,” Berg said. 12 attacks. Daesh.";

    private static DocumentFacts Perfect() => new()
    {
        Doc = "x",
        Published = "2023-01-05",
        Relevant = true,
        Countries = [new CountryFact("IQ", [Span("Iraq")]), new CountryFact("SY", [Span("Syria")])],
        People = [new PersonFact("Lena Berg", ["Berg"], "Foreign Minister", "SE", [Span("Lena Berg")])],
        Organizations = [new OrganizationFact("ISIS", ["Daesh"], [Span("Daesh")])],
        Meetings = [new MeetingFact("other", "Rome", "IT", "2023-01-04", ["IT"], ["SE"], Span("Rome"))],
        MemberCounts = [new MemberCountFact(86, "exact", null, Span("86th"))],
        NewMembers = [new NewMemberFact("TG", 86, Span("86th member"))],
        Money = [new MoneyFact(5_000_000, "exact", null, Span("$5 million"))],
        Quotes = [new QuoteFact("Lena Berg", null, "We will not relent in Iraq or in Syria", Span("We will not relent in Iraq or in Syria"))],
        AttackStats = [new AttackStatFact(12, "exact", "attacks", [], null, Span("12 attacks"))],
    };

    private static TextSpan Span(string s)
    {
        var i = Text.IndexOf(s, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    [Fact]
    public void Score_PerfectPrediction_ScoresOneEverywhere()
    {
        var report = FactsScorer.Score([ScoringInput.FromFacts("x", Gold, Perfect(), Text)]);

        Assert.Equal(1.0, report.OverallF1);
        Assert.Equal(1.0, report.AttributeAccuracy);
        Assert.Equal(1.0, report.Provenance);
        Assert.Equal(10, report.ProvenanceJudged);
        Assert.Equal(1, report.RelevantOk);
        Assert.Equal(1, report.PublishedOk);
    }

    [Fact]
    public void Score_MissingSpuriousAndOptionalItems_AreCountedLikeScorePy()
    {
        var facts = Perfect() with
        {
            Countries = [new CountryFact("IQ", [Span("Iraq")]), new CountryFact("GB", [Span("Rome")]), new CountryFact("FR", [Span("Rome")])],
            Organizations = [new OrganizationFact("WAM", [], [Span("Rome")])],
            Quotes = [new QuoteFact("Someone Else", null, "We will not relent in Iraq", Span("We will not relent in Iraq or in Syria"))],
        };

        var report = FactsScorer.Score([ScoringInput.FromFacts("x", Gold, facts, Text)]);

        var countries = report["countries"];
        Assert.Equal((1, 1, 1), (countries.Tp, countries.Fp, countries.Fn));
        var orgs = report["organizations"];
        Assert.Equal((0, 0, 1), (orgs.Tp, orgs.Fp, orgs.Fn));
        Assert.Equal((0, 1), report["quotes"].Attributes["speaker"]);
        Assert.Contains(countries.Errors, e => e.Contains("spurious 'FR'", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_InvalidSpan_LowersProvenance()
    {
        var facts = Perfect() with { Money = [new MoneyFact(5_000_000, "exact", null, Span("Rome"))] };

        var report = FactsScorer.Score([ScoringInput.FromFacts("x", Gold, facts, Text)]);

        Assert.Equal(9, report.ProvenanceValid);
        Assert.Equal(1, report.ProvenanceInvalid);
    }

    [Fact]
    public void Print_Report_EndsWithTheSummaryLine()
    {
        var report = FactsScorer.Score([ScoringInput.FromFacts("x", Gold, Perfect(), Text)]);
        var writer = new StringWriter();

        report.Print(writer);

        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.Equal("overall F1 1.000 (macro over 9 kinds), attribute accuracy 1.000, provenance 1.000 of 10 items valid", lines[^1].TrimEnd('\r'));
        Assert.StartsWith("field", lines[0]);
    }
}

public class SeedsEvaluationTests
{
    private static string GoldDir() => Path.GetFullPath(Path.Combine(TestSupport.RepoRoot(), "..", "shared", "eval", "seeds-gold"));

    private static string SeedsDir() => Path.Combine(TestSupport.RepoRoot(), "seeds");

    private static List<ScoringInput> RunPipeline(Func<DocumentFacts, DocumentFacts>? change = null)
    {
        var inputs = new List<ScoringInput>();
        foreach (var goldFile in Directory.GetFiles(GoldDir(), "*.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(goldFile);
            var text = FactsScorer.ReadOriginalText(Path.Combine(SeedsDir(), stem + ".txt"));
            var facts = TestSupport.Pipeline.Extract(new ExtractionRequest(stem, text)).Facts;
            inputs.Add(ScoringInput.FromFacts(stem, File.ReadAllText(goldFile), change is null ? facts : change(facts), text));
        }

        return inputs;
    }

    [Fact]
    public void Score_PipelineOnSeeds_MeetsTheQualityFloor()
    {
        var report = FactsScorer.Score(RunPipeline());

        Assert.True(report.OverallF1 >= 0.95, report.SummaryLine);
        Assert.True(report.AttributeAccuracy >= 0.90, report.SummaryLine);
        Assert.Equal(1.0, report.Provenance);
        Assert.Equal(5, report.RelevantN);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Score_SameOutputs_MatchesScorePyLineForLine(bool degrade)
    {
        var inputs = RunPipeline(degrade ? Degrade : null);
        var predDir = Directory.CreateTempSubdirectory("dossier-pred-").FullName;
        try
        {
            foreach (var input in inputs)
            {
                File.WriteAllText(Path.Combine(predDir, input.Stem + ".json"), input.PredictedJson!, new UTF8Encoding(false));
            }

            var csharp = new StringWriter();
            FactsScorer.Score(GoldDir(), predDir, SeedsDir()).Print(csharp, verbose: false);

            var python = RunScorePy(predDir);

            Assert.Equal(Lines(python), Lines(csharp.ToString()));
        }
        finally
        {
            Directory.Delete(predDir, recursive: true);
        }
    }

    /// <summary>A worse prediction, to compare the two scorers on misses, spurious items and bad spans.</summary>
    private static DocumentFacts Degrade(DocumentFacts f) => f with
    {
        Published = f.Published is null ? "2020-01-01" : null,
        Countries = f.Countries.Skip(1).Append(new CountryFact("zz", [new TextSpan(0, 3)])).ToList(),
        People = f.People.Select(p => p with { Title = "Envoy", Country = "FR" }).ToList(),
        Organizations = f.Organizations.Take(1).Append(new OrganizationFact("Made Up Org", [], [new TextSpan(0, 0)])).ToList(),
        Meetings = f.Meetings.Select(m => m with { Date = "1999", City = m.City is null ? "Rome" : null, HostsOrChairs = [] }).Append(new MeetingFact("small_group", null, null, null, [], [], new TextSpan(5, 2))).ToList(),
        Money = f.Money.Select(m => m with { AmountUsd = m.AmountUsd + 1 }).ToList(),
        Quotes = f.Quotes.Select(q => q with { Speaker = q.Speaker is null ? "Antony Blinken" : null }).ToList(),
        AttackStats = f.AttackStats.Skip(1).ToList(),
    };

    private static string[] Lines(string s) => s.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string RunScorePy(string predDir)
    {
        var score = Path.GetFullPath(Path.Combine(GoldDir(), "..", "score.py"));
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { score, "--gold", GoldDir(), "--pred", predDir, "--docs", SeedsDir() })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return stdout;
    }
}

public class EvaluateCommandTests
{
    private static string GoldDir() => Path.GetFullPath(Path.Combine(TestSupport.RepoRoot(), "..", "shared", "eval", "seeds-gold"));

    private static string SeedsDir() => Path.Combine(TestSupport.RepoRoot(), "seeds");

    [Fact]
    public void Run_WithoutPred_RunsThePipelineAndPrintsTheSummaryLast()
    {
        var args = new Dossier.Cli.Args(["--gold", GoldDir(), "--docs", SeedsDir()], new HashSet<string>(StringComparer.Ordinal) { "verbose" });
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Dossier.Cli.Commands.EvaluateCommand.Run(args, stdout, stderr);

        Assert.Equal(0, code);
        var lines = stdout.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("field", lines[0]);
        Assert.StartsWith("overall F1 ", lines[^1]);
        Assert.Contains("(macro over 9 kinds)", lines[^1]);
        Assert.Contains("items valid", lines[^1]);
    }

    [Fact]
    public void Run_WithPredFolder_ScoresTheFiles()
    {
        var pred = Directory.CreateTempSubdirectory("dossier-eval-").FullName;
        try
        {
            var args = new Dossier.Cli.Args(["--gold", GoldDir(), "--docs", SeedsDir(), "--pred", pred], new HashSet<string>(StringComparer.Ordinal));
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = Dossier.Cli.Commands.EvaluateCommand.Run(args, stdout, stderr);

            Assert.Equal(0, code);
            Assert.Contains("no prediction file", stderr.ToString());
            Assert.Contains("overall F1 0.", stdout.ToString());
        }
        finally
        {
            Directory.Delete(pred, recursive: true);
        }
    }

    [Fact]
    public void Run_MissingGoldFolder_IsAUsageError()
    {
        var args = new Dossier.Cli.Args(["--gold", "/nonexistent/gold", "--docs", SeedsDir()], new HashSet<string>(StringComparer.Ordinal));

        Assert.Throws<Dossier.Cli.UsageException>(() => Dossier.Cli.Commands.EvaluateCommand.Run(args, new StringWriter(), new StringWriter()));
    }
}
