-- PostgreSQL schema version 2: synonyms and the revision counter (as the SQLite chain), plus
-- what many desks need: tombstones so replicas learn about deletions, a store id so a replica
-- notices a re-created server, the receipt table that makes queued desk writes idempotent, and a
-- NOTIFY on every committed revision change.

CREATE TABLE synonyms (
    term TEXT NOT NULL PRIMARY KEY,
    expansions TEXT NOT NULL DEFAULT '[]',
    revision BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX synonyms_by_revision ON synonyms (revision);

-- 'revision': grows by one per committed change; every writer locks this row first, so
-- revisions are handed out in commit order (a replica never misses a change by reading a
-- larger revision before a smaller one commits). 'store_id': random, set once.
CREATE TABLE meta (
    key TEXT NOT NULL PRIMARY KEY,
    int_value BIGINT NOT NULL DEFAULT 0,
    text_value TEXT NOT NULL DEFAULT ''
);

INSERT INTO meta (key, int_value) VALUES ('revision', 0);

INSERT INTO meta (key, text_value) VALUES ('store_id', gen_random_uuid()::text);

-- What was deleted, and in which revision (entity 'article' or 'synonym'). Removed again when the
-- key is written anew.
CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    revision BIGINT NOT NULL,
    PRIMARY KEY (entity, key)
);

CREATE INDEX tombstones_by_revision ON tombstones (revision);

-- One row per desk write delivered from a desk's queue: the client-generated id makes a second
-- delivery of the same write a no-op (INSERT … ON CONFLICT DO NOTHING in the write's own
-- transaction). submitted_by is filled by the server, not the desk.
CREATE TABLE applied_writes (
    id UUID NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_by TEXT NOT NULL DEFAULT current_user
);

CREATE FUNCTION hotline_notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('catalogue_changed', NEW.int_value::text);
    RETURN NEW;
END
$$;

CREATE TRIGGER meta_revision_notify AFTER UPDATE ON meta FOR EACH ROW
    WHEN (NEW.key = 'revision' AND NEW.int_value <> OLD.int_value)
    EXECUTE FUNCTION hotline_notify_catalogue_changed();
