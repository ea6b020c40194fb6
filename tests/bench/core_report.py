"""The result table of the core benchmark: rows, number formatting and progress lines on stderr."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

HEADERS = ("measurement", "ours", "baseline", "ratio", "target", "met")


@dataclass(frozen=True)
class Row:
    """One line of the table; a row with only `measurement` set is a section heading."""

    measurement: str
    ours: str = ""
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""

    @property
    def is_heading(self) -> bool:
        return not any((self.ours, self.baseline, self.ratio, self.target, self.met))

    def cells(self) -> tuple[str, ...]:
        return (self.measurement, self.ours, self.baseline, self.ratio, self.target, self.met)


def info(measurement: str, ours: str, baseline: str = "-") -> Row:
    """A figure reported without a target."""
    return Row(measurement, ours, baseline, "-", "-", "n/a")


def compared(
    measurement: str,
    ours: str,
    baseline: str,
    ratio: float,
    *,
    at_least: float | None = None,
    at_most: float | None = None,
) -> Row:
    """A figure with its baseline and a target on the ratio ours/baseline."""
    if at_least is not None:
        target, met = f"ratio >= {at_least:g}", ratio >= at_least
    elif at_most is not None:
        target, met = f"ratio <= {at_most:g}", ratio <= at_most
    else:
        return Row(measurement, ours, baseline, f"{ratio:.2f}", "-", "n/a")
    return Row(measurement, ours, baseline, f"{ratio:.2f}", target, "yes" if met else "NO")


def render(rows: list[Row]) -> str:
    """Rows as a plain-text table with aligned columns (numbers right-aligned)."""
    widths = [len(h) for h in HEADERS]
    for row in rows:
        if not row.is_heading:
            widths = [max(w, len(c)) for w, c in zip(widths, row.cells(), strict=True)]
    total = sum(widths) + 2 * (len(widths) - 1)

    def line(cells: tuple[str, ...]) -> str:
        parts = [cells[0].ljust(widths[0])]
        parts += [c.rjust(w) for c, w in zip(cells[1:4], widths[1:4], strict=True)]
        parts += [c.ljust(w) for c, w in zip(cells[4:], widths[4:], strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(HEADERS), "=" * total]
    for row in rows:
        if row.is_heading:
            out += ["", row.measurement, "-" * len(row.measurement)]
        else:
            out.append(line(row.cells()))
    return "\n".join(out)


def seconds(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f} s"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} us"


def mb_per_s(value: float) -> str:
    return f"{value:,.0f} MB/s"


def size(n_bytes: int) -> str:
    if n_bytes >= 1 << 30:
        return f"{n_bytes / (1 << 30):.2f} GiB"
    if n_bytes >= 1 << 20:
        return f"{n_bytes / (1 << 20):.1f} MiB"
    return f"{n_bytes / 1024:.0f} KiB"


def count(n: int) -> str:
    """1,000,000 as '1M', 20,000 as '20k', other numbers with separators."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return f"{n:,}"


_STARTED = time.perf_counter()


def progress(message: str) -> None:
    """A progress line on stderr, stamped with the time since the bench started."""
    print(f"[{time.perf_counter() - _STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)
