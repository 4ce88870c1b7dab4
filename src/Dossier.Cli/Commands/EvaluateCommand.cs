using Dossier.Domain;
using Dossier.Evaluation;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary><c>evaluate --gold DIR --docs DIR [--pred DIR] [--sources FILE] [--json-out FILE] [--rules-out FILE] [--verbose]</c>.</summary>
public sealed record EvaluateOptions(string Gold, string Docs, string? Pred, string? Sources, string? JsonOut, string? RulesOut, bool Verbose);

/// <summary>
/// <c>evaluate --gold DIR --docs DIR [--pred DIR] [--sources FILE] [--json-out FILE] [--rules-out FILE] [--verbose]</c>: scores facts JSON
/// against gold annotations with the rules of score.py and prints its table and summary line (the same lines as
/// score.py); <c>--json-out</c> also writes score.py's JSON report (<see cref="ScoreJson"/>).
/// Without <c>--pred</c> it runs the extraction pipeline in-process over <c>DIR/*.txt</c> (each article given its
/// url from <c>--sources</c>) and scores the result in memory. <c>--verbose</c> prints score.py's error lines, each
/// followed by the sentences of the document that show it (lines starting with <see cref="ScoreReport.ContextPrefix"/>).
/// <c>--rules-out</c> (pipeline runs only) writes each rule's precision on the corpus (<see cref="RulePrecision"/>): on
/// the dev corpus, into <c>src/Dossier.Pipeline/Data/rule_precision.tsv</c>, it is the facts' confidence.
/// </summary>
public static class EvaluateCommand
{
    /// <param name="extractor">The extractor to run without --pred (default: <see cref="ExtractionPipeline.CreateDefault"/>).</param>
    public static int Run(EvaluateOptions args, TextWriter stdout, TextWriter stderr, IFactExtractor? extractor = null)
    {
        var gold = args.Gold;
        var docs = args.Docs;
        var pred = args.Pred;
        var verbose = args.Verbose;
        if (!Directory.Exists(gold))
        {
            throw new UsageException($"gold folder not found: {gold}");
        }

        if (!Directory.Exists(docs))
        {
            throw new UsageException($"docs folder not found: {docs}");
        }

        if (pred is not null && args.Sources is not null)
        {
            throw new UsageException("--sources is for the pipeline run; with --pred the predictions are already made");
        }

        if (pred is not null && args.RulesOut is not null)
        {
            throw new UsageException("--rules-out needs the pipeline run (the rules behind each fact); leave out --pred");
        }

        var sources = args.Sources is { } sourcesPath ? SourcesFile.Read(sourcesPath) : null;
        if (FactsScorer.GoldStems(gold).Count == 0)
        {
            stderr.WriteLine("no gold files");
            return 2;
        }

        ScoreReport report;
        var extracted = new List<(string Stem, DocumentFacts Facts)>();
        if (pred is not null)
        {
            if (!Directory.Exists(pred))
            {
                throw new UsageException($"prediction folder not found: {pred}");
            }

            report = FactsScorer.Score(gold, pred, docs);
        }
        else
        {
            var pipeline = extractor ?? ExtractionPipeline.CreateDefault();
            var inputs = new List<ScoringInput>();
            foreach (var stem in FactsScorer.GoldStems(gold))
            {
                var textPath = Path.Combine(docs, stem + ".txt");
                var goldJson = File.ReadAllText(Path.Combine(gold, stem + ".json"));
                if (!File.Exists(textPath))
                {
                    inputs.Add(new ScoringInput(stem, goldJson, null, null));
                    continue;
                }

                var text = ExtractCommand.ReadOriginalText(textPath);
                var result = pipeline.Extract(new ExtractionRequest(stem, text, Url: sources?.UrlOf(stem)));
                inputs.Add(ScoringInput.FromFacts(stem, goldJson, result.Facts, text));
                extracted.Add((stem, result.Facts));
            }

            report = FactsScorer.Score(inputs);
        }

        foreach (var w in report.Warnings)
        {
            stderr.WriteLine(w);
        }

        if (args.JsonOut is { } jsonPath)
        {
            File.WriteAllText(jsonPath, ScoreJson.Serialize(report), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        if (args.RulesOut is { } rulesPath)
        {
            var tallies = RulePrecision.Measure(report, extracted);
            File.WriteAllText(rulesPath, RulePrecision.ToTsv(tallies, $"{extracted.Count} articles of {Path.GetFileName(Path.GetFullPath(docs).TrimEnd('/'))}"),
                new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            stderr.WriteLine($"wrote the precision of {tallies.Count} rules to {rulesPath}");
        }

        report.Print(stdout, verbose, sentences: verbose);
        return 0;
    }
}
