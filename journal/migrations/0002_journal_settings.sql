-- Settings every desk of a hotline shares, one row per name; the value is the setting's string form. First
-- setting: "deadline_policy", the forward deadline rules per office and service (journal::DeadlinePolicy,
-- e.g. "default=workingdays:24; office:o17=workinghours:16"). On the shared server agents read it and team
-- leads write it (deskserver/roles.sql).
CREATE TABLE journal_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
