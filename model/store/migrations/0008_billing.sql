-- Billing: a client's own terms over the office's, work authorisations,
-- parts, invoices whose lines are traced to the records, credit notes.

-- A client's own terms; NULL (and a rate of 0) follow the office's.
ALTER TABLE clients ADD COLUMN travel_kind TEXT CHECK (travel_kind IN ('none', 'hourly', 'rate', 'flat'));
ALTER TABLE clients ADD COLUMN travel_cents INTEGER NOT NULL DEFAULT 0; -- rate's hourly rate, flat's fee
ALTER TABLE clients ADD COLUMN rounding_seconds INTEGER;
ALTER TABLE clients ADD COLUMN rounding_mode TEXT CHECK (rounding_mode IN ('up', 'nearest'));
ALTER TABLE clients ADD COLUMN rounding_scope TEXT CHECK (rounding_scope IN ('ticket', 'line'));
ALTER TABLE clients ADD COLUMN minimum_seconds INTEGER;
-- travel_billed and travel_rate become the travel policy, then go. A client
-- whose travel was not billed had only the old default, so it follows the
-- office's policy (whose own default is none: nothing changes until the
-- office says otherwise); a rate of 0 follows the office's rate likewise.
UPDATE clients SET
    travel_kind = CASE WHEN travel_billed = 0 THEN NULL WHEN travel_rate > 0 THEN 'rate' ELSE 'hourly' END,
    travel_cents = CASE WHEN travel_billed = 1 THEN travel_rate ELSE 0 END;
ALTER TABLE clients DROP COLUMN travel_billed;
ALTER TABLE clients DROP COLUMN travel_rate;

-- The terms a named contact accepted for a ticket, as they were shown.
CREATE TABLE work_authorisations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    visit_id    INTEGER REFERENCES visits(id),
    contact_id  INTEGER NOT NULL REFERENCES contacts(id),
    at          INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    by          TEXT NOT NULL,
    terms       TEXT NOT NULL,             -- as shown to the contact
    accepted    TEXT NOT NULL DEFAULT ''   -- the same as figures (JSON): what "told" is priced at
);
CREATE INDEX work_authorisations_ticket ON work_authorisations(ticket_id, at);

CREATE TABLE parts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    description TEXT NOT NULL,
    qty         INTEGER NOT NULL CHECK (qty > 0),
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    approved_by INTEGER NOT NULL REFERENCES contacts(id),
    added_at    INTEGER NOT NULL,
    added_by    TEXT NOT NULL
);
CREATE INDEX parts_ticket ON parts(ticket_id);

-- An invoice keeps what it was drawn from as it was: terms, what the client
-- was told, the warnings. Totals are kept beside the lines they sum, so a
-- list need not read every line.
CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    state        TEXT NOT NULL CHECK (state IN ('draft', 'approved', 'sent', 'part paid', 'paid', 'disputed', 'void')),
    terms        TEXT NOT NULL,
    tolerance    TEXT NOT NULL,
    told         TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    total_cents  INTEGER NOT NULL,
    told_cents   INTEGER NOT NULL,
    surprise     INTEGER NOT NULL,
    explanation  TEXT NOT NULL DEFAULT '',
    explained_by TEXT NOT NULL DEFAULT '',
    explained_over_cents INTEGER NOT NULL DEFAULT 0, -- how far over told it was when explained
    drafted_at   INTEGER NOT NULL,
    drafted_by   TEXT NOT NULL,
    approved_at  INTEGER,
    approved_by  TEXT NOT NULL DEFAULT '',
    sent_at      INTEGER,
    due_at       INTEGER,
    paid_cents   INTEGER NOT NULL DEFAULT 0,
    paid_at      INTEGER,
    dispute      TEXT NOT NULL DEFAULT '',
    disputed_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX invoices_client ON invoices(client_id);
CREATE INDEX invoices_state ON invoices(state);
CREATE INDEX invoices_sent ON invoices(sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE invoice_tickets (
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
    PRIMARY KEY (invoice_id, ticket_id)
) WITHOUT ROWID;
CREATE INDEX invoice_tickets_ticket ON invoice_tickets(ticket_id);

CREATE TABLE invoice_lines (
    invoice_id     INTEGER NOT NULL REFERENCES invoices(id),
    n              INTEGER NOT NULL,
    ticket_id      INTEGER REFERENCES tickets(id),
    visit_id       INTEGER REFERENCES visits(id),
    kind           TEXT NOT NULL CHECK (kind IN ('travel', 'work', 'add-on', 'shop', 'part', 'rounding', 'minimum', 'cap', 'adjustment')),
    grp            TEXT NOT NULL,
    description    TEXT NOT NULL,
    actual_seconds INTEGER NOT NULL,
    billed_seconds INTEGER NOT NULL,
    rate_cents     INTEGER NOT NULL,
    qty            INTEGER NOT NULL DEFAULT 0,
    amount_cents   INTEGER NOT NULL,
    sources        TEXT NOT NULL DEFAULT '', -- refs, space-separated: E-12 S-3 PT-2
    reason         TEXT NOT NULL DEFAULT '',
    by             TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (invoice_id, n)
) WITHOUT ROWID;

-- A sent invoice never changes: a correction is a credit note on one line.
CREATE TABLE credit_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
    line_n       INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents < 0),
    reason       TEXT NOT NULL,
    at           INTEGER NOT NULL,
    by           TEXT NOT NULL
);
CREATE INDEX credit_notes_invoice ON credit_notes(invoice_id);
CREATE INDEX credit_notes_at ON credit_notes(at);

-- The database itself keeps a sent invoice's lines as they went.
CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = NEW.invoice_id) IN ('sent', 'part paid', 'paid', 'disputed')
BEGIN SELECT RAISE(ABORT, 'a sent invoice never changes: correct it with a credit note'); END;
CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) IN ('sent', 'part paid', 'paid', 'disputed')
BEGIN SELECT RAISE(ABORT, 'a sent invoice never changes: correct it with a credit note'); END;
CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) IN ('sent', 'part paid', 'paid', 'disputed')
BEGIN SELECT RAISE(ABORT, 'a sent invoice never changes: correct it with a credit note'); END;
