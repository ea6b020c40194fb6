-- Free text of an event (reasons, notes, file names), sealed under a key only content holders have.
-- The leaf commits to this ciphertext, so an auditor still checks every event.
ALTER TABLE events ADD COLUMN detail BLOB;
