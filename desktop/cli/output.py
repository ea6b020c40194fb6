"""What the command line prints: `--json` or a one-line message, tables, and sizes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from sealroom.vault.units import human_size

__all__ = ["done", "human_size", "print_json", "print_table"]


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not rows:
        print("(none)")
        return
    text = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in text)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in text:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return str(value).replace("\n", " ")


def done(args: argparse.Namespace, data: dict[str, Any], message: str) -> None:
    """Print `data` as JSON with --json, else the one-line `message`."""
    if args.json:
        print_json(data)
    else:
        print(message)
