-- The client's record changes as the client does: contacts and sites are
-- edited, and one that history refers to is archived, not deleted, so old
-- records still name it.
ALTER TABLE contacts ADD COLUMN archived_at INTEGER;
ALTER TABLE sites ADD COLUMN archived_at INTEGER;
