using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Decides which weak aliases (a bare "coalition", "alliance") refer to the organization they alias: when the article
/// also names it in full, or — when it names no other coalition (the Saudi-led coalition, an Islamic military
/// alliance, a political bloc) — when it names ISIS/Daesh or one of the Global Coalition's bodies (Small Group, Africa
/// Focus Group, Counter ISIS Finance Group, working groups, CJTF-OIR). Otherwise the bare word is left unconfirmed, and
/// so is a political one anywhere (<c>sets/political_coalition_premods</c>: "the governing coalition"; "a coalition government").
/// </summary>
public sealed class CoalitionReferencesComponent : IPipelineComponent
{
    public string Name => "coalition-references";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Organizations];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.CoalitionReferences];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var strong = new HashSet<string>(StringComparer.Ordinal);
        var context = false;
        var otherCoalition = false;
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind != EntityKind.Organization)
            {
                continue;
            }

            if (!e.Entry.Weak)
            {
                strong.Add(e.Entry.Id);
            }

            context |= e.Entry.OrgKind is "coalitionbody" || (e.Entry.OrgKind == "armed" && e.Entry.Id == "isis") || e.Entry.Id == "oir";
            otherCoalition |= e.Entry.OrgKind == "othercoalition";
        }

        foreach (var e in document.Entities)
        {
            if (e.Entry.Weak)
            {
                e.Confirmed = (strong.Contains(e.Entry.Id) || (!otherCoalition && context)) && !Political(document, e);
            }
        }
    }

    /// <summary>"the governing coalition", "a coalition government": a political coalition, not the organization aliased.</summary>
    private static bool Political(AnnotatedDocument document, EntityMention e)
    {
        var tokens = document.Tokens;
        return document.InSet("political_coalition_premods", e.TokenStart - 1)
            || (e.TokenEnd < tokens.Count && tokens[e.TokenEnd].Norm is "government" or "governments" or "cabinet");
    }
}
