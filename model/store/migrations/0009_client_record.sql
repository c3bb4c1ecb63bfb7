-- The client's record changes as the client does: contacts and sites are
-- edited, and one that history refers to is archived, not deleted, so old
-- records still name it.
ALTER TABLE contacts ADD COLUMN archived_at INTEGER;
ALTER TABLE sites ADD COLUMN archived_at INTEGER;

-- The answer to "is it working well?" after a finished visit: asked on the
-- client's brief until someone records what the client said.
CREATE TABLE followups (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id INTEGER NOT NULL REFERENCES visits(id),
    at       INTEGER NOT NULL,
    by       TEXT NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX followups_visit ON followups(visit_id);

-- A change of price or policy told to clients, and to whom; a price change
-- to a client without a managed-service contract gives 30 days' notice.
CREATE TABLE notices (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('price', 'policy')),
    text         TEXT NOT NULL,
    effective_at INTEGER NOT NULL,
    sent_at      INTEGER NOT NULL,
    by           TEXT NOT NULL
);
CREATE TABLE notice_clients (
    notice_id INTEGER NOT NULL REFERENCES notices(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    PRIMARY KEY (notice_id, client_id)
) WITHOUT ROWID;
CREATE INDEX notice_clients_client ON notice_clients(client_id);

-- A first meeting or a roadmap review: the invitation with its agenda, the
-- confirmation call a business day or two later, and what was said.
CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    kind         TEXT NOT NULL CHECK (kind IN ('first', 'roadmap')),
    at           INTEGER NOT NULL,
    agenda       TEXT NOT NULL,  -- JSON list of items
    invited_at   INTEGER NOT NULL,
    invited_by   TEXT NOT NULL,
    confirmed_at INTEGER,
    confirm_note TEXT NOT NULL DEFAULT '',
    done_at      INTEGER,
    notes        TEXT NOT NULL DEFAULT '',
    by           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_client ON meetings(client_id);
CREATE INDEX meetings_unconfirmed ON meetings(invited_at) WHERE confirmed_at IS NULL AND done_at IS NULL;
