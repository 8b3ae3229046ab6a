-- The shared server tells the desks when the outbox changes: a new e-mail, and every send state the senders
-- record (sending, sent, deferred, failed, a retry). NOTIFY outbox_changed with the table's name, delivered at
-- commit; a row trigger, so a sender's round that changes nothing sends nothing, and PostgreSQL folds equal
-- notifications of one transaction. The desks refresh their visible outbox view (docs/shared-store.md,
-- "Live views"). Separate from outbox_queued (deskserver/outbox_notify.sql), which wakes the senders.
CREATE OR REPLACE FUNCTION outbox_notify_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_messages_changed AFTER INSERT OR UPDATE OR DELETE ON outbox_messages
    FOR EACH ROW EXECUTE FUNCTION outbox_notify_changed();
