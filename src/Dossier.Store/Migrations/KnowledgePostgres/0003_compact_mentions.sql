-- Fewer rows per article (see the SQLite schema's 0003): an entity's mentions in an article become one entity_documents
-- row with the name the article uses, its aliases (a JSON array) and the spans of its mentions ("start:end,…"); the
-- mentions table goes; entity_aliases counts the articles giving each (entity, alias); event_entities carries its
-- event's sort date, so an entity's latest events come from an index.
ALTER TABLE entity_documents ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE entity_documents ADD COLUMN aliases text NOT NULL DEFAULT '[]';
ALTER TABLE entity_documents ADD COLUMN spans text NOT NULL DEFAULT '';
UPDATE entity_documents ed SET
    name = COALESCE((SELECT m.value FROM mentions m WHERE m.document_id = ed.document_id AND m.entity_id = ed.entity_id LIMIT 1),
                    (SELECT e.name FROM entities e WHERE e.id = ed.entity_id), ''),
    aliases = COALESCE((SELECT json_agg(a.alias ORDER BY a.alias)::text FROM entity_aliases a
                        WHERE a.entity_id = ed.entity_id AND a.document_id = ed.document_id), '[]'),
    spans = COALESCE((SELECT string_agg(m.span_start || ':' || m.span_end, ',' ORDER BY m.span_start) FROM mentions m
                      WHERE m.document_id = ed.document_id AND m.entity_id = ed.entity_id), ''),
    published = COALESCE(ed.published, '');
-- An undated article has published '' (before every date, so last when newest come first), as on SQLite.
ALTER TABLE entity_documents ALTER COLUMN published SET NOT NULL;
DROP INDEX entity_documents_published;
CREATE INDEX entity_documents_published ON entity_documents (entity_id, published, document_id);

CREATE TABLE entity_aliases_v3 (
    entity_id       text COLLATE "C" NOT NULL,
    alias           text COLLATE "C" NOT NULL,
    alias_key       text COLLATE "C" NOT NULL,
    document_count  integer NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
INSERT INTO entity_aliases_v3 (entity_id, alias, alias_key, document_count)
SELECT entity_id, alias, MIN(alias_key), COUNT(*) FROM entity_aliases GROUP BY entity_id, alias;
DROP TABLE entity_aliases;
ALTER TABLE entity_aliases_v3 RENAME TO entity_aliases;
ALTER INDEX entity_aliases_v3_pkey RENAME TO entity_aliases_pkey;
CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);

DROP TABLE mentions;

ALTER TABLE event_entities ADD COLUMN sort_date text NULL;
UPDATE event_entities l SET sort_date = v.sort_date FROM events v WHERE v.id = l.event_id;
DROP INDEX event_entities_entity;
CREATE INDEX event_entities_entity ON event_entities (entity_id, sort_date DESC NULLS LAST, event_id DESC);
CREATE INDEX event_entities_event ON event_entities (event_id);

-- Not read since ListEvents and merging have indexes of their own (0002); one index less to write per event.
DROP INDEX events_place;
