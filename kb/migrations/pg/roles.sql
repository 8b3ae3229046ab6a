-- The server-side roles (run by hotline-admin init / migrate after the migrations; safe to run
-- again). hotline_agent reads the catalogue and may only add its own log rows; hotline_lead also
-- edits the catalogue. Login roles are members of one of them (hotline-admin user add).
-- New tables of later migrations must be added here.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_agent') THEN
        CREATE ROLE hotline_agent NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_lead') THEN
        CREATE ROLE hotline_lead NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO hotline_agent, hotline_lead;

GRANT SELECT ON schema_version, articles, offices, article_offices, synonyms, meta, tombstones
    TO hotline_agent, hotline_lead;

-- ON CONFLICT (id) needs to read the id column of the arbiter index.
GRANT INSERT (id, kind, created_at), SELECT (id) ON applied_writes TO hotline_agent, hotline_lead;

GRANT INSERT, UPDATE, DELETE ON articles, offices, article_offices, synonyms, tombstones TO hotline_lead;

GRANT UPDATE ON meta TO hotline_lead;

-- Editorial tables (schema version 3, docs/editorial.md). Agents read the history, the audit trail
-- and the flags, see users without their password hashes, and write only what agents may: flags
-- (with their audit entry) and the search log (opened article filled in later). Everything else
-- (users, drafts, publishing, settings, purging the log) is the team leads'.
GRANT SELECT ON article_versions, article_version_offices, article_flags, audit_log TO hotline_agent, hotline_lead;

GRANT SELECT (id, name, name_key, display_name, role, active, created_at, password_changed_at) ON users
    TO hotline_agent;

GRANT INSERT (article_id, article_version, raised_by, raised_at, comment) ON article_flags TO hotline_agent;

GRANT INSERT (at, actor, action, article_id, version, summary) ON audit_log TO hotline_agent;

-- Schema version 4: a desk's queued search carries its UUID (client_id); the queued opened article finds its
-- entry by it (reads client_id and opened_article_id, sets only the opened article and time).
-- Schema version 5: with the words the catalogue did not know (unmatched_words).
GRANT INSERT (searched_at, query, normalized_query, result_count, client_id, unmatched_words),
    SELECT (id, opened_article_id, client_id), UPDATE (opened_article_id, opened_at) ON search_log TO hotline_agent;

GRANT SELECT, INSERT, UPDATE, DELETE ON users, article_versions, article_version_offices, article_drafts,
    article_flags, search_log TO hotline_lead;

GRANT INSERT ON audit_log TO hotline_lead;
