"""The newest audit head and key epoch each device has seen of each vault, kept outside the vault.

A folder writer can roll the whole vault folder back (vault.db, audit.db and header.json all from
an older copy): every check inside the vault then agrees with itself, and a person removed since
that copy can open it again. Only something outside the folder can tell: this device remembers,
per vault id, the last signed tree head (size, root, epoch) and the key epoch it saw, in
`seen.json` in the user's configuration folder. At unlock the vault's head must extend it: the
same or a larger tree whose checkpoint at the remembered size has the remembered root, and a key
epoch at least as new. Otherwise the unlock warns loudly and the warning is recorded in the log.

The limit: a device that never opened the vault, or whose configuration folder was rolled back
with the vault, cannot know. An auditor's exported checkpoint is the anchor outside every device.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sealroom.vault.audit_heads import SeenHead
from sealroom.vault.device_state import ensure_config_dir, read_capped, write_private

FILE_NAME = "seen.json"
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class SeenRecord:
    size: int
    root: bytes
    epoch: int
    key_epoch: int

    def to_json(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "root": base64.b64encode(self.root).decode(),
            "epoch": self.epoch,
            "key_epoch": self.key_epoch,
        }

    @classmethod
    def from_json(cls, data: Any) -> SeenRecord | None:
        try:
            root = base64.b64decode(str(data["root"]), validate=True)
            return cls(int(data["size"]), root, int(data["epoch"]), int(data["key_epoch"]))
        except (KeyError, TypeError, ValueError):
            return None


def _load() -> tuple[dict[str, Any], str | None]:
    """The stored records and, if the file could not be read, why."""
    try:
        path = ensure_config_dir() / FILE_NAME
        data = read_capped(path, MAX_BYTES)
        if data is None:
            return {}, None
        parsed = json.loads(data)
        vaults = parsed["vaults"] if isinstance(parsed, dict) else None
        if not isinstance(vaults, dict):
            raise ValueError("no vaults")
    except (OSError, ValueError, KeyError, TypeError):
        return {}, (
            f"WARNING: this device's record of the vaults it has seen ({FILE_NAME}) is unreadable; "
            "it starts afresh, so a rolled-back vault cannot be noticed this time"
        )
    return vaults, None


def seen(vault_id: str) -> SeenRecord | None:
    vaults, _ = _load()
    return SeenRecord.from_json(vaults.get(vault_id)) if vault_id in vaults else None


def remember(vault_id: str, head: SeenHead | None, key_epoch: int) -> None:
    """Record what this device has now seen of the vault (call once the vault is trusted)."""
    if head is None:
        return
    vaults, _ = _load()
    record = SeenRecord(head.size, head.root, head.epoch, key_epoch)
    vaults[vault_id] = record.to_json()
    text = json.dumps({"version": 1, "vaults": vaults}, indent=1, sort_keys=True)
    with contextlib.suppress(OSError):  # a device that cannot remember still opens the vault
        write_private(ensure_config_dir() / FILE_NAME, text.encode())


def check(
    vault_id: str,
    head: SeenHead | None,
    key_epoch: int,
    root_at: Callable[[int], bytes | None],
) -> list[str]:
    """Loud warnings if the vault is behind what this device saw; `root_at(size)` gives the root
    of the log's checkpoint at `size`, if it has one."""
    vaults, unreadable = _load()
    warnings = [unreadable] if unreadable else []
    record = SeenRecord.from_json(vaults.get(vault_id)) if vault_id in vaults else None
    if record is None:
        return warnings
    restored = (
        "the vault folder was replaced by an older copy, and a person removed since then may "
        "be able to open it again; do not add anything before the owners have checked"
    )
    if key_epoch < record.key_epoch:
        warnings.append(
            f"WARNING: this vault went backwards: its keys are at epoch {key_epoch}, but this "
            f"device saw epoch {record.key_epoch}: {restored}"
        )
    size = head.size if head is not None else 0
    if size < record.size:
        warnings.append(
            f"WARNING: this vault went backwards: its audit log is signed up to {size} events, "
            f"but this device saw it signed at {record.size}: {restored}"
        )
    elif root_at(record.size) != record.root:
        warnings.append(
            f"WARNING: this vault's history differs from what this device saw at {record.size} "
            f"events: {restored}"
        )
    elif head is not None and head.epoch < record.epoch:
        warnings.append(
            f"WARNING: this vault's signing key went back from epoch {record.epoch} to "
            f"{head.epoch}: {restored}"
        )
    return warnings
