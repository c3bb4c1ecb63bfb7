-- Every board asks which clients are new — their first ticket lately — and
-- have no first meeting: a few rows of each index, not every ticket.
CREATE INDEX tickets_first_job ON tickets(created_at) WHERE first_job = 1;
CREATE INDEX meetings_first ON meetings(client_id) WHERE kind = 'first';

-- The timeline is drawn from the records themselves. The copies once
-- written beside scope decisions, overrun answers and "contacted" events
-- could drift from them; they go. Touches logged by hand stay.
DELETE FROM touches WHERE entity <> 'client';

-- A meeting called off keeps its record: when, why, and who said so.
ALTER TABLE meetings ADD COLUMN cancelled_at INTEGER;
ALTER TABLE meetings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
DROP INDEX meetings_unconfirmed;
CREATE INDEX meetings_unconfirmed ON meetings(invited_at) WHERE confirmed_at IS NULL AND done_at IS NULL AND cancelled_at IS NULL;

-- A price notice allows the one rise it announced, for each client it went
-- to: when that rise was made.
ALTER TABLE notice_clients ADD COLUMN raised_at INTEGER;
