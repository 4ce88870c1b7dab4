-- One story from many outlets: each article's cluster of near-duplicates (Dossier.Domain.NearDuplicates: MinHash over
-- word shingles, LSH banding). documents.cluster_id is the id of the cluster's canonical article, its first-seen member
-- still stored (its own id for a canonical article); nothing is deleted for being a duplicate.
-- near_dup_signatures keeps the MinHash signature (128 × uint32, little-endian) of every article long enough to be judged,
-- with its first-seen order and a copy of its cluster id (documents rows are wide: reading their cluster id for every
-- candidate cost more than the rest of the look-up); near_dup_bands is the LSH index: one row per (band key, article), so the candidates of a new
-- article are found by key, not by comparing with every article.
-- entity_documents.counted: 1 on the one row of each (entity, cluster) that counts toward the entity's mention and article
-- counts, 0 on the other members' rows (a reprint adds no "report").
ALTER TABLE documents ADD COLUMN cluster_id TEXT NULL;
UPDATE documents SET cluster_id = id;
CREATE INDEX documents_cluster ON documents (cluster_id);

CREATE TABLE near_dup_signatures (
    document_id  TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL,
    cluster_id   TEXT NOT NULL,
    signature    BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX near_dup_signatures_seq ON near_dup_signatures (seq);
CREATE INDEX near_dup_signatures_cluster ON near_dup_signatures (cluster_id, seq);

CREATE TABLE near_dup_bands (
    band_key     INTEGER NOT NULL,
    document_id  TEXT NOT NULL,
    PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;

ALTER TABLE entity_documents ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
