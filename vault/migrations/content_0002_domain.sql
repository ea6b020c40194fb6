-- Campaigns, agreements, access grants, asset versions and embargoes, release approvals,
-- incidents. Instants are UTC text 'YYYY-MM-DDTHH:MM:SSZ'; the *_zone / zone columns keep the
-- time zone the person gave, for display.

ALTER TABLE parties ADD COLUMN handle TEXT;
ALTER TABLE parties ADD COLUMN deleted TEXT;
CREATE UNIQUE INDEX parties_handle ON parties (lower(handle)) WHERE handle IS NOT NULL;

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand_id TEXT REFERENCES parties (id),
    launch TEXT,
    launch_zone TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX campaigns_launch ON campaigns (launch);

CREATE TABLE campaign_influencers (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties (id),
    PRIMARY KEY (campaign_id, party_id)
);

ALTER TABLE assets ADD COLUMN campaign_id TEXT REFERENCES campaigns (id);
ALTER TABLE assets ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'confidential'
    CHECK (sensitivity IN ('internal', 'confidential', 'secret'));
ALTER TABLE assets ADD COLUMN embargo_until TEXT;
ALTER TABLE assets ADD COLUMN embargo_zone TEXT;
ALTER TABLE assets ADD COLUMN released TEXT;
ALTER TABLE assets ADD COLUMN released_by TEXT;
ALTER TABLE assets ADD COLUMN thumbnail_blob_id TEXT REFERENCES blobs (id);
ALTER TABLE assets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX assets_campaign ON assets (campaign_id);
CREATE INDEX assets_embargo ON assets (embargo_until) WHERE released IS NULL;

CREATE TABLE asset_versions (
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    original_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    thumbnail_blob_id TEXT REFERENCES blobs (id),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (asset_id, version)
);
CREATE INDEX asset_versions_sha256 ON asset_versions (sha256);
INSERT INTO asset_versions
    (asset_id, version, original_name, media_type, size, sha256, blob_id, created, created_by)
    SELECT id, 1, original_name, media_type, size, sha256, blob_id, created, created_by
    FROM assets;

CREATE TABLE asset_tags (
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (asset_id, tag)
);
CREATE INDEX asset_tags_tag ON asset_tags (tag);

CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('nda', 'sponsorship', 'licence', 'talent')),
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'signed', 'expired', 'terminated')),
    effective TEXT NOT NULL,
    expires TEXT,
    zone TEXT NOT NULL,
    survival_days INTEGER NOT NULL DEFAULT 0 CHECK (survival_days >= 0),
    terminated TEXT,
    document_blob_id TEXT REFERENCES blobs (id),
    document_name TEXT,
    document_sha256 TEXT,
    document_size INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK (expires IS NULL OR expires > effective)
);
CREATE INDEX agreements_expires ON agreements (expires);

CREATE TABLE agreement_parties (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties (id),
    PRIMARY KEY (agreement_id, party_id)
);
CREATE INDEX agreement_parties_party ON agreement_parties (party_id);

CREATE TABLE agreement_campaigns (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, campaign_id)
);

CREATE TABLE agreement_assets (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, asset_id)
);

CREATE TABLE usage_rights (
    id TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    platforms TEXT NOT NULL,
    territory TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT,
    CHECK (ends IS NULL OR ends > starts)
);
CREATE INDEX usage_rights_agreement ON usage_rights (agreement_id);

CREATE TABLE grants (
    id TEXT PRIMARY KEY,
    party_id TEXT NOT NULL REFERENCES parties (id),
    asset_id TEXT REFERENCES assets (id) ON DELETE CASCADE,
    campaign_id TEXT REFERENCES campaigns (id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ('preview', 'original')),
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    zone TEXT NOT NULL,
    agreement_id TEXT REFERENCES agreements (id),
    override_reason TEXT,
    granted TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    revoked TEXT,
    revoked_by TEXT,
    revoke_reason TEXT,
    CHECK ((asset_id IS NULL) <> (campaign_id IS NULL)),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX grants_party ON grants (party_id);
CREATE INDEX grants_asset ON grants (asset_id);
CREATE INDEX grants_campaign ON grants (campaign_id);

CREATE TABLE release_requests (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'withdrawn')),
    requested TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    decided TEXT,
    decided_by TEXT
);
CREATE INDEX release_requests_asset ON release_requests (asset_id, state);

-- Leaks and other incidents. The dashboard lists the open ones; the incidents use-cases (a later
-- issue) add to this table with new migrations.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    asset_id TEXT REFERENCES assets (id) ON DELETE SET NULL,
    opened TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_status ON incidents (status);
