using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A definite description as a speaker ("the minister", "the Secretary", "the envoy"): the nearest person named before
/// it whose title has that head word (Foreign Minister, Secretary of State, US special envoy); when the description
/// names a country ("the Jordanian minister"), only a person of that country, and with no title of that head the
/// nearest untitled person of that country (his Jordanian counterpart X … the Jordanian minister); none: unnamed, described as
/// the earlier unnamed source with that head was ("the official" after "A senior US defence official said …").
/// </summary>
public sealed class DescriptionResolver(AnnotatedDocument document)
{
    /// <summary>
    /// The person the description with head <paramref name="head"/> (normalized) and country <paramref name="country"/>
    /// (or null) at token <paramref name="before"/> refers to, or null.
    /// </summary>
    public string? Person(string head, string? country, int before)
    {
        PersonMention? match = null;
        PersonMention? compatriot = null;
        foreach (var m in document.PersonMentions)
        {
            if (m.TokenStart >= before || (country is not null && m.Person.Country != country))
            {
                continue;
            }

            if ((match is null || m.TokenStart > match.TokenStart) && Fits(m, head))
            {
                match = m;
            }

            if (m.Person.Title is null && (compatriot is null || m.TokenStart > compatriot.TokenStart))
            {
                compatriot = m;
            }
        }

        return (match ?? (country is null ? null : compatriot))?.Person.Name;
    }

    /// <summary>The nearest earlier indefinite description with head <paramref name="head"/> ("a senior US defence official"), or null.</summary>
    public string? EarlierDescription(string head, int before)
    {
        TitleMention? match = null;
        foreach (var t in document.Titles)
        {
            if (t.TokenEnd <= before && t.TokenStart > 0 && document.Tokens[t.Head].Norm == head
                && document.InSet("indefinite_determiners", t.TokenStart - 1)
                && (match is null || t.TokenStart > match.TokenStart))
            {
                match = t;
            }
        }

        return match is null ? null : document.TokenRangeText(match.TokenStart - 1, match.TokenEnd);
    }

    private bool Fits(PersonMention m, string head)
    {
        if (m.TitleBefore is { } b && document.Tokens[b.Head].Norm == head || m.TitleAfter is { } a && document.Tokens[a.Head].Norm == head)
        {
            return true;
        }

        return m.Person.Title is { } title && Tokenizer.Tokenize(title).Any(t => t.Norm == head);
    }
}
