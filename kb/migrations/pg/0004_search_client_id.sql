-- PostgreSQL schema version 4, as kb/migrations/0004_search_client_id.sql: the desk-made UUID of a queued
-- search log entry, so that the queued "opened article" update finds it (NULL for entries logged directly).
ALTER TABLE search_log ADD COLUMN client_id UUID;

CREATE UNIQUE INDEX search_log_by_client_id ON search_log (client_id);
