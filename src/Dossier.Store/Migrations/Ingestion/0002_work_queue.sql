-- The article table becomes ingestion's durable work queue: attempts, when the next one is due, and a lease held by
-- the worker processing the article (an expired lease makes the article claimable again, e.g. after a crash).
ALTER TABLE documents RENAME TO articles;
DROP INDEX IF EXISTS documents_status;
ALTER TABLE articles ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
-- Unix milliseconds.
ALTER TABLE articles ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE articles ADD COLUMN lease_until INTEGER NULL;
-- The queue's order, over the waiting articles only: a claim reads its first rows, whatever the table's size.
CREATE INDEX articles_queue ON articles (next_attempt_at, id, status) WHERE status IN (1, 2);
-- Counting the settled ones without reading the articles (a claim cannot use it, so it never competes with the queue's).
CREATE INDEX articles_settled ON articles (status) WHERE status IN (3, 4);
CREATE INDEX articles_ingested ON articles (ingested_at, id);
