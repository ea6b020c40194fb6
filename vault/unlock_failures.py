"""Failed unlock attempts, kept until the next successful unlock moves them into the audit log.

A failed attempt has no key to write to the encrypted log, so it is appended to a small file in
the vault folder. It holds only what the public header already shows (user names) and a time.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

from sealroom.vault.clock import now_stamp

FILE_NAME = "unlock-failures.jsonl"


def record_failure(folder: Path, user: str, reason: str) -> None:
    line = json.dumps(
        {"time": now_stamp(), "user": user, "device": socket.gethostname(), "reason": reason}
    )
    with open(folder / FILE_NAME, "a", encoding="utf-8") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())


def pending_failures(folder: Path) -> list[dict[str, Any]]:
    path = folder / FILE_NAME
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            entries.append({"time": "", "user": "?", "device": "?", "reason": "unreadable entry"})
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def clear_failures(folder: Path) -> None:
    (folder / FILE_NAME).unlink(missing_ok=True)
