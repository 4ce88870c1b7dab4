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
-- The queue's order, over the waiting articles only: a claim reads its first rows, whatever the table's size.
CREATE INDEX articles_queue ON articles (next_attempt_at, id, status) WHERE status IN (1, 2);
-- Counting the settled ones without reading the articles (a claim cannot use it, so it never competes with the queue's).
CREATE INDEX articles_settled ON articles (status) WHERE status IN (3, 4);
CREATE INDEX articles_ingested ON articles (ingested_at, id);
