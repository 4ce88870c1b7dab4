-- Full-text search reads a narrow table of its own: the search vector with the two columns the ranking window is ordered
-- by. Searching read every candidate's documents row (2.6 kB on average: text, facts and vector, compressed) at ~20 µs a
-- row (BENCHMARKS.md); these rows are ~1 kB and stay inline. The vector column of documents goes.
DROP INDEX documents_search;
CREATE TABLE documents_search (
    document_id  text COLLATE "C" PRIMARY KEY,
    published    text NULL,
    indexed_at   text NOT NULL,
    search       tsvector NOT NULL
);
INSERT INTO documents_search (document_id, published, indexed_at, search)
SELECT id, published, indexed_at,
       COALESCE(search, setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B'))
FROM documents;
CREATE INDEX documents_search_vector ON documents_search USING GIN (search);
CREATE INDEX documents_search_order ON documents_search (published DESC NULLS LAST, indexed_at DESC);
ALTER TABLE documents DROP COLUMN search;
