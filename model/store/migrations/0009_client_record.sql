-- The client's record changes as the client does: contacts and sites are
-- edited, and one that history refers to is archived, not deleted, so old
-- records still name it.
ALTER TABLE contacts ADD COLUMN archived_at INTEGER;
ALTER TABLE sites ADD COLUMN archived_at INTEGER;

-- The answer to "is it working well?" after a finished visit: asked on the
-- client's brief until someone records what the client said.
CREATE TABLE followups (
    visit_id INTEGER PRIMARY KEY REFERENCES visits(id),
    at       INTEGER NOT NULL,
    by       TEXT NOT NULL,
    text     TEXT NOT NULL
);
