-- Rights of the desk roles on the journal, outbox and appointment tables of the shared store (run
-- by hotline-admin-desk migrate after the module migrations; safe to run again). The roles
-- hotline_agent and hotline_lead come from kb's roles.sql (hotline-admin init): run that first.
-- hotline_sender (created here) is the outbox sender's group: hotline-admin-desk user add NAME --role sender.
-- Desks write these tables only through their queue (kb::ReplicaSync), as the logged-in desk user.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_sender') THEN
        CREATE ROLE hotline_sender NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON schema_versions, journal_calls, journal_call_services, journal_cases, journal_case_counters,
    journal_settings, outbox_messages, appt_offices, appt_opening_hours, appt_bookings, appt_cells FROM PUBLIC;

GRANT SELECT ON schema_versions, journal_calls, journal_call_services, journal_cases, journal_case_counters,
    journal_settings, outbox_messages, appt_offices, appt_opening_hours, appt_bookings, appt_cells TO hotline_agent, hotline_lead;

-- Agents commit calls (a call row is written once: the upsert refuses committed rows), forward cases
-- (case number counter, case, outbox e-mail) and book appointments. No DELETE of calls or cases,
-- no changes to committed rows' history beyond what the stores do, no office schedules.
GRANT INSERT, UPDATE ON journal_calls, journal_case_counters TO hotline_agent, hotline_lead;

GRANT INSERT, DELETE ON journal_call_services TO hotline_agent, hotline_lead;

GRANT INSERT ON journal_cases, outbox_messages, appt_bookings, appt_cells TO hotline_agent, hotline_lead;

-- Team leads also close cases, cancel and rebook appointments, edit office schedules and purge
-- personal data after the retention time; the outbox worker (a lead login) updates send states.
GRANT UPDATE ON journal_cases, outbox_messages, appt_bookings TO hotline_lead;

GRANT DELETE ON journal_calls, appt_cells TO hotline_lead;

GRANT INSERT, UPDATE, DELETE ON appt_offices, appt_opening_hours TO hotline_lead;

-- The hotline's settings (the forward deadline rules): every desk reads them, only team leads change them.
GRANT INSERT, UPDATE, DELETE ON journal_settings TO hotline_lead;

-- The outbox sender (hotline-outbox-service) reads the outbox and records send states, nothing else:
-- it cannot add, delete or rewrite messages (recipients, subject, MIME text) and sees no other table.
GRANT USAGE ON SCHEMA public TO hotline_sender;

GRANT SELECT ON schema_versions, outbox_messages TO hotline_sender;

GRANT UPDATE (state, attempts, last_code, last_error, next_attempt_at, sending_since, data_complete_at, sent_at)
    ON outbox_messages TO hotline_sender;

-- Row ownership (issue 7): an agent's login writes only calls, cases and bookings that name it as
-- the agent (the desk puts its server login name there), and the services of its own calls, so no
-- desk can log work under another agent's name. Team leads are unrestricted; the owner (migrations,
-- imports) bypasses row security. Everyone who may read the tables still reads every row. The
-- policies are re-created on every run.
ALTER TABLE journal_calls ENABLE ROW LEVEL SECURITY;

ALTER TABLE journal_cases ENABLE ROW LEVEL SECURITY;

ALTER TABLE journal_call_services ENABLE ROW LEVEL SECURITY;

ALTER TABLE appt_bookings ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS journal_call_services_read ON journal_call_services;

DROP POLICY IF EXISTS journal_call_services_lead ON journal_call_services;

DROP POLICY IF EXISTS journal_call_services_agent ON journal_call_services;

DROP POLICY IF EXISTS appt_bookings_read ON appt_bookings;

DROP POLICY IF EXISTS appt_bookings_lead ON appt_bookings;

DROP POLICY IF EXISTS appt_bookings_agent_insert ON appt_bookings;

CREATE POLICY journal_call_services_read ON journal_call_services FOR SELECT USING (true);

CREATE POLICY journal_call_services_lead ON journal_call_services FOR ALL TO hotline_lead USING (true)
    WITH CHECK (true);

CREATE POLICY journal_call_services_agent ON journal_call_services FOR ALL TO hotline_agent
    USING (EXISTS (SELECT 1 FROM journal_calls c WHERE c.id = call_id AND c.agent = current_user::text))
    WITH CHECK (EXISTS (SELECT 1 FROM journal_calls c WHERE c.id = call_id AND c.agent = current_user::text));

CREATE POLICY appt_bookings_read ON appt_bookings FOR SELECT USING (true);

CREATE POLICY appt_bookings_lead ON appt_bookings FOR ALL TO hotline_lead USING (true) WITH CHECK (true);

CREATE POLICY appt_bookings_agent_insert ON appt_bookings FOR INSERT TO hotline_agent
    WITH CHECK (agent = current_user::text);

DROP POLICY IF EXISTS journal_calls_read ON journal_calls;

DROP POLICY IF EXISTS journal_calls_lead ON journal_calls;

DROP POLICY IF EXISTS journal_calls_agent_insert ON journal_calls;

DROP POLICY IF EXISTS journal_calls_agent_update ON journal_calls;

DROP POLICY IF EXISTS journal_cases_read ON journal_cases;

DROP POLICY IF EXISTS journal_cases_lead ON journal_cases;

DROP POLICY IF EXISTS journal_cases_agent_insert ON journal_cases;

CREATE POLICY journal_calls_read ON journal_calls FOR SELECT USING (true);

CREATE POLICY journal_calls_lead ON journal_calls FOR ALL TO hotline_lead USING (true) WITH CHECK (true);

CREATE POLICY journal_calls_agent_insert ON journal_calls FOR INSERT TO hotline_agent
    WITH CHECK (agent = current_user::text);

CREATE POLICY journal_calls_agent_update ON journal_calls FOR UPDATE TO hotline_agent
    USING (agent = current_user::text) WITH CHECK (agent = current_user::text);

CREATE POLICY journal_cases_read ON journal_cases FOR SELECT USING (true);

CREATE POLICY journal_cases_lead ON journal_cases FOR ALL TO hotline_lead USING (true) WITH CHECK (true);

CREATE POLICY journal_cases_agent_insert ON journal_cases FOR INSERT TO hotline_agent
    WITH CHECK (agent = current_user::text);
