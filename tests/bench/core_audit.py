"""The audit log at scale: append rate, a Merkle checkpoint and unlocking a vault of 1M events.

The vault is real (`Vault.create`), with the insecure test KDF parameters so that creating it is
fast; the unlock figure that matters is the time beyond the KDF, measured as `Vault.unlock`
minus `derive_key` with the slot's own parameters.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from core_report import Row, compared, count, info, progress, seconds, size

from sealroom.crypto.kdf import derive_key
from sealroom.vault.layout import AUDIT_DB, CONTENT_DB, read_header
from sealroom.vault.session import Vault
from sealroom.vault.store import open_database

OWNER = "owner"
PASSWORD = "correct horse battery"
OPEN_TARGET_S = 0.5
UNLOCK_REPS = 3
ACTIONS = ("asset.view", "asset.export", "party.update", "asset.import")
REASONS = ("", "", "", "requested by the brand's legal team")


@dataclass(frozen=True)
class AppendResult:
    appended: int
    seconds: float
    scaled: bool


def _append(vault: Vault, events: int, batch: int, budget_s: float) -> AppendResult:
    """Append `events` events, `batch` per transaction; stop early if over `budget_s`."""
    appended = 0
    started = time.perf_counter()
    next_report = 0.0
    while appended < events:
        n = min(batch, events - appended)
        with vault.transaction():
            for k in range(appended, appended + n):
                vault.audit.append(ACTIONS[k % 4], f"ast_{k:012x}", "success", REASONS[k % 4])
        appended += n
        elapsed = time.perf_counter() - started
        if elapsed >= next_report or appended == events:
            rate = appended / elapsed
            eta = (events - appended) / rate
            progress(
                f"audit: {appended:,}/{events:,} events, {rate:,.0f} events/s, ETA {eta:.0f} s"
            )
            next_report = elapsed + 15
        if elapsed > budget_s and appended < events:
            progress(f"audit: append budget of {budget_s:.0f} s spent; stopping at {appended:,}")
            return AppendResult(appended, elapsed, scaled=True)
    return AppendResult(appended, time.perf_counter() - started, scaled=False)


def _fresh_query_seconds(vault: Vault, sql: str) -> float:
    """Time `sql` on a new connection to audit.db (cold page cache, as at unlock)."""
    conn = open_database(vault.folder / AUDIT_DB, vault.keys.audit)
    try:
        started = time.perf_counter()
        conn.execute(sql).fetchone()
        return time.perf_counter() - started
    finally:
        conn.close()


@dataclass
class UnlockTimes:
    unlock: list[float] = field(default_factory=list)
    kdf: list[float] = field(default_factory=list)
    count_all: list[float] = field(default_factory=list)
    max_seq: list[float] = field(default_factory=list)
    size_at_open: int = 0


def _time_unlocks(folder: Path) -> UnlockTimes:
    """Unlock the vault UNLOCK_REPS times; time the KDF alone and the size query of the log."""
    slot = read_header(folder).slot_for(OWNER)
    times = UnlockTimes()
    for _ in range(UNLOCK_REPS):
        started = time.perf_counter()
        derive_key(PASSWORD, slot.kdf).wipe()
        times.kdf.append(time.perf_counter() - started)
        started = time.perf_counter()
        vault = Vault.unlock(folder, OWNER, PASSWORD)
        times.unlock.append(time.perf_counter() - started)
        try:
            times.size_at_open = times.size_at_open or vault.audit.size
            times.count_all.append(_fresh_query_seconds(vault, "SELECT count(*) FROM events"))
            times.max_seq.append(_fresh_query_seconds(vault, "SELECT max(seq) FROM events"))
        finally:
            vault.lock()
    return times


def run_audit(root: Path, events: int, batch: int, budget_s: float) -> tuple[list[Row], list[str]]:
    """Build a vault with `events` appended events under `root`; return table rows and notes."""
    folder = root / "vault"
    progress("audit: creating the vault (insecure test KDF)")
    vault = Vault.create(folder, OWNER, PASSWORD)
    try:
        initial = vault.audit.size
        result = _append(vault, events, batch, budget_s)
        with vault.transaction():
            started = time.perf_counter()
            checkpoint = vault.audit.checkpoint()
            checkpoint_s = time.perf_counter() - started
        if checkpoint is None:
            raise AssertionError("checkpoint() signed nothing: the tree head was already signed")
    finally:
        vault.lock()
    audit_bytes = (folder / AUDIT_DB).stat().st_size
    content_bytes = (folder / CONTENT_DB).stat().st_size
    progress(f"audit: unlocking the vault {UNLOCK_REPS} times")
    times = _time_unlocks(folder)
    size_at_open = times.size_at_open
    unlock_s, kdf_s = statistics.median(times.unlock), statistics.median(times.kdf)
    beyond_s = unlock_s - kdf_s
    label = count(result.appended) + (" (SCALED DOWN)" if result.scaled else "")
    rows = [
        info(
            f"append {label} events, {count(batch)} per transaction",
            f"{result.appended / result.seconds:,.0f} ev/s",
        ),
        info("  time to append them", seconds(result.seconds)),
        info(f"Merkle checkpoint() at {checkpoint.size:,} events", seconds(checkpoint_s)),
        info(
            f"Vault.unlock at {size_at_open:,} events (median of {UNLOCK_REPS})",
            seconds(unlock_s),
            f"KDF {seconds(kdf_s)}",
        ),
        Row(
            "  unlock beyond the KDF",
            seconds(beyond_s),
            "-",
            "-",
            f"<= {OPEN_TARGET_S:g} s",
            "yes" if beyond_s <= OPEN_TARGET_S else "NO",
        ),
        info(
            "  diagnostic: SELECT count(*) FROM events (full scan)",
            seconds(statistics.median(times.count_all)),
        ),
        info(
            "  SELECT max(seq) FROM events (what unlock runs)",
            seconds(statistics.median(times.max_seq)),
        ),
        info(f"audit.db size ({audit_bytes / size_at_open:,.0f} bytes/event)", size(audit_bytes)),
        info("vault.db size", size(content_bytes)),
    ]
    if result.scaled:
        rows.insert(
            0,
            compared(
                "events appended of those asked",
                count(result.appended),
                count(events),
                result.appended / events,
                at_least=1,
            ),
        )
    notes = [
        "Audit: test-only key derivation enabled, so the vault's KDF is the test one "
        f"({seconds(kdf_s)}); a real vault adds its calibrated Argon2id (~0.5 s) on top. "
        f"The log held {initial} events after Vault.create; unlock times: "
        + ", ".join(seconds(s) for s in times.unlock)
        + "; every unlock appends one event and every lock one more. AuditLog.__init__ reads "
        "the log size with max(seq), not a count(*) scan; both are timed on a new connection "
        "to audit.db (cold SQLite cache, warm OS cache), median of 3.",
    ]
    return rows, notes
