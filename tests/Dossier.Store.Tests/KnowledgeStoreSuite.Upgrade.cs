using Dossier.Domain;

namespace Dossier.Store.Tests;

public abstract partial class KnowledgeStoreSuite
{
    /// <summary>
    /// A store opened on a database made by the engine's migration scripts up to <paramref name="version"/> and then
    /// filled by <paramref name="sql"/> (portable SQL), so that the newer migrations run on its data.
    /// </summary>
    protected abstract IKnowledgeStore OpenUpgradedFrom(int version, string sql);

    /// <summary>The store's schema version after migrations, and the newest the engine has.</summary>
    protected abstract (int Current, int Latest) SchemaVersions(IKnowledgeStore store);

    [SkippableFact]
    public async Task Open_DatabaseOfSchemaVersion1_UpgradesAndKeepsItsEvents()
    {
        var store = OpenUpgradedFrom(1, """
            INSERT INTO events (format, country, city, date, sort_date, status, source_count)
            VALUES ('ministerial', 'IT', 'Rome', '2021-06-28', '2021-06-28', 'held', 1);
            INSERT INTO event_sources (event_id, document_id, published, format, status, date, city, country, hosts, participants, span_start, span_end, evidence)
            VALUES (1, 'old', NULL, 'ministerial', 'held', '2021-06-28', 'Rome', 'IT', '[]', '[]', 0, 4, 'Rome');
            """);

        await store.IndexAsync(new ArticleInfo { Id = "a1", Text = "Ministers met in Rome in June." }, new DocumentFacts
        {
            Doc = "a1", Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Rome", "IT", "2021-06", [], [], new TextSpan(0, 21))],
        });

        var (current, latest) = SchemaVersions(store);
        Assert.Equal(latest, current);
        var e = Assert.Single((await store.ListEventsAsync(new EventQuery(Country: "IT"), 0, 10)).Items);
        Assert.Equal(("2021-06-28", 2), (e.Date, e.SourceCount));
    }

    private const string OldText = "Antony Blinken spoke in Rome. Blinken left.";

    /// <summary>One article as schema version 2 kept it: a row per mention, per alias and per event link.</summary>
    private static string Version2Article()
    {
        var facts = new DocumentFacts
        {
            Doc = "old", Published = "2021-06-28", Relevant = true, ExtractorVersion = "v2",
            People = [new PersonFact("Antony Blinken", ["Blinken"], "Secretary of State", "US", [new TextSpan(0, 14), new TextSpan(30, 37)])],
            Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Rome", "IT", "2021-06-28", [], ["Antony Blinken"], new TextSpan(0, 28))],
        };
        var json = FactsJson.Serialize(facts, indented: false).Replace("'", "''", StringComparison.Ordinal);
        return $"""
            INSERT INTO documents (id, title, published, source, url, text, trace_id, relevant, extractor_version, facts_json, fact_counts, indexed_at)
            VALUES ('old', 'Old', '2021-06-28', '', '', '{OldText}', '', 1, 'v2', '{json}', '0,1,0,1,0,0,0,0,0', '2021-06-29T00:00:00.0000000+00:00');
            INSERT INTO entities (id, kind, name, name_key, surname, country, mention_count, document_count)
            VALUES ('person:antony-blinken', 'person', 'Antony Blinken', 'antony-blinken', 'blinken', 'US', 2, 1),
                   ('place:rome', 'place', 'Rome', 'rome', NULL, 'IT', 1, 1);
            INSERT INTO entity_documents (entity_id, document_id, published, mention_count)
            VALUES ('person:antony-blinken', 'old', '2021-06-28', 2), ('place:rome', 'old', '2021-06-28', 1);
            INSERT INTO mentions (document_id, kind, value, entity_id, span_start, span_end)
            VALUES ('old', 'person', 'Antony Blinken', 'person:antony-blinken', 30, 37),
                   ('old', 'person', 'Antony Blinken', 'person:antony-blinken', 0, 14),
                   ('old', 'meeting', 'ministerial', NULL, 0, 28);
            INSERT INTO entity_aliases (entity_id, alias, alias_key, document_id)
            VALUES ('person:antony-blinken', 'Antony Blinken', 'antony-blinken', 'old'), ('person:antony-blinken', 'Blinken', 'blinken', 'old'),
                   ('place:rome', 'Rome', 'rome', 'old');
            INSERT INTO alias_index (alias_key, entity_id)
            VALUES ('antony-blinken', 'person:antony-blinken'), ('blinken', 'person:antony-blinken'), ('rome', 'place:rome');
            INSERT INTO events (format, country, city, date, sort_date, status, source_count)
            VALUES ('ministerial', 'IT', 'Rome', '2021-06-28', '2021-06-28', 'held', 1);
            INSERT INTO event_sources (event_id, document_id, published, format, status, date, city, country, hosts, participants, span_start, span_end, evidence)
            VALUES (1, 'old', '2021-06-28', 'ministerial', 'held', '2021-06-28', 'Rome', 'IT', '[]', '["Antony Blinken"]', 0, 28, 'Antony Blinken spoke in Rome');
            INSERT INTO event_entities (event_id, entity_id, role, document_id)
            VALUES (1, 'person:antony-blinken', 'participant', 'old'), (1, 'place:rome', 'place', 'old');
            """;
    }

