using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// The pattern layers of possible members: <c>members</c>, a coordinated list of countries and international
/// organizations ("Chile, Ghana and Mongolia", "the Republic of Togo", "Niger and NATO"), and <c>ordinals</c>, a
/// coordinated list of ordinals in digits ("86th and 87th"; "the first member to …" states no accession). A list is registered from each of its items to its end, so a
/// pattern may start at any item. A country is a name or abbreviation (a demonym, "Iraqi forces", is not a member),
/// or a city named like its country ("Djibouti").
/// </summary>
public static class MemberLists
{
    public const string MembersLayer = "members";
    public const string OrdinalsLayer = "ordinals";

    /// <summary>One possible member: its token range (with "the" and a formal prefix) and the member it names.</summary>
    public sealed record Item(int Start, int End, string Member, EntityMention Mention);

    /// <summary>Finds the possible members, sets both layers on the document and returns the items by first token.</summary>
    public static Dictionary<int, Item> Build(AnnotatedDocument document)
    {
        var items = Items(document);
        var lists = new List<TokenRange>();
        var ordered = items.Values.OrderBy(i => i.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i;
            while (end + 1 < ordered.Count && Glued(document, ordered[end].End, ordered[end + 1].Start))
            {
                end++;
            }

            for (var k = i; k <= end; k++)
            {
                lists.Add(new TokenRange(ordered[k].Start, ordered[end].End));
            }

            i = end;
        }

        document.Layers.Set(MembersLayer, lists);
        document.Layers.Set(OrdinalsLayer, Ordinals(document));
        return items;
    }

    /// <summary>The items of a list range, in order.</summary>
    public static List<Item> In(Dictionary<int, Item> items, TokenRange range) =>
        items.Values.Where(i => i.Start >= range.Start && i.End <= range.End).OrderBy(i => i.Start).ToList();

    private static Dictionary<int, Item> Items(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var prefixes = document.Knowledge.Sets["country_prefixes"];
        var items = new Dictionary<int, Item>();
        foreach (var e in document.Entities)
        {
            string? member = e.Entry.Kind switch
            {
                EntityKind.Country or EntityKind.CountryAbbreviation => e.CountryRef,
                EntityKind.Capital or EntityKind.City when SharesCountryName(document, e) => e.Entry.Country,
                EntityKind.Organization when e.Confirmed && e.Entry.OrgKind == "intl" => e.Entry.Canonical,
                _ => null,
            };
            if (member is null || document.Sentences[e.Sentence].IsBoilerplate)
            {
                continue;
            }

            var start = e.TokenStart;
            var sentenceStart = document.Sentences[e.Sentence].TokenStart;
            var prefix = PrefixBefore(tokens, prefixes, start, sentenceStart);
            start = prefix;
            if (start > sentenceStart && tokens[start - 1].Norm == "the")
            {
                start--;
            }

            // Nested mentions (the U.S. inside "U.S.-led coalition" is not a country item): keep the longest per start.
            if (!items.TryGetValue(start, out var longest) || longest.End < e.TokenEnd)
            {
                items[start] = new Item(start, e.TokenEnd, member, e);
            }
        }

        // An item inside another item's range is not an item of its own (in start order, the longer one comes first).
        var kept = new Dictionary<int, Item>();
        var reach = -1;
        foreach (var item in items.Values.OrderBy(i => i.Start).ThenByDescending(i => i.End))
        {
            if (item.End <= reach)
            {
                continue;
            }

            kept[item.Start] = item;
            reach = item.End;
        }

        return kept;
    }

    /// <summary>A city named like its country (Djibouti, Kuwait, Singapore): only the country can be a member.</summary>
    private static bool SharesCountryName(AnnotatedDocument document, EntityMention e) =>
        e.Entry.Country is { } code && document.Knowledge.CountryNames.TryGetValue(code, out var name)
        && string.Equals(name, document.Slice(e.Start, e.End), StringComparison.OrdinalIgnoreCase);

    /// <summary>The start of a formal prefix ("Republic of", "Kingdom of") ending right before <paramref name="start"/>.</summary>
    private static int PrefixBefore(List<Text.Token> tokens, WordSet prefixes, int start, int from)
    {
        foreach (var seq in prefixes.Sequences)
        {
            var at = start - seq.Length;
            if (at < from)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < seq.Length && ok; k++)
            {
                ok = tokens[at + k].Norm == seq[k];
            }

            if (ok)
            {
                return at;
            }
        }

        return start;
    }

    /// <summary>Is there exactly one list separator between two items: ",", "and", ", and", "as well as", "&amp;"?</summary>
    private static bool Glued(AnnotatedDocument document, int end, int next)
    {
        var tokens = document.Tokens;
        if (next <= end || document.TokenSentence[end] != document.TokenSentence[next])
        {
            return false;
        }

        var gap = tokens.Skip(end).Take(next - end).Select(t => t.Norm).ToArray();
        return gap switch
        {
            [","] or ["and"] or ["&"] or [",", "and"] or ["as", "well", "as"] or [",", "as", "well", "as"] => true,
            _ => false,
        };
    }

    private static List<TokenRange> Ordinals(AnnotatedDocument document)
    {
        var ordinals = document.Numbers.Where(n => n.Ordinal && !n.IsWord).OrderBy(n => n.TokenStart).ToList();
        var ranges = new List<TokenRange>();
        for (var i = 0; i < ordinals.Count; i++)
        {
            var end = i;
            while (end + 1 < ordinals.Count && Glued(document, ordinals[end].TokenEnd, ordinals[end + 1].TokenStart))
            {
                end++;
            }

            for (var k = i; k <= end; k++)
            {
                ranges.Add(new TokenRange(ordinals[k].TokenStart, ordinals[end].TokenEnd));
            }

            i = end;
        }

        return ranges;
    }
}
