using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// One named step of the pipeline. It declares the annotation layers it reads (<see cref="Requires"/>) and
/// the ones it adds (<see cref="Provides"/>); the pipeline checks at construction that every requirement
/// is provided by an earlier component. Components are stateless: one instance serves concurrent documents.
/// </summary>
public interface IPipelineComponent
{
    string Name { get; }

    IReadOnlyCollection<string> Requires { get; }

    IReadOnlyCollection<string> Provides { get; }

    void Process(AnnotatedDocument document, CancellationToken cancellationToken);
}
