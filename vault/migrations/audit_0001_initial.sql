CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    device TEXT NOT NULL,
    app_version TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    leaf BLOB NOT NULL
);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TABLE merkle_frontier (
    level INTEGER PRIMARY KEY,
    hash BLOB NOT NULL
);

CREATE TABLE checkpoints (
    size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL,
    signature BLOB NOT NULL
);

CREATE TABLE info (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
