-- Every board asks which clients are new (their first ticket lately) and
-- have no first meeting: a client's first ticket is one step down this index.
DROP INDEX tickets_client;
CREATE INDEX tickets_client ON tickets(client_id, created_at);
CREATE INDEX meetings_first ON meetings(client_id) WHERE kind = 'first';

-- The timeline is drawn from the records themselves. The copies once
-- written beside scope decisions, overrun answers and "contacted" events
-- could drift from them; they go. Touches logged by hand stay.
DELETE FROM touches WHERE entity <> 'client';
