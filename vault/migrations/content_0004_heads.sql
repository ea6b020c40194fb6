-- The latest signed tree head of the audit log, written in the same transaction as each checkpoint.
-- The auditor cannot write vault.db, so the log in audit.db must always extend this head.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL,
    root BLOB NOT NULL,
    epoch INTEGER NOT NULL,
    note_hash BLOB NOT NULL,
    frontier BLOB NOT NULL
);

-- The tree a session held when its lock refused to sign (audit.db was altered while open): the
-- log must extend it too, until a later checkpoint is signed.
CREATE TABLE audit_expected (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL,
    frontier BLOB NOT NULL,
    noted TEXT NOT NULL
);
