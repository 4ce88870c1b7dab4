using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// Reads a list of references — people (by name, with their country), countries (by code) and organizations (by their
/// country, or by name where <paramref name="orgNames"/>) — forwards from a token ("hosted by A, B and the C") or
/// backwards to it ("A and his counterpart B chaired"), stepping over titles, determiners, "and", commas, the
/// Government/Republic/Kingdom of a country, a parenthesis between commas, and group words ("and other senior US
/// officials"). It stops at the first word that is none of these.
/// </summary>
internal static class RefList
{
    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal)
    {
        ",", "and", "&", "the", "both", "jointly", "his", "her", "its", "their", "our", "respectively", "also", "as", "well", "together",
        "government", "republic", "kingdom", "state", "sultanate", "emirate", "of", "with", "-", "'", "s", "other", "senior", "officials",
        "representatives", "delegations", "delegation", "ministers", "counterpart", "counterparts", "colleague", "colleagues", "all",
    };

    public static List<string> Forward(MeetingContext ctx, int from, int limit, bool orgNames)
    {
        var refs = new List<string>();
        var tokens = ctx.Tokens;
        var k = from;
        var gap = 0;
        while (k < limit)
        {
            // A title first (it may start with a country: "US Secretary of State Antony Blinken"), then a name.
            if (ctx.TitleStart[k] is { } t && t.TokenEnd <= limit && ctx.PersonStart[k] is null && TitleOfAName(ctx, t, limit))
            {
                k = t.TokenEnd;
                gap = 0;
                continue;
            }

            var taken = Take(ctx, k, refs, orgNames, forward: true);
            if (taken > k)
            {
                k = taken;
                gap = 0;
                continue;
            }

            // A rank before a name: Gen., Ambassador, Maj.-Gen.
            var (rankEnd, _) = ctx.Doc.Knowledge.Ranks.Longest(ctx.Tokens, k, limit);
            if (rankEnd > k)
            {
                k = rankEnd;
                continue;
            }

            if (Glue.Contains(tokens[k].Norm) || tokens[k].Norm is "sheikh" or "prince" or "h.e." or "mr" or "ms" or "dr"
                || (tokens[k].IsCapitalized(ctx.Text) && (ctx.Doc.InSet("title_modifiers", k) || ctx.Doc.InSet("title_heads", k) || ctx.Doc.InSet("title_complements", k))))
            {
                k++;
                continue;
            }

            // "… Moroccans living abroad Nasser Bourita": a few lower-case words inside a title before a name.
            if (tokens[k].IsLower(ctx.Text) && gap < 3 && refs.Count == 0 && Enumerable.Range(k + 1, Math.Min(3, limit - k - 1)).Any(j => ctx.PersonStart[j] is not null))
            {
                gap++;
                k++;
                continue;
            }

            break;
        }

        return refs;
    }

    public static List<string> Backward(MeetingContext ctx, int to, int limit, bool orgNames)
    {
        var refs = new List<string>();
        var tokens = ctx.Tokens;
        var k = to;
        while (k > limit)
        {
            var prev = k - 1;
            if (ctx.PersonEnd[k] is { } p && p.TokenStart >= limit)
            {
                AddPerson(refs, p.Person);
                k = p.RankStart >= 0 ? p.RankStart : p.TokenStart;
                continue;
            }

            if (ctx.EntityEnd[k] is { } e && e.TokenStart >= limit)
            {
                AddEntity(ctx, e, refs, orgNames);
                k = e.TokenStart;
                continue;
            }

            if (ctx.TitleEnd[k] is { } t && t.TokenStart >= limit)
            {
                k = t.TokenStart;
                continue;
            }

            var n = tokens[prev].Norm;
            if (n is "he" or "she" && refs.Count == 0)
            {
                if (LastPersonBefore(ctx, prev) is { } person)
                {
                    AddPerson(refs, person);
                }

                break;
            }

            // ", in its capacity as co-chair of X," between the subject and its verb.
            if (n == "," && refs.Count == 0)
            {
                var open = prev - 1;
                while (open > limit && tokens[open].Norm != "," && prev - open < 14)
                {
                    open--;
                }

                if (open > limit && tokens[open].Norm == "," && open - 1 >= limit && (ctx.EntityEnd[open] is not null || ctx.PersonEnd[open] is not null))
                {
                    k = open;
                    continue;
                }
            }

            if (Glue.Contains(n))
            {
                k = prev;
                continue;
            }

            break;
        }

        refs.Reverse();
        return refs;
    }

    /// <summary>A title followed by a name (after a comma or a rank at most): "the U.S. Secretary of State Antony Blinken".</summary>
    private static bool TitleOfAName(MeetingContext ctx, TitleMention t, int limit)
    {
        var k = t.TokenEnd;
        if (k < limit && ctx.Tokens[k].Norm == ",")
        {
            k++;
        }

        var (rankEnd, _) = ctx.Doc.Knowledge.Ranks.Longest(ctx.Tokens, k, limit);
        if (rankEnd > k)
        {
            k = rankEnd;
        }

        return k < limit && ctx.PersonStart[k] is not null || ctx.EntityStart[t.TokenStart] is not { CountryRef: not null };
    }

    /// <summary>Takes the reference starting at <paramref name="k"/>: returns the token after it, or k when none starts there.</summary>
    private static int Take(MeetingContext ctx, int k, List<string> refs, bool orgNames, bool forward)
    {
        _ = forward;
        if (ctx.PersonStart[k] is { } p)
        {
            AddPerson(refs, p.Person);
            return p.TokenEnd;
        }

        if (ctx.EntityStart[k] is { } e)
        {
            AddEntity(ctx, e, refs, orgNames);
            return e.TokenEnd;
        }

        return k;
    }

    private static void AddPerson(List<string> refs, PersonEntity person)
    {
        refs.Add(person.Name);
        if (person.Country is { } c)
        {
            refs.Add(c);
        }
    }

    private static void AddEntity(MeetingContext ctx, EntityMention e, List<string> refs, bool orgNames)
    {
        var code = e.CountryRef ?? (e.Entry.Kind is EntityKind.Capital ? e.Entry.Country : null);
        if (code is not null)
        {
            refs.Add(code);
            return;
        }

        if (e.Entry.Kind is not EntityKind.Organization)
        {
            return;
        }

        // An organization is given as its country (hosted by the Italian foreign ministry: IT), or by its name.
        var country = ctx.Doc.Knowledge.OrganizationCountry(e.Entry.Id);
        for (var k = e.TokenStart; country is null && k < e.TokenEnd; k++)
        {
            country = ctx.EntitiesAt[k].FirstOrDefault(x => x.CountryRef is not null && x.TokenEnd <= e.TokenEnd)?.CountryRef;
        }

        if (orgNames && !MeetingContext.IsCoalitionOrBody(e))
        {
            refs.Add(e.Entry.Canonical);
        }
        else if (country is not null)
        {
            refs.Add(country);
        }
    }

    private static PersonEntity? LastPersonBefore(MeetingContext ctx, int token)
    {
        PersonEntity? last = null;
        foreach (var m in ctx.Doc.PersonMentions)
        {
            if (m.TokenEnd <= token)
            {
                last = m.Person;
            }
        }

        return last;
    }
}
