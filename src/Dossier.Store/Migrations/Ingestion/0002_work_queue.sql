-- The article table becomes ingestion's durable work queue: attempts, when the next one is due, and a lease held by
-- the worker processing the article (an expired lease makes the article claimable again, e.g. after a crash).
ALTER TABLE documents RENAME TO articles;
DROP INDEX IF EXISTS documents_status;
ALTER TABLE articles ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
-- Unix milliseconds.
ALTER TABLE articles ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE articles ADD COLUMN lease_until INTEGER NULL;
CREATE INDEX articles_due ON articles (status, next_attempt_at);
CREATE INDEX articles_ingested ON articles (ingested_at, id);
