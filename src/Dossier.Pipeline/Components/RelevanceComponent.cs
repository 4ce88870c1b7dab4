using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Does the article report on the Global Coalition to Defeat ISIS? Yes when, outside boilerplate, it
/// names the coalition by one of its full names, or refers to it at least twice by a weak alias in the
/// context of ISIS. An ISIS attack report without the coalition, another coalition, or sport: no.
/// </summary>
public sealed class RelevanceComponent : IPipelineComponent
{
    public string Name => "relevance";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Boilerplate];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Relevance];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var strong = 0;
        var weak = 0;
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind != EntityKind.Organization || e.Entry.Id != "coalition" || !e.Confirmed || document.Sentences[e.Sentence].IsBoilerplate)
            {
                continue;
            }

            if (e.Entry.Weak)
            {
                weak++;
            }
            else
            {
                strong++;
            }
        }

        document.Relevant = strong > 0 || weak >= 2;
    }
}
