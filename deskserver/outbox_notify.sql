-- Wakes the outbox senders (hotline-outbox-service) when a message becomes due: NOTIFY outbox_queued
-- with the message id whenever a row is inserted in, or put back into, the state 'queued'
-- (delivered at commit). Run by hotline-admin-desk migrate after the module migrations, as the
-- owner; safe to run again (PostgreSQL 14 or newer: CREATE OR REPLACE TRIGGER). Retries that become
-- due later are found by the senders' periodic check.
CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_queued', NEW.id);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER outbox_messages_queued AFTER INSERT OR UPDATE OF state ON outbox_messages
    FOR EACH ROW WHEN (NEW.state = 'queued') EXECUTE FUNCTION outbox_messages_notify();
