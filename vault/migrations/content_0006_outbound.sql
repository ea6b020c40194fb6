-- The outbound rule: a second person's approval of each copy of a secret asset, and the
-- owner overrides of the rule (exceptions the dashboard shows).

CREATE TABLE share_requests (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    asset_version INTEGER NOT NULL,
    party_id TEXT NOT NULL REFERENCES parties (id),
    note TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'withdrawn')),
    requested TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    decided TEXT,
    decided_by TEXT,
    CHECK (state <> 'approved' OR decided_by <> requested_by)
);

CREATE INDEX share_requests_asset ON share_requests (asset_id, party_id, state);

CREATE TABLE outbound_exceptions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('preview', 'package')),
    asset_id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    bypassed TEXT NOT NULL,
    reason TEXT NOT NULL,
    visible_mark INTEGER NOT NULL,
    created TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE INDEX outbound_exceptions_created ON outbound_exceptions (created);
