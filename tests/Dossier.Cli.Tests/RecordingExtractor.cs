using System.Collections.Concurrent;
using Dossier.Domain;

namespace Dossier.Cli.Tests;

/// <summary>An extractor that records every request and finds one country per article; later articles in name
/// order finish first (they wait less), so parallel runs complete out of order.</summary>
internal sealed class RecordingExtractor : IFactExtractor
{
    public ConcurrentDictionary<string, ExtractionRequest> Requests { get; } = new(StringComparer.Ordinal);

    public string Version => "recording";

    public ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        Requests[request.DocId] = request;
        Thread.Sleep(Math.Max(0, 40 - (request.DocId.GetHashCode(StringComparison.Ordinal) & 31)));
        var facts = new DocumentFacts
        {
            Doc = request.DocId,
            Countries = [new CountryFact("IS", [new TextSpan(0, Math.Min(1, request.Text.Length))])],
        };
        return new ExtractionResult(facts, request.Text);
    }
}
