-- Instants are Unix seconds (UTC), money integer cents, durations seconds.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher', 'tech')),
    created_at INTEGER NOT NULL,
    removed_at INTEGER
);

CREATE TABLE user_keys (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users(id),
    fingerprint    TEXT NOT NULL UNIQUE,
    authorized_key TEXT NOT NULL,
    added_at       INTEGER NOT NULL
);

CREATE TABLE clients (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    net_days      INTEGER NOT NULL DEFAULT 0,
    hourly_rate   INTEGER NOT NULL DEFAULT 0,
    travel_billed INTEGER NOT NULL DEFAULT 0,
    travel_rate   INTEGER NOT NULL DEFAULT 0,
    managed       INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE contacts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    name      TEXT NOT NULL COLLATE NOCASE,
    role      TEXT NOT NULL CHECK (role IN ('authorised', 'backup', 'other')),
    phone     TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    UNIQUE (client_id, name)
);
-- Exactly one authorised contact and at most one backup may approve work.
CREATE UNIQUE INDEX contacts_one_authorised ON contacts(client_id) WHERE role = 'authorised';
CREATE UNIQUE INDEX contacts_one_backup ON contacts(client_id) WHERE role = 'backup';

CREATE TABLE sites (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id      INTEGER NOT NULL REFERENCES clients(id),
    name           TEXT NOT NULL COLLATE NOCASE,
    address        TEXT NOT NULL DEFAULT '',
    travel_seconds INTEGER NOT NULL DEFAULT 0,
    UNIQUE (client_id, name)
);

CREATE TABLE tickets (
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
    status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'invoiced')),
    created_at       INTEGER NOT NULL,
    created_by       TEXT NOT NULL,
    done_at          INTEGER,
    version          INTEGER NOT NULL DEFAULT 1
);
-- The board reads only what is not yet invoiced; history stays out of its way.
CREATE INDEX tickets_on_board ON tickets(status) WHERE status <> 'invoiced';
CREATE INDEX tickets_client ON tickets(client_id);

CREATE TABLE visits (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
    tech_id      INTEGER NOT NULL REFERENCES users(id),
    scheduled_at INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX visits_ticket ON visits(ticket_id);

-- A visit's truth: append-only, never updated in place.
CREATE TABLE visit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id    INTEGER NOT NULL REFERENCES visits(id),
    kind        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    by          TEXT NOT NULL,
    contact_id  INTEGER REFERENCES contacts(id),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visit_events_visit ON visit_events(visit_id, at, id);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit(entity, entity_id);

-- Readable ids from the start: T-1001, V-301, C-11.
INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', 1000), ('visits', 300), ('clients', 10), ('contacts', 20), ('sites', 40);
