using System.Globalization;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>Every (kind, value, span) of an article's facts: what gets highlighted.</summary>
public static class FactMentions
{
    public static IEnumerable<(string Kind, string Value, TextSpan Span)> Of(DocumentFacts facts)
    {
        foreach (var c in facts.Countries)
        {
            foreach (var s in c.Spans)
            {
                yield return (EntityKinds.Country, c.Code, s);
            }
        }

        foreach (var p in facts.People)
        {
            foreach (var s in p.Spans)
            {
                yield return (EntityKinds.Person, p.Name, s);
            }
        }

        foreach (var o in facts.Organizations)
        {
            foreach (var s in o.Spans)
            {
                yield return (EntityKinds.Organization, o.Name, s);
            }
        }

        foreach (var m in facts.Meetings)
        {
            yield return ("meeting", m.Format, m.Span);
        }

        foreach (var m in facts.MemberCounts)
        {
            yield return ("member_count", m.Count.ToString(CultureInfo.InvariantCulture), m.Span);
        }

        foreach (var m in facts.NewMembers)
        {
            yield return ("new_member", m.Member, m.Span);
        }

        foreach (var m in facts.Money)
        {
            yield return ("money", m.AmountUsd?.ToString(CultureInfo.InvariantCulture) ?? $"{m.Amount} {m.Currency}", m.Span);
        }

        foreach (var q in facts.Quotes)
        {
            yield return ("quote", q.Speaker ?? q.SpeakerDescription ?? "", q.Span);
        }

        foreach (var a in facts.AttackStats)
        {
            yield return ("attack_stat", a.Count.ToString(CultureInfo.InvariantCulture), a.Span);
        }
    }
}
