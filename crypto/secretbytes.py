"""Key material held in a bytearray so that it can be wiped when no longer needed."""

from __future__ import annotations

import secrets
from types import TracebackType


class SecretBytes:
    """A fixed-length secret that can be wiped; it never prints its value."""

    __slots__ = ("_buf",)

    def __init__(self, value: bytes | bytearray | memoryview) -> None:
        self._buf = bytearray(value)

    @classmethod
    def random(cls, length: int = 32) -> SecretBytes:
        buf = bytearray(secrets.token_bytes(length))
        secret = cls(buf)
        wipe(buf)
        return secret

    @property
    def value(self) -> bytearray:
        if not self._buf:
            raise ValueError("this key has been wiped")
        return self._buf

    def hex(self) -> str:
        return self.value.hex()

    def copy(self) -> SecretBytes:
        return SecretBytes(self.value)

    def wipe(self) -> None:
        wipe(self._buf)
        self._buf = bytearray()

    def __len__(self) -> int:
        return len(self._buf)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SecretBytes):
            return NotImplemented
        return secrets.compare_digest(bytes(self._buf), bytes(other._buf))

    def __hash__(self) -> int:
        raise TypeError("secrets are not hashable")

    def __repr__(self) -> str:
        return f"SecretBytes(<{len(self._buf)} bytes>)"

    def __enter__(self) -> SecretBytes:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.wipe()


def wipe(buf: bytearray) -> None:
    """Overwrite a buffer with zeros in place."""
    for i in range(len(buf)):
        buf[i] = 0
