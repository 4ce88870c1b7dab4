-- Fewer rows per article, so that indexing stays fast as the store grows (BENCHMARKS.md):
-- * an entity's mentions in an article become one entity_documents row carrying the name the article uses, the aliases
--   it gives and the spans of its mentions ("start:end,start:end"); the other annotations (meetings, money, quotes…) are
--   read from the article's facts. The mentions table goes.
-- * entity_aliases keeps one row per (entity, alias) with the number of articles giving it, instead of one per article.
-- * event_entities carries its event's sort date, so an entity's latest events come from an index.
-- Keyed tables are WITHOUT ROWID: the primary key is the table.
-- entity_documents is keyed (entity, published, article): an entity's latest articles are the end of its key range, with
-- no second index to write. An undated article has published '' (before every date, so last when newest come first).
CREATE TABLE entity_documents_v3 (
    entity_id      TEXT NOT NULL,
    published      TEXT NOT NULL,
    document_id    TEXT NOT NULL,
    mention_count  INTEGER NOT NULL,
    name           TEXT NOT NULL,
    aliases        TEXT NOT NULL,
    spans          TEXT NOT NULL,
    PRIMARY KEY (entity_id, published, document_id)
) WITHOUT ROWID;
INSERT INTO entity_documents_v3 (entity_id, published, document_id, mention_count, name, aliases, spans)
SELECT ed.entity_id, COALESCE(ed.published, ''), ed.document_id, ed.mention_count,
    COALESCE((SELECT m.value FROM mentions m WHERE m.document_id = ed.document_id AND m.entity_id = ed.entity_id LIMIT 1),
             (SELECT e.name FROM entities e WHERE e.id = ed.entity_id), ''),
    COALESCE((SELECT json_group_array(a.alias) FROM entity_aliases a WHERE a.entity_id = ed.entity_id AND a.document_id = ed.document_id), '[]'),
    COALESCE((SELECT group_concat(m.span_start || ':' || m.span_end, ',') FROM mentions m
              WHERE m.document_id = ed.document_id AND m.entity_id = ed.entity_id), '')
FROM entity_documents ed;
DROP TABLE entity_documents;
ALTER TABLE entity_documents_v3 RENAME TO entity_documents;
CREATE INDEX entity_documents_document ON entity_documents (document_id);

CREATE TABLE entity_aliases_v3 (
    entity_id       TEXT NOT NULL,
    alias           TEXT NOT NULL,
    alias_key       TEXT NOT NULL,
    document_count  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
INSERT INTO entity_aliases_v3 (entity_id, alias, alias_key, document_count)
SELECT entity_id, alias, MIN(alias_key), COUNT(*) FROM entity_aliases GROUP BY entity_id, alias;
DROP TABLE entity_aliases;
ALTER TABLE entity_aliases_v3 RENAME TO entity_aliases;
CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);

DROP TABLE mentions;

CREATE TABLE event_entities_v3 (
    entity_id    TEXT NOT NULL,
    sort_date    TEXT NULL,
    event_id     INTEGER NOT NULL,
    role         TEXT NOT NULL,
    document_id  TEXT NOT NULL
);
INSERT INTO event_entities_v3 (entity_id, sort_date, event_id, role, document_id)
SELECT l.entity_id, v.sort_date, l.event_id, l.role, l.document_id FROM event_entities l JOIN events v ON v.id = l.event_id;
DROP TABLE event_entities;
ALTER TABLE event_entities_v3 RENAME TO event_entities;
-- An entity's events, latest first (GetEntity), read in this index's order.
CREATE INDEX event_entities_entity ON event_entities (entity_id, sort_date DESC, event_id DESC);
CREATE INDEX event_entities_event ON event_entities (event_id);
CREATE INDEX event_entities_document ON event_entities (document_id);

-- Not read since ListEvents and merging have indexes of their own (0002); one index less to write per event.
DROP INDEX events_place;
