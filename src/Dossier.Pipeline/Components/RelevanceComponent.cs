using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Does the article report on the Global Coalition to Defeat ISIS? It must name the coalition outside
/// boilerplate (a full name, or a bare "coalition" confirmed by context) and be about it: at least three
/// references, or a reference in the lead (the first two paragraphs), or coalition content found by the
/// other components (a meeting, a member count, a new member, a statement of the coalition, a count of the strikes or
/// operations of its military mission). Its bodies and its military mission (<c>sets/coalition_mission_orgs</c>:
/// the Africa Focus Group, CJTF-OIR) are references to it.
/// A passing mention in an ISIS attack report, another coalition, or sport: no.
/// </summary>
public sealed class RelevanceComponent : IPipelineComponent
{
    public string Name => "relevance";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Entities, Layers.Boilerplate, Layers.Meetings, Layers.Membership, Layers.Quotes, Layers.Attacks];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Relevance];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var references = 0;
        var inLead = false;
        var coalitionName = document.Knowledge.Organizations["coalition"].Canonical;
        var sentences = new HashSet<int>();
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind != EntityKind.Organization || !document.Knowledge.Sets.Has("coalition_mission_orgs", e.Entry.Id) || !e.Confirmed
                || document.Sentences[e.Sentence].IsBoilerplate)
            {
                continue;
            }

            references++;
            inLead |= document.Sentences[e.Sentence].Paragraph <= 1;
            sentences.Add(e.Sentence);
        }

        // The strikes or operations of its military mission: a count in a sentence that names the coalition or the mission.
        var missionCounts = document.AttackStats.Any(a => sentences.Any(i => document.Sentences[i].Start <= a.Span.Start && a.Span.Start < document.Sentences[i].End));
        var content = document.Meetings.Count > 0 || document.MemberCounts.Count > 0 || document.NewMembers.Count > 0
            || document.Quotes.Any(q => q.Speaker == coalitionName) || missionCounts;
        document.Relevant = references >= 3 || (references >= 1 && (inLead || content));
    }
}
