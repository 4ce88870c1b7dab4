using System.Diagnostics;
using Dossier.Domain;
using Dossier.Pipeline.Components;
using Dossier.Pipeline.Components.Meetings;
using Dossier.Pipeline.Components.People;
using Dossier.Pipeline.Components.Quotes;
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
    /// <summary>
    /// Which rules made a fact: the pipeline's version, the identity of its compiled code (the module version id,
    /// which deterministic builds derive from the sources) and a hash of every data file (patterns, word sets,
    /// gazetteers), e.g. <c>2.0.0+1a2b3c4d.5e6f7a8b9c0d</c>. Re-extraction and stored facts carry it.
    /// </summary>
    public static string ExtractorVersion { get; } = MakeVersion();

    private static string MakeVersion()
    {
        var assembly = typeof(ExtractionPipeline).Assembly;
        var v = assembly.GetName().Version ?? new Version(0, 0, 0);
        var code = assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        return $"{v.Major}.{v.Minor}.{v.Build}+{code}.{KnowledgeBase.Default.DataHash}";
    }

    public static readonly ActivitySource ActivitySource = new("Dossier.Pipeline");

    private readonly IReadOnlyList<IPipelineComponent> _components;

    /// <summary>Each component's activity name, "pipeline.&lt;component&gt;" (made once, not per document).</summary>
    private readonly string[] _activityNames;
    private readonly KnowledgeBase _knowledge;

    public ExtractionPipeline(IEnumerable<IPipelineComponent> components, KnowledgeBase knowledge)
    {
        _components = components.ToList();
        _activityNames = _components.Select(c => "pipeline." + c.Name).ToArray();
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
        "organizations" => new OrganizationsComponent(),
        "coalition-references" => new CoalitionReferencesComponent(),
        "titles" => new TitleComponent(),
        "person-names" => new PersonNamesComponent(),
        "person-coref" => new PersonCorefComponent(),
        "known-people" => new KnownPeopleComponent(),
        "person-attributes" => new PersonAttributesComponent(),
        "dates" => new DateComponent(),
        "numbers" => new NumberComponent(),
        "money" => new MoneyComponent(),
        "meeting-mentions" => new MeetingMentionsComponent(),
        "meeting-slots" => new MeetingSlotsComponent(),
        "meeting-roles" => new MeetingRolesComponent(),
        "meetings" => new MeetingsComponent(),
        "member-counts" => new MemberCountComponent(),
        "new-members" => new NewMemberComponent(),
        "quote-spans" => new QuoteSpansComponent(),
        "quotes" => new QuoteAttributionComponent(),
        "attacks" => new AttackStatsComponent(),
        "relevance" => new RelevanceComponent(),
        "assembler" => new AssemblerComponent(ExtractorVersion),
        "confidence" => new ConfidenceComponent(),
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
        var document = Annotate(request, cancellationToken);
        var facts = document.Facts ?? throw new InvalidOperationException("the pipeline produced no facts");
        return new ExtractionResult(facts, document.Text, document.Page);
    }

    /// <summary>Runs every component and returns the annotated document itself (every layer, for inspection and tools).</summary>
    public AnnotatedDocument Annotate(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ActivitySource.StartActivity("pipeline");
        activity?.SetTag("dossier.doc", request.DocId);
        var document = new AnnotatedDocument(request, _knowledge);
        for (var c = 0; c < _components.Count; c++)
        {
            var component = _components[c];
            cancellationToken.ThrowIfCancellationRequested();
            using var span = ActivitySource.StartActivity(_activityNames[c]);
            component.Process(document, cancellationToken);
            document.ProvidedLayers.UnionWith(component.Provides);
        }

        activity?.SetTag("dossier.facts", document.Facts?.Count ?? 0);
        return document;
    }
}
