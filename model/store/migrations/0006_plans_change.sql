-- rebuilds tables: tickets and ticket_events, to admit a cancelled ticket, a
-- reopened one, and one that needs another visit. Dropping a table drops its
-- id sequence; the readable ids (T-1001…) carry on from where they were.
CREATE TEMP TABLE seq_kept AS SELECT name, seq FROM sqlite_sequence WHERE name IN ('tickets', 'ticket_events');

CREATE TABLE tickets_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id        INTEGER NOT NULL REFERENCES clients(id),
    contact_id       INTEGER NOT NULL REFERENCES contacts(id),
    site_id          INTEGER NOT NULL REFERENCES sites(id),
    parent_id        INTEGER REFERENCES tickets(id),
    title            TEXT NOT NULL,
    scope            TEXT NOT NULL,
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
    estimate_seconds INTEGER NOT NULL DEFAULT 0,
    quote_cents      INTEGER NOT NULL DEFAULT 0,
    first_job        INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'invoiced', 'cancelled')),
    created_at       INTEGER NOT NULL,
    created_by       TEXT NOT NULL,
    done_at          INTEGER, -- when it was last done or cancelled; cleared on reopening
    version          INTEGER NOT NULL DEFAULT 1,
    -- Who asked, when not one of the client's contacts (the receptionist, on
    -- site): the contact stays whom the office reaches about it.
    requested_by     TEXT NOT NULL DEFAULT ''
);
INSERT INTO tickets_new (id, client_id, contact_id, site_id, parent_id, title, scope, priority, estimate_seconds,
    quote_cents, first_job, status, created_at, created_by, done_at, version)
    SELECT id, client_id, contact_id, site_id, parent_id, title, scope, priority,
    estimate_seconds, quote_cents, first_job, status, created_at, created_by, done_at, version FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;
-- The board reads only what is open or done; history stays out of its way.
CREATE INDEX tickets_on_board ON tickets(status) WHERE status IN ('open', 'done');
CREATE INDEX tickets_client ON tickets(client_id);

CREATE TABLE ticket_events_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id),
    kind          TEXT NOT NULL CHECK (kind IN ('waiting', 'resumed', 'priority', 'contacted', 'done',
                                                'needs_visit', 'cancelled', 'reopened')),
    at            INTEGER NOT NULL,
    by            TEXT NOT NULL,
    from_priority INTEGER,
    to_priority   INTEGER,
    note          TEXT NOT NULL DEFAULT ''
);
INSERT INTO ticket_events_new SELECT id, ticket_id, kind, at, by, from_priority, to_priority, note FROM ticket_events;
DROP TABLE ticket_events;
ALTER TABLE ticket_events_new RENAME TO ticket_events;
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at, id);
DELETE FROM sqlite_sequence WHERE name IN ('tickets', 'ticket_events');
INSERT INTO sqlite_sequence (name, seq) SELECT name, seq FROM seq_kept;
DROP TABLE seq_kept;

-- A booking is in the visit's log like every step: "scheduled" and "moved"
-- events carry the technician and the start they booked, so a move keeps
-- what it replaced; "cancelled" carries the reason in its note.
ALTER TABLE visit_events ADD COLUMN tech_id INTEGER REFERENCES users(id);
ALTER TABLE visit_events ADD COLUMN booked_for INTEGER;
UPDATE visit_events SET
    tech_id = (SELECT v.tech_id FROM visits v WHERE v.id = visit_events.visit_id),
    booked_for = (SELECT v.scheduled_at FROM visits v WHERE v.id = visit_events.visit_id)
    WHERE kind = 'scheduled';

-- A visit booked once it had happened (an emergency nobody booked, a paper
-- timesheet): its steps are entered late, and it is never late to start.
ALTER TABLE visits ADD COLUMN after_the_fact INTEGER NOT NULL DEFAULT 0;

-- A cancelled visit is neither under way nor to come.
DROP INDEX visits_tech_active;
CREATE INDEX visits_tech_active ON visits(tech_id, phase) WHERE phase NOT IN ('scheduled', 'finished', 'cancelled');
