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
        Assert.Contains(countries.Errors, e => e.Line.Contains("spurious 'FR'", StringComparison.Ordinal));
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
    public void Score_MoneyWithoutUsdAmount_IsNeitherRewardedNorPenalised()
    {
        const string gold = """
            {"doc": "m", "relevant": true, "money": [
              {"amount_usd": 7000000, "qualifier": "exact", "evidence": "$7 million"},
              {"amount_usd": null, "qualifier": "exact", "evidence": "3 million pounds"}]}
            """;
        const string pred = """
            {"doc": "m", "relevant": true, "money": [
              {"amount_usd": 7000000, "qualifier": "exact", "span": [0, 10]},
              {"amount_usd": null, "qualifier": "exact", "span": [15, 31]},
              {"amount_usd": null, "qualifier": "about", "span": [15, 31]}]}
            """;

        var report = FactsScorer.Score([new ScoringInput("m", gold, pred, null)], checkProvenance: false);

        var money = report["money"];
        Assert.Equal((1, 0, 0), (money.Tp, money.Fp, money.Fn));
        Assert.Empty(money.Errors);
    }

    [Fact]
    public void Score_ExactHalfThousandths_RoundHalfToEvenLikePython()
    {
        // 13 of 16 predictions right: precision 0.8125 exactly, which Python prints as 0.812 (and 15/16 as 0.938).
        var gold = "{\"doc\": \"h\", \"attack_stats\": [" + string.Join(", ", Enumerable.Range(1, 13).Select(i => $"{{\"count\": {i}}}")) + "]}";
        var pred = "{\"doc\": \"h\", \"attack_stats\": [" + string.Join(", ", Enumerable.Range(1, 16).Select(i => $"{{\"count\": {i}}}")) + "]}";

        var report = FactsScorer.Score([new ScoringInput("h", gold, pred, null)], checkProvenance: false);
        var writer = new StringWriter();
        report.Print(writer);

        Assert.Equal(0.8125, report["attack_stats"].Precision);
        Assert.Contains("attack_stats     0.812  1.000  0.897   13/3/0", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ErrorLines_UsePythonReprs()
    {
        const string gold = """
            {"doc": "r", "meetings": [{"format": "other", "city": null, "country": null, "date": null},
                                      {"format": "ministerial", "city": "Oslo", "country": "NO", "hosts_or_chairs": ["Kari Dahl", "NO"]}],
             "new_members": [{"member": "TG", "ordinal": null}, {"member": "NATO", "ordinal": 31}],
             "quotes": [{"speaker": "Kari Dahl", "text": "It's a \"turning point\" for us\u00a0all"}]}
            """;
        const string pred = """
            {"doc": "r", "meetings": [{"format": "ministerial", "city": "Oslo", "country": "NO", "hosts_or_chairs": [], "span": [0, 4]},
                                      {"format": "small_group", "city": null, "country": null, "span": [0, 4]}],
             "quotes": [{"speaker": null, "text": null, "span": [0, 4]}]}
            """;

        var report = FactsScorer.Score([new ScoringInput("r", gold, pred, null)], checkProvenance: false);

        var lines = report.Scores.SelectMany(s => s.Errors).Select(e => e.Line).ToList();
        Assert.Contains("r meetings: ministerial hosts [] vs ['Kari Dahl', 'NO']", lines);
        Assert.Contains("r meetings: missed other in None", lines);
        Assert.Contains("r meetings: spurious small_group in None", lines);
        Assert.Contains("r new_members: missed ('TG', None)", lines);
        Assert.Contains("r new_members: missed ('NATO', 31)", lines);
        Assert.Contains("r quotes: spurious 'None'", lines);
        Assert.Contains("r quotes: missed 'It\\'s a \"turning point\" for us\\xa0all'", lines);
    }

    [Fact]
    public void Score_CrLfText_IsCheckedWithPythonsUniversalNewlines()
    {
        // score.py opens the text in text mode, so "\r\n" reads as "\n" and every later offset moves back by one.
        const string text = "Line one.\r\n12 attacks were reported.";
        var start = text.IndexOf("12", StringComparison.Ordinal);
        var pred = $$"""{"doc": "n", "attack_stats": [{"count": 12, "span": [{{start}}, {{start + 2}}]}, {"count": 12, "span": [{{start - 1}}, {{start + 1}}]}]}""";

        var report = FactsScorer.Score([new ScoringInput("n", """{"doc": "n"}""", pred, text)]);

        Assert.Equal((1, 1), (report.ProvenanceValid, report.ProvenanceInvalid));
    }

    [Fact]
    public void Score_SpanBoundsThatAreBooleansOrFloats_AreJudgedLikePython()
    {
        // isinstance(False, int) holds in Python, so [false, 3] is the span [0, 3); a float bound is never an int.
        const string text = "The 12 attacks.";
        const string pred = """
            {"doc": "b", "people": [{"name": "The", "span": [false, 3]}, {"name": "The", "span": [0.0, 3]}]}
            """;

        var report = FactsScorer.Score([new ScoringInput("b", """{"doc": "b"}""", pred, text)]);

        Assert.Equal((1, 1), (report.ProvenanceValid, report.ProvenanceInvalid));
    }

    [Fact]
    public void Score_PredictionWithByteOrderMark_IsUnreadableLikeJsonLoad()
    {
        var report = FactsScorer.Score([new ScoringInput("u", Gold, "\uFEFF" + FactsJson.Serialize(Perfect()), Text)]);

        Assert.Contains(report.Warnings, w => w.StartsWith("u: unreadable prediction", StringComparison.Ordinal));
        Assert.Equal(0, report["people"].Tp);
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
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Score_SameOutputs_MatchesScorePyLineForLine(bool degrade, bool verbose)
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
            FactsScorer.Score(GoldDir(), predDir, SeedsDir()).Print(csharp, verbose);

            var python = ScorePy.Run(GoldDir(), predDir, SeedsDir(), verbose);

            Assert.Equal(ScorePy.Lines(python), ScorePy.Lines(csharp.ToString()));
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
}

public class EvaluateCommandTests
{
    private static string GoldDir() => Path.GetFullPath(Path.Combine(TestSupport.RepoRoot(), "..", "shared", "eval", "seeds-gold"));

    private static string SeedsDir() => Path.Combine(TestSupport.RepoRoot(), "seeds");

    [Fact]
    public void Run_WithoutPred_RunsThePipelineAndPrintsTheSummaryLast()
    {
        var args = new Dossier.Cli.Commands.EvaluateOptions(GoldDir(), SeedsDir(), Pred: null, Sources: null, JsonOut: null, RulesOut: null, Verbose: false);
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
            var args = new Dossier.Cli.Commands.EvaluateOptions(GoldDir(), SeedsDir(), pred, Sources: null, JsonOut: null, RulesOut: null, Verbose: false);
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
        var args = new Dossier.Cli.Commands.EvaluateOptions("/nonexistent/gold", SeedsDir(), Pred: null, Sources: null, JsonOut: null, RulesOut: null, Verbose: false);

        Assert.Throws<Dossier.Cli.UsageException>(() => Dossier.Cli.Commands.EvaluateCommand.Run(args, new StringWriter(), new StringWriter()));
    }
}
