using Dossier.Domain;
using Dossier.Evaluation;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>evaluate --gold DIR --docs DIR [--pred DIR] [--verbose]</c>: scores facts JSON against gold annotations with
/// the rules of score.py and prints its table and summary line. Without <c>--pred</c> it runs the extraction
/// pipeline in-process over <c>DIR/*.txt</c> and scores the result in memory.
/// </summary>
public static class EvaluateCommand
{
    public static int Run(Args args, TextWriter stdout, TextWriter stderr)
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
            var pipeline = ExtractionPipeline.CreateDefault();
            var inputs = new List<ScoringInput>();
            foreach (var goldFile in Directory.GetFiles(gold, "*.json").Order(StringComparer.Ordinal))
            {
                var stem = Path.GetFileNameWithoutExtension(goldFile);
                var textPath = Path.Combine(docs, stem + ".txt");
                var goldJson = File.ReadAllText(goldFile);
                if (!File.Exists(textPath))
                {
                    inputs.Add(new ScoringInput(stem, goldJson, null, null));
                    continue;
                }

                var text = ExtractCommand.ReadOriginalText(textPath);
                var result = pipeline.Extract(new ExtractionRequest(stem, text));
                inputs.Add(ScoringInput.FromFacts(stem, goldJson, result.Facts, text));
            }

            report = FactsScorer.Score(inputs);
        }

        foreach (var w in report.Warnings)
        {
            stderr.WriteLine(w);
        }

        report.Print(stdout, verbose);
        return 0;
    }
}
