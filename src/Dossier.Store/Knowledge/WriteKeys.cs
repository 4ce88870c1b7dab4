using System.Globalization;
using System.Text.Json;
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

    /// <summary>The keys an article's new facts are written under.</summary>
    public static void OfArticle(DocumentFacts facts, NearDuplicateSignature? signature, List<string> alone, List<string> shared)
    {
        if (signature is not null)
        {
            alone.AddRange(signature.BandKeys.Select(Band));
        }

        foreach (var o in facts.Organizations)
        {
            shared.Add(Alias(o.Name));
            shared.AddRange(o.Aliases.Select(Alias));
        }

        foreach (var p in facts.People)
        {
            if (EntityKeys.Surname(p.Name) is { Length: > 0 } surname)
            {
                shared.Add(Surname(surname));
            }
        }

        foreach (var m in facts.Meetings)
        {
            var country = m.Country?.ToUpperInvariant();
            if (IsYearless(m.Date))
            {
                alone.Add(Events(country));
            }
            else
            {
                shared.Add(Events(country));
                alone.Add(Events(country) + ":" + (m.Date is null ? "undated" : m.Date[..Math.Min(4, m.Date.Length)]));
            }
        }
    }

    /// <summary>
    /// The keys a stored article's removal changes, read from its rows (which only a writer holding its <c>doc:</c> key
    /// changes): its band keys, the countries of its events, the names and surnames of its entities.
    /// </summary>
    public static void OfStored(SqlSession session, string id, NearDuplicateRule rule, List<string> alone)
    {
        foreach (var bytes in session.Query("SELECT signature FROM near_dup_signatures WHERE document_id = @id", r => (byte[])r.GetValue(0), ("@id", id)))
        {
            var values = MinHasher.FromBytes(bytes);
            if (values.Length == rule.Bands.SignatureLength)
            {
                alone.AddRange(rule.Bands.Keys(values).Select(Band));
            }
        }

        alone.AddRange(session.Query("SELECT DISTINCT country FROM event_sources WHERE document_id = @id", r => Events(r.NullableString(0)), ("@id", id)));
        foreach (var aliases in session.Query("SELECT aliases FROM entity_documents WHERE document_id = @id", r => r.GetString(0), ("@id", id)))
        {
            alone.AddRange((JsonSerializer.Deserialize<List<string>>(aliases) ?? []).Select(Alias));
        }

        alone.AddRange(session.Query("""
            SELECT DISTINCT e.surname FROM entity_documents ed JOIN entities e ON e.id = ed.entity_id
            WHERE ed.document_id = @id AND e.surname IS NOT NULL AND e.surname <> ''
            """, r => Surname(r.GetString(0)), ("@id", id)));
    }
}
