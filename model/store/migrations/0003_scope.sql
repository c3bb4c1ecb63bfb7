-- Scope creep: "while you're here" requests and how each was decided, the
-- side steps of a visit (switching work, answering the estimate prompt), and
-- the client's timeline of touches.

CREATE TABLE scope_requests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id         INTEGER NOT NULL REFERENCES visits(id),
    asked_at         INTEGER NOT NULL,
    recorded_by      TEXT NOT NULL,
    asked_by_contact INTEGER REFERENCES contacts(id),
    asked_by         TEXT NOT NULL,
    what             TEXT NOT NULL,
    -- Derived from the decisions in the same transaction as each one, so
    -- "what waits for a supervisor" is an indexed lookup.
    state            TEXT NOT NULL DEFAULT 'asked'
);
CREATE INDEX scope_requests_visit ON scope_requests(visit_id);
CREATE INDEX scope_requests_open ON scope_requests(state) WHERE state IN ('asked', 'awaiting supervisor', 'refused');

-- Append-only: a decision is never changed, only followed by another.
CREATE TABLE scope_decisions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id         INTEGER NOT NULL REFERENCES scope_requests(id),
    kind               TEXT NOT NULL CHECK (kind IN ('new_ticket', 'add_on', 'declined', 'approved', 'refused')),
    at                 INTEGER NOT NULL,
    by                 TEXT NOT NULL,
    contact_id         INTEGER REFERENCES contacts(id),
    estimate_seconds   INTEGER NOT NULL DEFAULT 0,
    told_meter_running INTEGER NOT NULL DEFAULT 0,
    ticket_id          INTEGER REFERENCES tickets(id),
    reason             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scope_decisions_request ON scope_decisions(request_id, id);

-- work_on names the add-on now worked on (NULL: the main job);
-- estimate_near/over carry what the technician answered.
ALTER TABLE visit_events ADD COLUMN scope_id INTEGER REFERENCES scope_requests(id);
ALTER TABLE visit_events ADD COLUMN answer TEXT NOT NULL DEFAULT '';

-- Every interaction with a client, newest first on their timeline.
CREATE TABLE touches (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    at        INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    by        TEXT NOT NULL,
    summary   TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL
);
CREATE INDEX touches_client ON touches(client_id, at);
