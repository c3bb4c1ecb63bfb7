-- Finding any ticket ever: SQLite's own full-text index (FTS5), one row per
-- ticket, its rowid the ticket's id. The store refreshes a ticket's row in
-- the same transaction as every write that changes its words.

-- What a ticket is found by: its id, client, title, scope, requester, who
-- went, every note on its visits and its own events (waiting reasons,
-- what was left, why it was cancelled), and what was asked on site.
CREATE VIEW ticket_search_source AS
SELECT t.id AS id,
    'T-' || t.id AS ref,
    c.name AS client,
    t.title AS title,
    t.scope AS scope,
    t.requested_by || ' ' || ct.name AS requester,
    COALESCE((SELECT group_concat(DISTINCT u.name) FROM visits v JOIN users u ON u.id = v.tech_id
        WHERE v.ticket_id = t.id), '') AS techs,
    TRIM(COALESCE((SELECT group_concat(e.note, ' ') FROM visits v JOIN visit_events e ON e.visit_id = v.id
        WHERE v.ticket_id = t.id AND e.note <> ''), '')
        || ' ' || COALESCE((SELECT group_concat(k.note, ' ') FROM ticket_events k
        WHERE k.ticket_id = t.id AND k.note <> ''), '')) AS notes,
    COALESCE((SELECT group_concat(r.what || ' (' || r.asked_by || ')', ' ') FROM visits v JOIN scope_requests r ON r.visit_id = v.id
        WHERE v.ticket_id = t.id), '') AS requests
FROM tickets t
JOIN clients c ON c.id = t.client_id
JOIN contacts ct ON ct.id = t.contact_id;

CREATE VIRTUAL TABLE ticket_search USING fts5(
    ref, client, title, scope, requester, techs, notes, requests,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO ticket_search (rowid, ref, client, title, scope, requester, techs, notes, requests)
    SELECT id, ref, client, title, scope, requester, techs, notes, requests FROM ticket_search_source;
