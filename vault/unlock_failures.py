"""Failed unlock attempts, kept until the next successful unlock moves them into the audit log.

A failed attempt has no vault key to write to the encrypted log, so it is appended to a small file
in the vault folder. It holds only what the public header already shows (user names) and a time.
Anyone who can write the folder can also write this file, so it is bounded (size, entries, field
length) and each entry carries an HMAC under this device's own key (kept in the user's
configuration folder, so it needs no password): an entry this device did not write, forged or
from another computer, is imported into the log marked unverified.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sealroom.crypto.header import VaultHeader
from sealroom.vault.clock import now_stamp
from sealroom.vault.device_state import ensure_config_dir, read_capped, write_private
from sealroom.vault.records import Actor

if TYPE_CHECKING:
    from sealroom.vault.audit import AuditLog

FILE_NAME = "unlock-failures.jsonl"
DEVICE_KEY_NAME = "device.key"
MAX_BYTES = 64 * 1024
MAX_ENTRIES = 100
MAX_FIELD = 120
FIELDS = ("time", "user", "device", "reason")


@dataclass(frozen=True)
class FailureEntry:
    time: str
    user: str
    device: str
    reason: str
    verified: bool


@dataclass
class PendingFailures:
    entries: list[FailureEntry] = field(default_factory=list)
    dropped: int = 0  # lines beyond the limits, or the whole file if it was not readable
    problem: str = ""


def _device_key() -> bytes | None:
    """This device's key for failure records, made on first use; None if it cannot be kept."""
    path = ensure_config_dir() / DEVICE_KEY_NAME
    try:
        key = read_capped(path, 64)
        if key is not None and len(key) == 32:
            return key
        key = secrets.token_bytes(32)
        write_private(path, key)
    except OSError:
        return None
    return key


def _mac(key: bytes, vault_id: str, entry: dict[str, str]) -> str:
    message = json.dumps([vault_id, *(entry[name] for name in FIELDS)]).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _clip(value: Any) -> str:
    text = value if isinstance(value, str) else "?"
    return text[:MAX_FIELD]


def record_failure(folder: Path, user: str, reason: str, vault_id: str = "") -> None:
    """Append one attempt; a file already at its size limit is left as it is."""
    path = folder / FILE_NAME
    with contextlib.suppress(FileNotFoundError):
        if path.lstat().st_size >= MAX_BYTES:
            return
    entry = {
        "time": now_stamp(),
        "user": _clip(user),
        "device": _clip(socket.gethostname()),
        "reason": _clip(reason),
    }
    key = _device_key()
    line = json.dumps({**entry, "mac": _mac(key, vault_id, entry) if key else ""})
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError:
        return  # a planted symlink or FIFO, or an unwritable folder: not recorded
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return
    with open(fd, "a", encoding="utf-8") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())


def pending_failures(folder: Path, vault_id: str = "") -> PendingFailures:
    """The recorded attempts, at most MAX_ENTRIES from at most MAX_BYTES; never raises."""
    found = PendingFailures()
    try:
        data = read_capped(folder / FILE_NAME, MAX_BYTES)
    except OSError as exc:
        found.dropped = 1
        found.problem = f"{FILE_NAME} ignored: {exc}"
        return found
    if data is None:
        return found
    key = _device_key()
    for line in data.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        if len(found.entries) >= MAX_ENTRIES:
            found.dropped += 1
            continue
        found.entries.append(_parse(line, key, vault_id))
    if found.dropped:
        found.problem = f"{found.dropped} further entries of {FILE_NAME} dropped (over its limit)"
    return found


def _parse(line: str, key: bytes | None, vault_id: str) -> FailureEntry:
    try:
        raw = json.loads(line)
    except ValueError:
        raw = None
    if not isinstance(raw, dict):
        return FailureEntry("", "?", "?", "unreadable entry", False)
    entry = {name: _clip(raw.get(name)) for name in FIELDS}
    mac = raw.get("mac")
    verified = bool(
        key
        and isinstance(mac, str)
        and hmac.compare_digest(mac.encode(), _mac(key, vault_id, entry).encode())
    )
    return FailureEntry(entry["time"], entry["user"], entry["device"], entry["reason"], verified)


def clear_failures(folder: Path) -> None:
    (folder / FILE_NAME).unlink(missing_ok=True)


def record_pending(audit: AuditLog, folder: Path, header: VaultHeader, app_version: str) -> None:
    """Move the failed attempts since the last unlock into the log (inside the unlock's
    transaction); those this device did not write are marked unverified."""
    pending = pending_failures(folder, header.vault_id)
    roles = dict(header.users())
    vault_id = header.vault_id
    for entry in pending.entries:
        role = roles.get(entry.user)
        actor = Actor(entry.user, role.value if role else "none", entry.device, app_version)
        # The app wrote these reasons ("wrong password"): no content, so auditors see them.
        if entry.verified:
            when = entry.time or None
            note = entry.reason
        else:
            when = None
            note = f"unverified, not written by this device, claims {entry.time}: {entry.reason}"
        audit.append("vault.unlock", vault_id, "failure", actor=actor, time=when, public=note)
    if pending.problem:
        audit.append("vault.unlock", vault_id, "failure", public=pending.problem)
