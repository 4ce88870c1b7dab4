using System.Diagnostics;
using Dossier.Domain;
using Dossier.Pipeline.Components;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline;

/// <summary>
/// The extraction pipeline: an ordered list of named components over one document. The order comes from
/// configuration (the embedded <c>Data/pipeline.json</c>, or a list given to <see cref="Create"/>) and is
/// validated at construction: every layer a component requires must be provided by an earlier one.
/// Knowledge is loaded once; <see cref="Extract"/> is thread-safe and keeps no state between calls.
/// Each component runs inside its own <see cref="Activity"/> ("pipeline.&lt;component&gt;").
/// </summary>
public sealed class ExtractionPipeline : IFactExtractor
{
    public const string ExtractorVersion = "1.0.0";

    public static readonly ActivitySource ActivitySource = new("Dossier.Pipeline");

    private readonly IReadOnlyList<IPipelineComponent> _components;
    private readonly KnowledgeBase _knowledge;

    public ExtractionPipeline(IEnumerable<IPipelineComponent> components, KnowledgeBase knowledge)
    {
        _components = components.ToList();
        _knowledge = knowledge;
        Validate(_components);
    }

    public string Version => ExtractorVersion;

    /// <summary>The component names, in order.</summary>
    public IReadOnlyList<string> ComponentNames => _components.Select(c => c.Name).ToList();

    public static ExtractionPipeline CreateDefault() => Create(KnowledgeBase.Default.DefaultComponents);

    /// <summary>A pipeline of the named components, in the given order.</summary>
    public static ExtractionPipeline Create(IEnumerable<string> componentNames)
    {
        var kb = KnowledgeBase.Default;
        return new ExtractionPipeline(componentNames.Select(CreateComponent), kb);
    }

    /// <summary>The registry of components by name.</summary>
    public static IPipelineComponent CreateComponent(string name) => name switch
    {
        "html" => new HtmlComponent(),
        "segmenter" => new SegmenterComponent(),
        "published" => new PublishedDateComponent(),
        "gazetteer" => new GazetteerComponent(),
        "people" => new PeopleComponent(),
        "dates" => new DateComponent(),
        "numbers" => new NumberComponent(),
        "meetings" => new MeetingComponent(),
        "membership" => new MembershipComponent(),
        "quotes" => new QuoteComponent(),
        "attacks" => new AttackStatsComponent(),
        "relevance" => new RelevanceComponent(),
        "assembler" => new AssemblerComponent(ExtractorVersion),
        _ => throw new ArgumentException($"unknown pipeline component '{name}'", nameof(name)),
    };

    /// <summary>Throws when a component requires a layer no earlier component provides, naming both.</summary>
    public static void Validate(IReadOnlyList<IPipelineComponent> components)
    {
        var provided = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            if (!names.Add(c.Name))
            {
                throw new InvalidOperationException($"pipeline component '{c.Name}' appears twice");
            }

            foreach (var r in c.Requires)
            {
                if (!provided.Contains(r))
                {
                    throw new InvalidOperationException(
                        $"pipeline component '{c.Name}' requires layer '{r}', which no earlier component provides");
                }
            }

            provided.UnionWith(c.Provides);
        }

        if (!provided.Contains(Layers.Facts))
        {
            throw new InvalidOperationException($"the pipeline has no component that provides '{Layers.Facts}'");
        }
    }

    public ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ActivitySource.StartActivity("pipeline");
        activity?.SetTag("dossier.doc", request.DocId);
        var document = new AnnotatedDocument(request, _knowledge);
        foreach (var component in _components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var span = ActivitySource.StartActivity("pipeline." + component.Name);
            component.Process(document, cancellationToken);
            document.ProvidedLayers.UnionWith(component.Provides);
        }

        var facts = document.Facts ?? throw new InvalidOperationException("the pipeline produced no facts");
        activity?.SetTag("dossier.facts", facts.Count);
        return new ExtractionResult(facts, document.Text, document.Page);
    }
}
