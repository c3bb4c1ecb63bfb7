-- SLA clocks: what happens to a ticket besides its visits. The clocks are
-- computed from these, the ticket's opening and the office policy (kept in
-- settings), never stored, so a policy change recomputes every clock.
CREATE TABLE ticket_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id),
    kind          TEXT NOT NULL CHECK (kind IN ('waiting', 'resumed', 'priority', 'contacted', 'done')),
    at            INTEGER NOT NULL,
    by            TEXT NOT NULL,
    from_priority INTEGER,
    to_priority   INTEGER,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at, id);
