-- The shared server tells the desks when bookings change (booked, cancelled, moved, purged; by any desk or
-- tool): NOTIFY appointments_changed with the table's name, delivered at commit; a row trigger, and
-- PostgreSQL folds equal notifications of one transaction. The desks refresh their visible appointments view
-- (docs/shared-store.md, "Live views").
CREATE OR REPLACE FUNCTION appointments_notify_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('appointments_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER appt_bookings_changed AFTER INSERT OR UPDATE OR DELETE ON appt_bookings
    FOR EACH ROW EXECUTE FUNCTION appointments_notify_changed();
