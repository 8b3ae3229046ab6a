-- Call journal and forwarded cases. Times are epoch milliseconds UTC (BIGINT), ids are TEXT UUIDs, so the
-- same statements run on PostgreSQL.
CREATE TABLE journal_calls (
    id TEXT PRIMARY KEY,
    draft INTEGER NOT NULL DEFAULT 1,
    offered_at BIGINT,
    answered_at BIGINT,
    ended_at BIGINT,
    caller_number TEXT NOT NULL DEFAULT '',
    caller_purged INTEGER NOT NULL DEFAULT 0,
    line TEXT NOT NULL DEFAULT '',
    municipality TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    no_data_kept INTEGER NOT NULL DEFAULT 0,
    case_number TEXT NOT NULL DEFAULT '',
    appointment_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    committed_at BIGINT
);

CREATE INDEX journal_calls_number ON journal_calls (caller_number);

CREATE INDEX journal_calls_offered ON journal_calls (offered_at);

CREATE INDEX journal_calls_draft ON journal_calls (draft, updated_at);

CREATE TABLE journal_call_services (
    call_id TEXT NOT NULL REFERENCES journal_calls (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    PRIMARY KEY (call_id, position)
);

CREATE TABLE journal_cases (
    case_number TEXT PRIMARY KEY,
    call_id TEXT NOT NULL DEFAULT '',
    service_id TEXT NOT NULL DEFAULT '',
    service_title TEXT NOT NULL DEFAULT '',
    office_id TEXT NOT NULL DEFAULT '',
    office_name TEXT NOT NULL DEFAULT '',
    office_email TEXT NOT NULL,
    question TEXT NOT NULL,
    callback_name TEXT NOT NULL DEFAULT '',
    callback_phone TEXT NOT NULL DEFAULT '',
    callback_email TEXT NOT NULL DEFAULT '',
    callback_consent INTEGER NOT NULL DEFAULT 0,
    agent TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    remind_at BIGINT,
    reminded_at BIGINT,
    closed_at BIGINT,
    outbox_id TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

CREATE INDEX journal_cases_state ON journal_cases (state, deadline_at);

CREATE INDEX journal_cases_phone ON journal_cases (callback_phone);

CREATE TABLE journal_case_counters (
    year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);
