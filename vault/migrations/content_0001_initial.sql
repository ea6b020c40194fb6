CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE blobs (
    id TEXT PRIMARY KEY,
    wrapped_key BLOB NOT NULL,
    key_epoch INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created TEXT NOT NULL
);

CREATE TABLE parties (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('brand', 'influencer', 'agency', 'press', 'other')),
    email TEXT,
    organisation TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);

CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    original_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    created TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE INDEX assets_sha256 ON assets (sha256);
CREATE INDEX assets_title ON assets (title);
