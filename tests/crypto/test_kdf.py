from __future__ import annotations

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


def test_tiny_test_parameters_are_refused_outside_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    tiny = kdf.calibrate()
    assert tiny.memory_kib < kdf.MIN_MEMORY_KIB
    monkeypatch.delenv(kdf.TEST_KDF_ENV)
    with pytest.raises(UnsafeParametersError):
        kdf.derive_key("pw", tiny)


def test_calibration_meets_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(kdf.TEST_KDF_ENV)
    params = kdf.calibrate(target_seconds=0.05)
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 2
    assert kdf.derive_key("pw", params) == kdf.derive_key("pw", params)
