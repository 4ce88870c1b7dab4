-- The full-text index in parts of consecutive articles (SqliteFullTextParts): one FTS5 table per part, documents_fts_<part>,
-- created by the store when the newest part is full; an article's row in it has the article's documents.rowid.
-- first_rowid is the first documents.rowid a part holds: a row id belongs to the part with the greatest first_rowid not
-- above it. documents_fts keeps the articles indexed before this migration (and is searched after every part).
CREATE TABLE fulltext_parts (
    part         INTEGER PRIMARY KEY,
    first_rowid  INTEGER NOT NULL UNIQUE
);
