-- The header as this vault last wrote it: header.json is checked against it at every unlock, so
-- an older or altered copy of header.json (a password change undone, a slot put back) is found.
CREATE TABLE header_record (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sha256 TEXT NOT NULL,
    header BLOB NOT NULL,
    key_epoch INTEGER NOT NULL,
    recorded TEXT NOT NULL
);

-- The key epoch a share's preview was marked in: trace tests it with that epoch's watermark key.
-- 0 for shares made before key epochs (the vault's first watermark key).
ALTER TABLE shares ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 0;
