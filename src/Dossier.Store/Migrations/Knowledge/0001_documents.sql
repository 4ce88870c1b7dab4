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
CREATE INDEX documents_published ON documents (published);

-- One row per fact mention, for look-ups across articles.
CREATE TABLE mentions (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_kind_value ON mentions (kind, value);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    document_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
