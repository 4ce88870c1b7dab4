-- Feed subscriptions and the items seen in them (the twin of Migrations/Ingestion/0003_feeds.sql). Times are Unix milliseconds.
CREATE TABLE feeds (
    id                text PRIMARY KEY,
    url               text NOT NULL UNIQUE,
    title             text NOT NULL DEFAULT '',
    interval_seconds  integer NOT NULL,
    created_at        bigint NOT NULL,
    etag              text NULL,
    last_modified     text NULL,
    last_poll_at      bigint NULL,
    last_success_at   bigint NULL,
    next_poll_at      bigint NOT NULL,
    last_error        text NULL,
    failures          integer NOT NULL DEFAULT 0,
    lease_owner       text NULL,
    lease_until       bigint NULL
);
CREATE INDEX feeds_due ON feeds (next_poll_at, id);
-- An item is ingested by whoever inserts its row (the key is the item's URL): two replicas never ingest it twice.
CREATE TABLE feed_items (
    feed_id      text NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key     text NOT NULL,
    url          text NOT NULL,
    document_id  text NULL,
    attempts     integer NOT NULL DEFAULT 1,
    error        text NULL,
    lease_until  bigint NOT NULL,
    seen_at      bigint NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