    [SkippableFact]
    public async Task Open_DatabaseOfSchemaVersion2_KeepsMentionsAliasesAndEventLinks()
    {
        var store = OpenUpgradedFrom(2, Version2Article());

        var (current, latest) = SchemaVersions(store);
        Assert.Equal(latest, current);
        var article = (await store.GetAsync("old"))!;
        Assert.Equal(
            [("person", 0, 14, "Antony Blinken", "person:antony-blinken"), ("meeting", 0, 28, "ministerial", null), ("person", 30, 37, "Antony Blinken", "person:antony-blinken")],
            article.Annotations.Select(a => (a.Kind, a.Start, a.End, a.Label, a.EntityId)).ToList());
        var blinken = (await store.GetEntityAsync("person:antony-blinken"))!;
        Assert.Equal(["Antony Blinken", "Blinken"], blinken.Aliases);
        Assert.Equal(["Antony Blinken", "Blinken"], blinken.Mentions.Select(m => m.Text).ToList());
        Assert.Equal(["ev-1"], blinken.Events.Select(e => e.Id).ToList());
        Assert.Single((await store.SearchAsync(new SearchQuery("", Person: "Blinken"), 0, 10)).Items);

        // A new article about the same person and meeting counts on the migrated rows; deleting the old one takes only its share.
        const string text = "Blinken returned to Rome on 28 June 2021.";
        await store.IndexAsync(new ArticleInfo { Id = "new", Text = text, Published = "2021-06-29" }, new DocumentFacts
        {
            Doc = "new", Published = "2021-06-29",
            People = [new PersonFact("Blinken", [], null, null, [new TextSpan(0, 7)])],
            Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Rome", "IT", "2021-06-28", [], ["Blinken"], new TextSpan(0, 40))],
        });
        Assert.Equal((3, 2), ((await store.GetEntityAsync("person:antony-blinken"))!.Summary.MentionCount, (await store.GetEntityAsync("person:antony-blinken"))!.Summary.DocumentCount));
        Assert.Equal(2, (await store.GetEventAsync("ev-1"))!.Summary.SourceCount);

        Assert.True(await store.DeleteAsync("old"));
        var after = (await store.GetEntityAsync("person:antony-blinken"))!;
        Assert.Equal((1, 1), (after.Summary.MentionCount, after.Summary.DocumentCount));
        Assert.Equal(["Blinken"], after.Aliases);
        Assert.Equal(["ev-1"], after.Events.Select(e => e.Id).ToList());
        Assert.True(await store.DeleteAsync("new"));
        Assert.Null(await store.GetEntityAsync("person:antony-blinken"));
        Assert.Null(await store.GetEventAsync("ev-1"));
        Assert.Equal(new StoreTotals(0, 0, 0, 0), await store.TotalsAsync());
    }
}
