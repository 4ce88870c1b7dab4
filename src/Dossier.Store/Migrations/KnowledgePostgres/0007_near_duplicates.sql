-- One story from many outlets: the near-duplicate clusters of Migrations/Knowledge/0005 (SQLite), with PostgreSQL types.
ALTER TABLE documents ADD COLUMN cluster_id text COLLATE "C" NULL;
UPDATE documents SET cluster_id = id;
CREATE INDEX documents_cluster ON documents (cluster_id);

CREATE TABLE near_dup_signatures (
    document_id  text COLLATE "C" PRIMARY KEY,
    seq          bigint NOT NULL,
    cluster_id   text COLLATE "C" NOT NULL,
    signature    bytea NOT NULL
);
CREATE INDEX near_dup_signatures_seq ON near_dup_signatures (seq);
CREATE INDEX near_dup_signatures_cluster ON near_dup_signatures (cluster_id, seq);

CREATE TABLE near_dup_bands (
    band_key     bigint NOT NULL,
    document_id  text COLLATE "C" NOT NULL,
    PRIMARY KEY (band_key, document_id)
);

ALTER TABLE entity_documents ADD COLUMN counted integer NOT NULL DEFAULT 1;
