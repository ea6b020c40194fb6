-- What each share was issued under, recorded at issue from the outbound decision: the grant and
-- the NDA that covered the copy, the second person's approval of a secret asset's copy, or the
-- owner's override (an outbound exception). Shares issued before this schema have no row, and
-- trace says their grant and NDA were not recorded.

CREATE TABLE share_origins (
    share_id TEXT PRIMARY KEY REFERENCES shares (id) ON DELETE CASCADE,
    grant_id TEXT,
    nda_id TEXT,
    approval_id TEXT,
    exception_id TEXT
);
