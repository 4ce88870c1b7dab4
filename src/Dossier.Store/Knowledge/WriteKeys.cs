using System.Globalization;
using Dossier.Domain;
using Dossier.Domain.NearDuplicates;

namespace Dossier.Store;

/// <summary>
/// The lock keys of a write (<see cref="WriteLocks"/>): one for each read whose answer decides what the write does, so
/// that a writer holding it sees every other writer's rows of the key or none. Locked alone unless stated:
/// <list type="bullet">
/// <item><c>doc:</c> an article's own rows (its replacement, its removal);</item>
/// <item><c>band:</c> a near-duplicate band key (an article's candidates are read under its keys);</item>
/// <item><c>cluster:</c> a near-duplicate cluster (which entities its members count already; a new canonical article);</item>
/// <item><c>alias:</c> the organizations known by a folded name, shared by writers that use them, alone to give an
/// organization a name it did not have (<see cref="WriteLocks.Require"/>);</item>
/// <item><c>surname:</c> the people of a surname (a surname alone resolves to the one person of it), shared, alone to add a person;</item>
/// <item><c>event:</c> the events of a country, shared by meetings with a year or none, alone for a day without a year
/// (merged with that day of any year) and for removals (an event's date may change year when a source goes);
/// <c>event:COUNTRY:YEAR</c> and <c>event:COUNTRY:undated</c> the events a meeting of that year, or without a date, may merge with.</item>
/// </list>
/// Keys of rows every article touches (the counts of the coalition, of the United States) are not locked: those counts
/// are applied as deltas at commit (<see cref="PendingCounts"/>).
/// </summary>
internal static class WriteKeys
{
    public static string Document(string id) => "doc:" + id;

    public static string Band(long key) => "band:" + key.ToString(CultureInfo.InvariantCulture);

    public static string Cluster(string id) => "cluster:" + id;

    public static string Alias(string name) => AliasKey(EntityKeys.Slug(name));

    /// <summary>The key of a folded name (<see cref="EntityKeys.Slug"/>).</summary>
    public static string AliasKey(string slug) => "alias:" + slug;

    public static string Surname(string surname) => "surname:" + surname;

    public static string Events(string? country) => "event:" + (country ?? "-");

    /// <summary>True for a date of a day without its year (<c>--MM-DD</c>).</summary>
    public static bool IsYearless(string? date) => date is not null && date.StartsWith("--", StringComparison.Ordinal);

    /// <summary>
    /// The keys an article's new facts are written under. A name no organization has yet, and the surname of a person not
    /// stored yet, are locked alone from the start (the write will add them); the others shared.
    /// </summary>
    /// <param name="knownName">Whether an organization has the folded name (<see cref="EntityKeys.Slug"/>).</param>
    /// <param name="knownPerson">Whether the person entity of the id is stored.</param>
    public static void OfArticle(DocumentFacts facts, NearDuplicateSignature? signature, Func<string, bool> knownName, Func<string, bool> knownPerson,
        List<string> alone, List<string> shared)
    {
        if (signature is not null)
        {
            alone.AddRange(signature.BandKeys.Select(Band));
        }

        foreach (var name in facts.Organizations.SelectMany(o => o.Aliases.Prepend(o.Name)))
        {
            var slug = EntityKeys.Slug(name);
            (knownName(slug) ? shared : alone).Add(AliasKey(slug));
        }

        foreach (var p in facts.People)
        {
            if (EntityKeys.Surname(p.Name) is { Length: > 0 } surname)
            {
                (knownPerson(EntityKeys.Person(p.Name)) ? shared : alone).Add(Surname(surname));
            }
        }

        foreach (var m in facts.Meetings)
        {
            OfEvents(m.Country?.ToUpperInvariant(), m.Date, alone, shared);
        }
    }

    /// <summary>The keys of the events of a country that a meeting of the date (or an event of it) is merged with.</summary>
    private static void OfEvents(string? country, string? date, List<string> alone, List<string> shared)
    {
        if (IsYearless(date))
        {
            alone.Add(Events(country));
            return;
        }

        shared.Add(Events(country));
        alone.Add(Events(country) + ":" + (date is null ? "undated" : date[..Math.Min(4, date.Length)]));
    }

    /// <summary>
    /// The keys a stored article's removal changes, read from its rows (which only a writer holding its <c>doc:</c> key
    /// changes): its band keys; its events' (a source's removal recomputes an event's date from the others: within its
    /// year, or its lack of one, unless a day without a year is among them); and the names and surname of an entity the
    /// removal may delete (one that no more than <paramref name="removals"/> articles count). An entity that two
    /// writers' removals delete together, each counting the other's article still, may meanwhile be resolved to by a
    /// third writer: it is then written again with that writer's article.
    /// </summary>
    public static void OfStored(SqlSession session, string id, NearDuplicateRule rule, int removals, List<string> alone, List<string> shared)
    {
        foreach (var bytes in session.Query("SELECT signature FROM near_dup_signatures WHERE document_id = @id", r => (byte[])r.GetValue(0), ("@id", id)))
        {
            var values = MinHasher.FromBytes(bytes);
            if (values.Length == rule.Bands.SignatureLength)
            {
                alone.AddRange(rule.Bands.Keys(values).Select(Band));
            }
        }

        foreach (var (country, date, yearless) in session.Query("""
            SELECT DISTINCT v.country, v.date, EXISTS (SELECT 1 FROM event_sources o WHERE o.event_id = v.id AND o.date LIKE '--%')
            FROM event_sources s JOIN events v ON v.id = s.event_id WHERE s.document_id = @id
            """, r => (Country: r.NullableString(0), Date: r.NullableString(1), Yearless: r.GetBoolean(2)), ("@id", id)))
        {
            if (yearless)
            {
                alone.Add(Events(country));
            }
            else
            {
                OfEvents(country, date, alone, shared);
            }
        }

        foreach (var (entity, surname) in session.Query("""
            SELECT e.id, e.surname FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id
            WHERE ed.document_id = @id AND ed.counted = 1 AND e.document_count <= @removals
            """, r => (Id: r.GetString(0), Surname: r.NullableString(1)), ("@id", id), ("@removals", removals)))
        {
            if (!string.IsNullOrEmpty(surname))
            {
                alone.Add(Surname(surname));
            }

            alone.AddRange(session.Query("SELECT alias_key FROM entity_aliases WHERE entity_id = @entity", r => AliasKey(r.GetString(0)), ("@entity", entity)));
        }
    }
}
