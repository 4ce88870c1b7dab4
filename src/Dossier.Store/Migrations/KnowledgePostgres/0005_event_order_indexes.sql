-- ListEvents orders by sort_date DESC NULLS LAST, id DESC. PostgreSQL reads an ascending index backwards as DESC NULLS
-- FIRST, so the (country, sort_date) and (format, sort_date) indexes could filter but not order: every event of the
-- country was read and sorted before the page was cut (7.8 ms p50 at 100k articles). These indexes are in that order.
DROP INDEX events_country_sort;
DROP INDEX events_format_sort;
DROP INDEX events_sort;
CREATE INDEX events_country_sort ON events (country, sort_date DESC NULLS LAST, id DESC);
CREATE INDEX events_format_sort ON events (format, sort_date DESC NULLS LAST, id DESC);
CREATE INDEX events_sort ON events (sort_date DESC NULLS LAST, id DESC);
