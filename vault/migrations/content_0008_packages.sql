-- Share packages: one signed, encrypted file of marked previews issued to one party, and the
-- party's age recipient that packages are encrypted to.

ALTER TABLE parties ADD COLUMN age_recipient TEXT;

CREATE TABLE packages (
    id TEXT PRIMARY KEY,
    party_id TEXT NOT NULL REFERENCES parties (id),
    asset_ids TEXT NOT NULL,
    share_ids TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    key_epoch INTEGER NOT NULL,
    protection TEXT NOT NULL CHECK (protection IN ('recipient', 'passphrase')),
    recipient_age TEXT,
    file_name TEXT NOT NULL,
    nda_ids TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    created TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked TEXT,
    revoked_by TEXT,
    accepted TEXT,
    receipt_sha256 TEXT,
    CHECK ((protection = 'recipient') = (recipient_age IS NOT NULL))
);

CREATE INDEX packages_party ON packages (party_id, created);
