-- A user's own address, for the invitations to the visits they are booked
-- for, and the secret their calendar feed is read with: only its SHA-256 is
-- kept, so neither the database nor a backup gives the feed away.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN calendar_token TEXT; -- hex SHA-256 of the token; NULL: no feed
ALTER TABLE users ADD COLUMN calendar_since INTEGER;
CREATE UNIQUE INDEX users_calendar_token ON users(calendar_token) WHERE calendar_token IS NOT NULL;

-- A letter to the technician is not a touch on the client's timeline; an
-- invoice goes out with its printable page.
ALTER TABLE outbox ADD COLUMN to_user_id INTEGER REFERENCES users(id);
-- The contact a letter is to: a retry after their address is corrected
-- goes to the corrected one.
ALTER TABLE outbox ADD COLUMN to_contact_id INTEGER REFERENCES contacts(id);
ALTER TABLE outbox ADD COLUMN invoice_id INTEGER REFERENCES invoices(id);
ALTER TABLE outbox ADD COLUMN html TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_written ON outbox(created_at); -- the outbox, newest first

-- The office's own identity, made once: its visits' calendar UIDs stay the
-- same whatever address it sends from, and from whichever process.
INSERT OR IGNORE INTO settings (key, value) VALUES ('office.id', lower(hex(randomblob(6))));
