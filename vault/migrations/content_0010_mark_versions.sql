-- Which version of the invisible mark each share's preview carries. Version 2 marks the blank
-- paper of text pages; shares issued before it carry version 1 and are re-created and traced
-- with that version.

ALTER TABLE shares ADD COLUMN mark_version INTEGER NOT NULL DEFAULT 1;
