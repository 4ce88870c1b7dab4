CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    text          TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    published     TEXT NULL,
    content_type  TEXT NOT NULL DEFAULT 'text/plain',
    status        INTEGER NOT NULL,
    error         TEXT NULL,
    trace_id      TEXT NOT NULL DEFAULT '',
    fact_count    INTEGER NOT NULL DEFAULT 0,
    ingested_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX documents_status ON documents (status);
