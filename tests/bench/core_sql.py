"""SQLCipher as Sealroom opens it against stdlib sqlite3 with the same pragmas, same workload.

Both databases are files in a temporary folder. The SQLCipher one is opened with
`sealroom.vault.store.open_database` and a random raw key; the sqlite3 one gets the same pragmas
(journal_mode=DELETE, synchronous=FULL, secure_delete=ON, temp_store=MEMORY, foreign_keys=ON)
and the same page-cache size, so the difference is mostly the encryption. A third run shows what
`cipher_memory_security = ON` would cost (Sealroom leaves it off; see vault/store.py); it runs
last, because that setting is process-wide and cannot be switched off once on. All three must
agree on results.
"""

from __future__ import annotations

import random
import sqlite3
import string
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from core_report import Row, compared, count, info, progress, seconds, size

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault.store import open_database

TARGET_RATIO = 1.5
SCHEMA = """
CREATE TABLE assets (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX assets_title ON assets (title);
"""
FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE assets_fts USING fts5"
    "(title, body, content='assets', content_rowid='rowid')"
)
INSERT = "INSERT INTO assets (rowid, id, title, body) VALUES (?, ?, ?, ?)"
LOOKUP = "SELECT title, body FROM assets WHERE id = ?"
LIKE = "SELECT id FROM assets WHERE title LIKE ? OR body LIKE ?"
MATCH = (
    "SELECT a.id, a.title FROM assets_fts JOIN assets AS a ON a.rowid = assets_fts.rowid"
    " WHERE assets_fts MATCH ? ORDER BY rank LIMIT 50"
)

AssetRow = tuple[int, str, str, str]


@dataclass(frozen=True)
class Workload:
    rows: list[AssetRow]
    lookup_ids: list[str]
    like_words: list[str]
    match_words: list[str]


def make_workload(n_rows: int, n_lookups: int, n_like: int, n_match: int) -> Workload:
    """Deterministic pseudo-text: titles of 3-7 words, bodies of 50-90 words (~450 bytes)."""
    rng = random.Random(20261121)
    vocabulary = sorted(
        {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))) for _ in range(6000)}
    )
    ids = [f"ast_{n:012x}" for n in rng.sample(range(1 << 48), n_rows)]
    rows = [
        (
            rowid + 1,
            asset_id,
            " ".join(rng.choices(vocabulary, k=rng.randint(3, 7))).capitalize(),
            " ".join(rng.choices(vocabulary, k=rng.randint(50, 90))),
        )
        for rowid, asset_id in enumerate(ids)
    ]
    return Workload(
        rows=rows,
        lookup_ids=rng.choices(ids, k=n_lookups),
        like_words=rng.sample(vocabulary, n_like),
        match_words=rng.sample(vocabulary, n_match),
    )


def has_fts5(conn: Any) -> bool:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
        return True
    except Exception:
        return False


