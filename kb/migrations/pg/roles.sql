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
