using BenchmarkDotNet.Attributes;
using Dossier.Domain;

namespace Dossier.Pipeline.Benchmarks;

/// <summary>Extraction over the whole corpus (≥ 5 MB) on one thread; one operation = the whole corpus.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PipelineBenchmarks
{
    private IReadOnlyList<string> _docs = [];
    private ExtractionPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _docs = Corpus.Load(out var bytes);
        ThroughputColumn.CorpusBytes = bytes;
        _pipeline = ExtractionPipeline.CreateDefault();
    }

    [Benchmark(Description = "extract corpus")]
    public int ExtractCorpus()
    {
        var facts = 0;
        for (var i = 0; i < _docs.Count; i++)
        {
            facts += _pipeline.Extract(new ExtractionRequest("d", _docs[i])).Facts.Count;
        }

        return facts;
    }
}