def open_plain(path: Path, cache_size: int) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in (
        "temp_store = MEMORY",
        "foreign_keys = ON",
        "journal_mode = DELETE",
        "synchronous = FULL",
        "secure_delete = ON",
        f"cache_size = {cache_size}",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _in_transaction(conn: Any, statements: Callable[[Any], None]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    statements(conn)
    conn.execute("COMMIT")


def _steps(work: Workload, fts: bool) -> list[tuple[str, Callable[[Any], Any]]]:
    def insert(conn: Any) -> int:
        _in_transaction(conn, lambda c: c.executemany(INSERT, work.rows))
        return int(conn.execute("SELECT count(*) FROM assets").fetchone()[0])

    def build_fts(conn: Any) -> None:
        _in_transaction(
            conn, lambda c: c.execute("INSERT INTO assets_fts (assets_fts) VALUES ('rebuild')")
        )

    def lookups(conn: Any) -> int:
        found = 0
        for asset_id in work.lookup_ids:
            found += conn.execute(LOOKUP, (asset_id,)).fetchone() is not None
        return found

    def like(conn: Any) -> list[int]:
        return [len(conn.execute(LIKE, (f"%{w}%", f"%{w}%")).fetchall()) for w in work.like_words]

    def match(conn: Any) -> list[Sequence[Any]]:
        return [conn.execute(MATCH, (w,)).fetchall() for w in work.match_words]

    steps: list[tuple[str, Callable[[Any], Any]]] = [
        (f"insert {count(len(work.rows))} rows, one transaction", insert)
    ]
    if fts:
        steps.append(("build FTS5 index, one transaction", build_fts))
    steps.append((f"{count(len(work.lookup_ids))} lookups by id (indexed)", lookups))
    steps.append((f"{len(work.like_words)} LIKE '%word%' scans, title+body", like))
    if fts:
        steps.append((f"{len(work.match_words)} FTS5 MATCH queries, top 50", match))
    return steps


def open_cipher_with_memory_security(path: Path) -> Any:
    """`open_database` plus `cipher_memory_security = ON` (diagnostic; run it last)."""
    conn = open_database(path, SecretBytes.random(), create=True)
    conn.execute("PRAGMA cipher_memory_security = ON")
    return conn


@dataclass
class EngineRun:
    seconds: dict[str, float]
    results: dict[str, Any]
    file_bytes: int
    version: str

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def run_engine(name: str, conn: Any, path: Path, work: Workload, fts: bool) -> EngineRun:
    """The whole workload on one open connection, which is closed afterwards."""
    run = EngineRun({}, {}, 0, str(conn.execute("SELECT sqlite_version()").fetchone()[0]))
    try:
        conn.executescript(SCHEMA)
        if fts:
            conn.execute(FTS_SCHEMA)
        for step_name, step in _steps(work, fts):
            progress(f"sql: {name}: {step_name}")
            started = time.perf_counter()
            run.results[step_name] = step(conn)
            run.seconds[step_name] = time.perf_counter() - started
    finally:
        conn.close()
    run.file_bytes = path.stat().st_size
    return run


def run_sql(folder: Path, work: Workload) -> tuple[list[Row], list[str]]:
    """Run the workload on the three databases in `folder`; return table rows and notes."""
    probe = sqlite3.connect(":memory:")
    fts = has_fts5(probe) and has_fts5(sqlcipher3.connect(":memory:"))
    probe.close()
    cipher_path = folder / "sqlcipher.db"
    cipher_conn = open_database(cipher_path, SecretBytes.random(), create=True)
    cache_size = int(cipher_conn.execute("PRAGMA cache_size").fetchone()[0])
    cipher_version = str(cipher_conn.execute("PRAGMA cipher_version").fetchone()[0])
    ours = run_engine("SQLCipher (open_database)", cipher_conn, cipher_path, work, fts)
    plain_path = folder / "sqlite.db"
    base = run_engine("stdlib sqlite3", open_plain(plain_path, cache_size), plain_path, work, fts)
    diag_path = folder / "sqlcipher-memsec.db"
    diag = run_engine(
        "SQLCipher with memory security",
        open_cipher_with_memory_security(diag_path),
        diag_path,
        work,
        fts,
    )
    for run in (ours, diag):
        if run.results != base.results:
            raise AssertionError("SQLCipher and sqlite3 gave different query results")
    rows = [
        compared(
            step,
            seconds(ours.seconds[step]),
            seconds(base.seconds[step]),
            ours.seconds[step] / base.seconds[step],
            at_most=TARGET_RATIO,
        )
        for step in base.seconds
    ]
    rows.append(
        compared(
            "total of the steps above",
            seconds(ours.total),
            seconds(base.total),
            ours.total / base.total,
            at_most=TARGET_RATIO,
        )
    )
    rows.append(
        compared(
            "  diagnostic: same total, cipher_memory_security ON",
            seconds(diag.total),
            seconds(base.total),
            diag.total / base.total,
        )
    )
    rows.append(info("database file size", size(ours.file_bytes), size(base.file_bytes)))
    search = "LIKE scans and FTS5 (both builds have FTS5)" if fts else "LIKE scans only (no FTS5)"
    diag_steps = ", ".join(f"{seconds(s)}" for s in diag.seconds.values())
    notes = [
        f"SQL: SQLCipher {cipher_version} (SQLite {ours.version}) vs stdlib sqlite3 "
        f"{base.version}, both with cache_size={cache_size} (SQLCipher's default; the stdlib "
        f"default is smaller); text search by {search}. Engines run one after the other.",
        "SQL diagnostic: open_database plus cipher_memory_security = ON (off in Sealroom), "
        f"step by step: {diag_steps}.",
    ]
    return rows, notes
