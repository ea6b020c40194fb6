"""Small helpers shared by the use-cases: ids, UTC time stamps, the acting person."""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata

from sealroom.crypto.keyslots import Role


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(6)}"


def utc_now() -> str:
    """UTC time in RFC 3339 with milliseconds, e.g. 2026-11-21T06:15:40.123Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def app_version() -> str:
    try:
        return metadata.version("sealroom")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Actor:
    """Who is acting, as the audit log records it."""

    user: str
    role: str
    device: str
    app_version: str

    @classmethod
    def current(cls, user: str, role: Role) -> Actor:
        return cls(
            user=user, role=role.value, device=socket.gethostname(), app_version=app_version()
        )
