using System.Diagnostics;
using Dossier.Domain;

namespace Dossier.Pipeline;

/// <summary>The extraction pipeline (first cut: to be replaced by the component pipeline).</summary>
public sealed class ExtractionPipeline : IFactExtractor
{
    public static readonly ActivitySource ActivitySource = new("Dossier.Pipeline");

    public string Version => "0.0.1";

    public static ExtractionPipeline CreateDefault() => new();

    public ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = ActivitySource.StartActivity("pipeline");
        var facts = new DocumentFacts { Doc = request.DocId, Published = request.Published, ExtractorVersion = Version };
        return new ExtractionResult(facts, request.Text);
    }
}
