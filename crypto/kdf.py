"""Argon2id password hashing: parameters, calibration and the bounds checked on read.

The parameters travel in the public vault header, so they are bounded before any hashing: a
hostile header asking for 64 GiB of memory is refused instead of stalling or killing the app.

The test suite needs key slots that open in a millisecond. Those tiny parameters exist only
after `enable_test_parameters()`, which the test fixtures call and no shipped code does (a test
checks that); no environment variable or setting can turn them on in the app, and a new key slot
with weak parameters is refused.
"""

from __future__ import annotations

import base64
import secrets
import time
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sealroom.crypto.errors import UnsafeParametersError
from sealroom.crypto.secretbytes import SecretBytes

ALGORITHM = "argon2id"
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
SALT_BYTES = 16
KEY_BYTES = 32
TARGET_SECONDS = 0.5

MIN_NEW_ITERATIONS = 2
"""A new key slot gets at least two passes (calibration asks for more on a fast machine)."""

_TEST_MEMORY_KIB = 256
_test_parameters_enabled = False

Password = str | bytearray
"""A password as typed: a bytearray (UTF-8) where the caller can wipe it, or a str."""


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    iterations: int
    memory_kib: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": ALGORITHM,
            "salt": base64.b64encode(self.salt).decode(),
            "iterations": self.iterations,
            "memory_kib": self.memory_kib,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        """Parse and bound-check parameters read from a header."""
        if not isinstance(data, dict) or data.get("algorithm") != ALGORITHM:
            raise UnsafeParametersError("key slot uses an unknown key-derivation algorithm")
        try:
            params = cls(
                salt=base64.b64decode(data["salt"], validate=True),
                iterations=int(data["iterations"]),
                memory_kib=int(data["memory_kib"]),
                lanes=int(data["lanes"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UnsafeParametersError("key slot has malformed key-derivation parameters") from exc
        params.check_bounds()
        return params

    def check_bounds(self) -> None:
        min_memory = _TEST_MEMORY_KIB if test_parameters_allowed() else MIN_MEMORY_KIB
        if len(self.salt) != SALT_BYTES:
            raise UnsafeParametersError("key slot salt has the wrong length")
        if not min_memory <= self.memory_kib <= MAX_MEMORY_KIB:
            raise UnsafeParametersError(
                f"key slot asks for {self.memory_kib // 1024} MiB of memory for key derivation; "
                f"accepted range is {min_memory // 1024}-{MAX_MEMORY_KIB // 1024} MiB"
            )
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise UnsafeParametersError(
                f"key slot asks for {self.iterations} key-derivation passes; "
                f"accepted range is 1-{MAX_ITERATIONS}"
            )
        if not 1 <= self.lanes <= MAX_LANES:
            raise UnsafeParametersError(
                f"key slot asks for {self.lanes} lanes; maximum {MAX_LANES}"
            )
        if self.memory_kib < 8 * self.lanes:
            raise UnsafeParametersError("key slot memory is too small for its lane count")


def enable_test_parameters() -> None:
    """Admit tiny, insecure parameters in this process. For the test suite only: called by
    tests/conftest.py and the test launchers, never by Sealroom itself."""
    global _test_parameters_enabled
    _test_parameters_enabled = True


def disable_test_parameters() -> None:
    global _test_parameters_enabled
    _test_parameters_enabled = False


def test_parameters_allowed() -> bool:
    return _test_parameters_enabled


def check_new_params(params: KdfParams) -> None:
    """Refuse weak parameters for a new key slot (creating a vault, adding a person, a new
    password); reading an existing slot only checks `check_bounds`."""
    params.check_bounds()
    if test_parameters_allowed():
        return
    if params.memory_kib < MIN_MEMORY_KIB or params.iterations < MIN_NEW_ITERATIONS:
        raise UnsafeParametersError(
            f"refusing weak key-derivation parameters for a new key slot: at least "
            f"{MIN_MEMORY_KIB // 1024} MiB and {MIN_NEW_ITERATIONS} passes are required"
        )


def derive_key(password: Password, params: KdfParams) -> SecretBytes:
    """Derive a 256-bit key from a password. Slow by design: never call it on a GUI thread."""
    params.check_bounds()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    if isinstance(password, str):
        password_bytes = bytearray(password.encode("utf-8"))
    else:
        password_bytes = bytearray(password)
    try:
        return SecretBytes(kdf.derive(bytes(password_bytes)))
    finally:
        password_bytes[:] = bytes(len(password_bytes))


def calibrate(
    target_seconds: float = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB
) -> KdfParams:
    """Choose parameters that take about `target_seconds` on this machine, with at least 64 MiB.

    Under the test suite (see `enable_test_parameters`) this returns tiny parameters instead.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    if test_parameters_allowed():
        return KdfParams(salt=salt, iterations=1, memory_kib=_TEST_MEMORY_KIB, lanes=1)
    lanes = 4
    probe = KdfParams(salt=salt, iterations=1, memory_kib=memory_kib, lanes=lanes)
    started = time.perf_counter()
    derive_key("calibration", probe).wipe()
    one_pass = max(time.perf_counter() - started, 1e-3)
    iterations = max(2, min(MAX_ITERATIONS, round(target_seconds / one_pass)))
    return KdfParams(salt=salt, iterations=iterations, memory_kib=memory_kib, lanes=lanes)
