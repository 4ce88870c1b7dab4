-- Ingestion's articles and durable work queue on PostgreSQL (the twin of Migrations/Ingestion on SQLite).
CREATE TABLE articles (
    id               text PRIMARY KEY,
    content_hash     text NOT NULL UNIQUE,
    text             text NOT NULL,
    title            text NOT NULL DEFAULT '',
    source           text NOT NULL DEFAULT '',
    url              text NOT NULL DEFAULT '',
    published        text NULL,
    content_type     text NOT NULL DEFAULT 'text/plain',
    status           integer NOT NULL,
    error            text NULL,
    trace_id         text NOT NULL DEFAULT '',
    fact_count       integer NOT NULL DEFAULT 0,
    ingested_at      text NOT NULL,
    updated_at       text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    -- Unix milliseconds.
    next_attempt_at  bigint NOT NULL DEFAULT 0,
    lease_owner      text NULL,
    lease_until      bigint NULL
);
CREATE INDEX articles_due ON articles (status, next_attempt_at);
CREATE INDEX articles_ingested ON articles (ingested_at, id);
