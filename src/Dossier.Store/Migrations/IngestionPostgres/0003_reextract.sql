-- Re-extraction through the durable queue (issue 14; the twin of Migrations/Ingestion/0004 on SQLite). An article
-- marked for re-extraction is queued again (status 1, a new attempt under the same lease protocol) while its old facts
-- stay indexed until the new ones replace them.
-- reextract: 0 never asked, 1 pending, 2 done (indexed by its re-extraction), 3 failed (parked during it).
ALTER TABLE articles ADD COLUMN reextract integer NOT NULL DEFAULT 0;
-- The version of the extractor whose facts were last indexed (NULL before this migration).
ALTER TABLE articles ADD COLUMN extractor_version text NULL;
-- Counting re-extractions and listing the pending ones without reading the other articles.
CREATE INDEX articles_reextract ON articles (reextract, id) WHERE reextract > 0;
