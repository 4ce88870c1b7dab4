-- The knowledge store on SQLite. Portable SQL except the full-text table (FTS5).
CREATE TABLE documents (
    id                 TEXT PRIMARY KEY,
    title              TEXT NOT NULL DEFAULT '',
    published          TEXT NULL,
    source             TEXT NOT NULL DEFAULT '',
    url                TEXT NOT NULL DEFAULT '',
    text               TEXT NOT NULL,
    trace_id           TEXT NOT NULL DEFAULT '',
    relevant           INTEGER NOT NULL DEFAULT 0,
    extractor_version  TEXT NOT NULL DEFAULT '',
    facts_json         TEXT NOT NULL,
    fact_counts        TEXT NOT NULL,
    indexed_at         TEXT NOT NULL
);
CREATE INDEX documents_order ON documents (published DESC, indexed_at DESC);

-- Every fact span of every article, with the canonical entity it names (if any): annotations.
CREATE TABLE mentions (
    document_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    entity_id    TEXT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_entity ON mentions (entity_id, document_id);

CREATE TABLE entities (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    surname         TEXT NULL,
    country         TEXT NULL,
    mention_count   INTEGER NOT NULL DEFAULT 0,
    document_count  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_kind_count ON entities (kind, mention_count DESC);
CREATE INDEX entities_name_key ON entities (name_key);
CREATE INDEX entities_surname ON entities (kind, surname);

CREATE TABLE entity_documents (
    entity_id      TEXT NOT NULL,
    document_id    TEXT NOT NULL,
    published      TEXT NULL,
    mention_count  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX entity_documents_published ON entity_documents (entity_id, published);
CREATE INDEX entity_documents_document ON entity_documents (document_id);

CREATE TABLE entity_aliases (
    entity_id    TEXT NOT NULL,
    alias        TEXT NOT NULL,
    alias_key    TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias, document_id)
);
CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);
CREATE INDEX entity_aliases_document ON entity_aliases (document_id);

-- Which entities a name (folded) has denoted: resolution of aliases in one index look-up. Rows outlive the
-- articles that made them; a row whose entity is gone is ignored by joining entities.
CREATE TABLE alias_index (
    alias_key  TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (alias_key, entity_id)
);

CREATE TABLE entity_titles (
    entity_id    TEXT NOT NULL,
    title        TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    published    TEXT NULL,
    PRIMARY KEY (entity_id, title, document_id)
);
CREATE INDEX entity_titles_document ON entity_titles (document_id);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    format        TEXT NOT NULL,
    country       TEXT NULL,
    city          TEXT NULL,
    date          TEXT NULL,
    sort_date     TEXT NULL,
    status        TEXT NOT NULL,
    source_count  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_place ON events (country, format);
CREATE INDEX events_country_sort ON events (country, sort_date);
CREATE INDEX events_format_sort ON events (format, sort_date);
CREATE INDEX events_sort ON events (sort_date DESC);

CREATE TABLE event_sources (
    event_id      INTEGER NOT NULL,
    document_id   TEXT NOT NULL,
    published     TEXT NULL,
    format        TEXT NOT NULL,
    status        TEXT NOT NULL,
    date          TEXT NULL,
    city          TEXT NULL,
    country       TEXT NULL,
    hosts         TEXT NOT NULL,
    participants  TEXT NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    evidence      TEXT NOT NULL
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_document ON event_sources (document_id);

CREATE TABLE event_entities (
    event_id     INTEGER NOT NULL,
    entity_id    TEXT NOT NULL,
    role         TEXT NOT NULL,
    document_id  TEXT NOT NULL
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);
CREATE INDEX event_entities_document ON event_entities (document_id);

CREATE TABLE claims (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    published    TEXT NULL,
    value        INTEGER NULL,
    qualifier    TEXT NULL,
    as_of        TEXT NULL,
    -- The date the claim speaks of: as_of, else the article's date, else the date of the meeting it reports.
    effective    TEXT NULL,
    member       TEXT NULL,
    ordinal      INTEGER NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    evidence     TEXT NOT NULL
);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_document ON claims (document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    document_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
