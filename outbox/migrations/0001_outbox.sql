-- Durable e-mail outbox. Times are epoch milliseconds UTC. The MIME text is built at commit time and
-- never rebuilt, so every attempt sends the same bytes with the same Message-ID.
CREATE TABLE outbox_messages (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    mime TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_code INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    sending_since BIGINT,
    data_complete_at BIGINT,
    sent_at BIGINT
);

CREATE INDEX outbox_messages_due ON outbox_messages (state, next_attempt_at);

CREATE INDEX outbox_messages_reference ON outbox_messages (reference);
