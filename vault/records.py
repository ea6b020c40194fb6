"""Small helpers shared by the use-cases: ids and the acting person (time is `clock`'s)."""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass
from importlib import metadata

from sealroom.crypto.keyslots import Role


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(6)}"


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
