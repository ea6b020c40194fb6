from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sealroom.crypto import kdf
from sealroom.crypto.errors import UnsafeParametersError


def _params(**changes: object) -> dict[str, object]:
    good = kdf.KdfParams(salt=b"s" * 16, iterations=3, memory_kib=65536, lanes=4).to_json()
    good.update(changes)
    return good


def test_hostile_memory_is_refused_before_hashing() -> None:
    with pytest.raises(UnsafeParametersError, match="65536 MiB"):
        kdf.KdfParams.from_json(_params(memory_kib=64 * 1024 * 1024))


@pytest.mark.parametrize(
    "field,value", [("iterations", 10_000), ("lanes", 255), ("iterations", 0), ("salt", "AA==")]
)
def test_out_of_bounds_parameters_are_refused(field: str, value: object) -> None:
    with pytest.raises(UnsafeParametersError):
        kdf.KdfParams.from_json(_params(**{field: value}))


@pytest.fixture
def production() -> Iterator[None]:
    """This process as the shipped app runs: no test-only parameters."""
    kdf.disable_test_parameters()
    try:
        yield
    finally:
        kdf.enable_test_parameters()


def test_tiny_test_parameters_are_refused_outside_tests() -> None:
    tiny = kdf.calibrate()
    assert tiny.memory_kib < kdf.MIN_MEMORY_KIB
    kdf.disable_test_parameters()
    try:
        with pytest.raises(UnsafeParametersError):
            kdf.derive_key("pw", tiny)
        with pytest.raises(UnsafeParametersError):
            kdf.check_new_params(tiny)
    finally:
        kdf.enable_test_parameters()


@pytest.mark.parametrize(("memory_kib", "iterations"), [(256, 1), (64 * 1024, 1), (8 * 1024, 4)])
def test_new_key_slots_refuse_weak_parameters(
    production: None, memory_kib: int, iterations: int
) -> None:
    weak = kdf.KdfParams(salt=b"s" * 16, iterations=iterations, memory_kib=memory_kib, lanes=1)
    with pytest.raises(UnsafeParametersError, match=r"MiB|weak"):
        kdf.check_new_params(weak)


def test_an_environment_variable_does_not_enable_test_parameters(tmp_path: Path) -> None:
    """The variable that once enabled the shortcut does nothing now: a fresh interpreter with it
    set still refuses tiny parameters."""
    code = (
        "from sealroom.crypto import kdf\n"
        "assert not kdf.test_parameters_allowed()\n"
        "print(kdf.calibrate(target_seconds=0.01).memory_kib)\n"
    )
    env = {"SEALROOM_INSECURE_TEST_KDF": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert int(out.stdout) >= kdf.MIN_MEMORY_KIB


def test_no_shipped_module_enables_test_parameters() -> None:
    """Only the test suite turns the shortcut on: no call to it anywhere in the app's code."""
    root = Path(__file__).resolve().parents[2]
    callers = []
    for package in ("crypto", "vault", "desktop"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name == "enable_test_parameters":
                        callers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert callers == []
    assert "SEALROOM_INSECURE_TEST_KDF" not in (root / "crypto" / "kdf.py").read_text()


def test_derive_key_takes_a_wipeable_password() -> None:
    params = kdf.calibrate()
    typed = bytearray("pässword".encode())
    assert kdf.derive_key(typed, params) == kdf.derive_key("pässword", params)
    assert typed == bytearray("pässword".encode())  # the caller's buffer, the caller wipes it


def test_calibration_meets_the_floor(production: None) -> None:
    params = kdf.calibrate(target_seconds=0.05)
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 2
    assert kdf.derive_key("pw", params) == kdf.derive_key("pw", params)
