-- Appointments: offices' weekly opening hours and parallel capacity, bookings, and the booked cells of
-- the booking grid. A booking takes one seat (1..capacity) in every grid cell it covers; the primary
-- key (office_id, cell_start, seat) makes double-booking impossible on SQLite and PostgreSQL alike.
CREATE TABLE appt_offices (
    office_id TEXT PRIMARY KEY,
    office_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL DEFAULT 1,
    cell_minutes INTEGER NOT NULL DEFAULT 15,
    updated_at BIGINT NOT NULL
);

CREATE TABLE appt_opening_hours (
    office_id TEXT NOT NULL REFERENCES appt_offices (office_id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL,
    opens_minute INTEGER NOT NULL,
    closes_minute INTEGER NOT NULL,
    PRIMARY KEY (office_id, weekday, opens_minute)
);

CREATE TABLE appt_bookings (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    service_id TEXT NOT NULL DEFAULT '',
    service_title TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    citizen_name TEXT NOT NULL DEFAULT '',
    citizen_email TEXT NOT NULL DEFAULT '',
    citizen_phone TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    call_id TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    uid TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    rebooked_from TEXT NOT NULL DEFAULT '',
    outbox_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);

CREATE INDEX appt_bookings_office ON appt_bookings (office_id, starts_at);

CREATE TABLE appt_cells (
    office_id TEXT NOT NULL,
    cell_start BIGINT NOT NULL,
    seat INTEGER NOT NULL,
    booking_id TEXT NOT NULL REFERENCES appt_bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (office_id, cell_start, seat)
);

CREATE INDEX appt_cells_booking ON appt_cells (booking_id);
