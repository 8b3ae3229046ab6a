-- PostgreSQL schema version 5, as kb/migrations/0005_search_unmatched_words.sql: the query words the catalogue
-- did not know, joined by a space (NULL when every word matched, and for older entries).
ALTER TABLE search_log ADD COLUMN unmatched_words TEXT;
