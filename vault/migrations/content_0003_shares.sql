CREATE TABLE shares (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'package')),
    asset_id TEXT NOT NULL REFERENCES assets (id),
    asset_version INTEGER NOT NULL,
    party_id TEXT NOT NULL REFERENCES parties (id),
    mark_number INTEGER NOT NULL UNIQUE,
    share_code TEXT NOT NULL UNIQUE,
    max_side INTEGER NOT NULL,
    visible_mark TEXT,
    created TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked TEXT
);

CREATE INDEX shares_asset ON shares (asset_id);
CREATE INDEX shares_party ON shares (party_id);

CREATE TABLE trace_index (
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    asset_version INTEGER NOT NULL,
    page INTEGER NOT NULL,
    entry BLOB NOT NULL,
    PRIMARY KEY (asset_id, asset_version, page)
);
