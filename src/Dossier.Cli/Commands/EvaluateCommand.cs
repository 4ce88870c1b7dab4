using Dossier.Domain;
using Dossier.Evaluation;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>evaluate --gold DIR --docs DIR [--pred DIR] [--sources FILE] [--json-out FILE] [--verbose]</c>: scores facts JSON
/// against gold annotations with the rules of score.py and prints its table and summary line (the same lines as
/// score.py); <c>--json-out</c> also writes score.py's JSON report (<see cref="ScoreJson"/>).
/// Without <c>--pred</c> it runs the extraction pipeline in-process over <c>DIR/*.txt</c> (each article given its
/// url from <c>--sources</c>) and scores the result in memory. <c>--verbose</c> prints score.py's error lines, each
/// followed by the sentences of the document that show it (lines starting with <see cref="ScoreReport.ContextPrefix"/>).
/// </summary>
public static class EvaluateCommand
{
    /// <param name="extractor">The extractor to run without --pred (default: <see cref="ExtractionPipeline.CreateDefault"/>).</param>
    public static int Run(Args args, TextWriter stdout, TextWriter stderr, IFactExtractor? extractor = null)
    {
        var gold = args.Require("gold");
        var docs = args.Require("docs");
        var pred = args.Get("pred");
        var verbose = args.Has("verbose");
        if (!Directory.Exists(gold))
        {
            throw new UsageException($"gold folder not found: {gold}");
        }

        if (!Directory.Exists(docs))
        {
            throw new UsageException($"docs folder not found: {docs}");
        }

        if (pred is not null && args.Has("sources"))
        {
            throw new UsageException("--sources is for the pipeline run; with --pred the predictions are already made");
        }

        var sources = args.Get("sources") is { } sourcesPath ? SourcesFile.Read(sourcesPath) : null;
        if (FactsScorer.GoldStems(gold).Count == 0)
        {
            stderr.WriteLine("no gold files");
            return 2;
        }

        ScoreReport report;
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
            }

            report = FactsScorer.Score(inputs);
        }

        foreach (var w in report.Warnings)
        {
            stderr.WriteLine(w);
        }

        if (args.Get("json-out") is { } jsonPath)
        {
            File.WriteAllText(jsonPath, ScoreJson.Serialize(report), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        report.Print(stdout, verbose, sentences: verbose);
        return 0;
    }
}
