"""Sizes as people read them, in IEC units (1 KiB = 1024 bytes), the same in the CLI and the GUI."""

from __future__ import annotations

UNITS = ("B", "KiB", "MiB", "GiB", "TiB")


def human_size(size: int) -> str:
    """12 -> '12 B'; 1536 -> '1.5 KiB'; 5 * 1024**3 -> '5.0 GiB'."""
    value = float(size)
    for unit in UNITS:
        if abs(value) < 1024 or unit == UNITS[-1]:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
