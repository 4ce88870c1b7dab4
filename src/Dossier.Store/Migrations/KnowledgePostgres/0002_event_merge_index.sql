-- Merging a reported meeting into an event reads only the events of its place with a compatible date
-- (SqlKnowledgeStore.MergeCandidates): one range of this index instead of every event of the country.
CREATE INDEX events_country_date ON events (country, date);
