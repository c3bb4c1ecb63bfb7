-- Telling the client. A letter is written in the transaction of the step
-- that causes it, once per step and recipient (the key), and sent after,
-- by a sender outside every user's transaction.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL,      -- V-311/arrived/E-904: the step
    kind        TEXT NOT NULL,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    visit_id    INTEGER REFERENCES visits(id),
    to_name     TEXT NOT NULL,
    to_email    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    ics         TEXT NOT NULL DEFAULT '',
    message_id  TEXT NOT NULL UNIQUE,
    state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     INTEGER NOT NULL,   -- when the sender may try it next
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    UNIQUE (key, to_email)
);
CREATE INDEX outbox_due ON outbox(next_at) WHERE state = 'queued';
CREATE INDEX outbox_client ON outbox(client_id, created_at);

-- What a client hears of and who hears it (model.NotifyPolicy as JSON);
-- empty is the default: every step, to the authorised contact.
ALTER TABLE clients ADD COLUMN notify TEXT NOT NULL DEFAULT '';
