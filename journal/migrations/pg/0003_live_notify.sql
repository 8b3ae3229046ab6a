-- The shared server tells the desks when the forwarded cases change (any session: a desk's queue, a lead's
-- desk closing a case, psql): NOTIFY journal_changed with the table's name, delivered at commit. A row trigger
-- fires only for rows that really changed, and PostgreSQL folds equal notifications of one transaction, so a
-- transaction sends one notification per table however many rows it touched. The desks listen on their UI
-- connection and refresh the visible cases view (docs/shared-store.md, "Live views"). The payload names a
-- table, never a row: every login that listens may read these tables anyway.
CREATE OR REPLACE FUNCTION journal_notify_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('journal_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_cases_changed AFTER INSERT OR UPDATE OR DELETE ON journal_cases
    FOR EACH ROW EXECUTE FUNCTION journal_notify_changed();
