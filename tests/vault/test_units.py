"""One way to write sizes, in IEC units, for the command line and the GUI alike."""

from __future__ import annotations

import pytest

from sealroom.vault.units import human_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KiB"),
        (1536, "1.5 KiB"),
        (5_000, "4.9 KiB"),
        (12_000_000, "11.4 MiB"),
        (2 * 1024**3, "2.0 GiB"),
        (3 * 1024**4, "3.0 TiB"),
        (5000 * 1024**4, "5000.0 TiB"),
    ],
)
def test_iec_units(size: int, shown: str) -> None:
    assert human_size(size) == shown
