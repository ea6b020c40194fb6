-- Leak cases: the incidents table gains the four statuses, the matched page and where the case came
-- from; suspects (the leaked files, kept as encrypted blobs), candidates with their scores, and notes.

CREATE TABLE incidents_new (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'confirmed', 'dismissed', 'closed')),
    asset_id TEXT REFERENCES assets (id) ON DELETE SET NULL,
    asset_version INTEGER,
    page INTEGER,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'trace')),
    verdict TEXT NOT NULL DEFAULT '',
    alignment TEXT NOT NULL DEFAULT '',
    opened TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    updated TEXT NOT NULL DEFAULT '',
    closed TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
INSERT INTO incidents_new (id, title, status, asset_id, opened, opened_by, updated, closed, notes)
    SELECT id, title, status, asset_id, opened, opened_by, opened, closed, notes FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_new RENAME TO incidents;
CREATE INDEX incidents_status ON incidents (status);

CREATE TABLE incident_suspects (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    verdict TEXT NOT NULL DEFAULT '',
    sighted TEXT NOT NULL
);
CREATE INDEX incident_suspects_incident ON incident_suspects (incident_id);

CREATE TABLE incident_candidates (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties (id),
    share_id TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL,
    p_false REAL NOT NULL,
    accused INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_id, party_id, share_id)
);

CREATE TABLE incident_notes (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    time TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX incident_notes_incident ON incident_notes (incident_id);
