-- Feed subscriptions and the items seen in them (issue 12). Times are Unix milliseconds.
CREATE TABLE feeds (
    id                TEXT PRIMARY KEY,
    url               TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL DEFAULT '',
    interval_seconds  INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    -- Validators of the last full fetch, sent back as If-None-Match / If-Modified-Since.
    etag              TEXT NULL,
    last_modified     TEXT NULL,
    last_poll_at      INTEGER NULL,
    last_success_at   INTEGER NULL,
    next_poll_at      INTEGER NOT NULL,
    last_error        TEXT NULL,
    -- Failed polls in a row (the back-off doubles with each).
    failures          INTEGER NOT NULL DEFAULT 0,
    -- The replica polling the feed now, until when.
    lease_owner       TEXT NULL,
    lease_until       INTEGER NULL
);
CREATE INDEX feeds_due ON feeds (next_poll_at, id);
-- An item is ingested by whoever inserts its row (the key is the item's URL): two pollers never ingest it twice.
CREATE TABLE feed_items (
    feed_id      TEXT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key     TEXT NOT NULL,
    url          TEXT NOT NULL,
    document_id  TEXT NULL,
    attempts     INTEGER NOT NULL DEFAULT 1,
    error        TEXT NULL,
    lease_until  INTEGER NOT NULL,
    seen_at      INTEGER NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
