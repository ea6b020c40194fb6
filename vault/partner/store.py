"""What a partner's computer remembers about share packages, outside any vault.

Kept in `$XDG_DATA_HOME/sealroom/partner.json` (0600): each sender's signing key as first seen
(so a changed key is shown), the package ids each sender has revoked (so a copied package that a
later one revoked is refused), and the packages whose NDA terms were accepted, with the time.
Nothing of a package's content is stored here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sealroom.vault.errors import CorruptDataError
from sealroom.vault.fsutil import atomic_write

MAX_STORE = 8 * 1024 * 1024


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sealroom"


@dataclass
class KnownSender:
    name: str
    key: str
    """The sender's Ed25519 public key, base64, as first seen."""
    first_seen: str


@dataclass
class PartnerStore:
    path: Path
    senders: dict[str, KnownSender] = field(default_factory=dict)
    revoked: dict[str, set[str]] = field(default_factory=dict)
    accepted: dict[str, str] = field(default_factory=dict)
    """package id -> UTC time of acceptance."""

    @classmethod
    def load(cls, path: Path | None = None) -> PartnerStore:
        path = path or user_data_dir() / "partner.json"
        store = cls(path)
        if not path.exists():
            return store
        try:
            if path.stat().st_size > MAX_STORE:
                raise ValueError("too large")
            data: Any = json.loads(path.read_text(encoding="utf-8"))
            store.senders = {
                str(k): KnownSender(str(v["name"]), str(v["key"]), str(v["first_seen"]))
                for k, v in dict(data["senders"]).items()
            }
            store.revoked = {str(k): {str(i) for i in v} for k, v in dict(data["revoked"]).items()}
            store.accepted = {str(k): str(v) for k, v in dict(data["accepted"]).items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            raise CorruptDataError(
                f"the partner record {path} is damaged; move it away to start a new one"
            ) from None
        return store

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {
            "senders": {k: vars(v) for k, v in sorted(self.senders.items())},
            "revoked": {k: sorted(v) for k, v in sorted(self.revoked.items())},
            "accepted": dict(sorted(self.accepted.items())),
        }
        atomic_write(self.path, json.dumps(data, indent=1).encode())
