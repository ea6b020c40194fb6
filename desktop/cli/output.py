"""What the command line prints: `--json` or a one-line message, tables, and sizes."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from sealroom.vault.units import human_size

__all__ = ["done", "escaped_output", "human_size", "print_json", "print_table"]


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
    return escape(str(value).replace("\n", " "))


def done(args: argparse.Namespace, data: dict[str, Any], message: str) -> None:
    """Print `data` as JSON with --json, else the one-line `message`."""
    if args.json:
        print_json(data)
    else:
        print(message)


# Characters that would let a name rewrite the terminal or the reading order of a line: control
# characters but the newline, line and paragraph separators, bidirectional overrides, isolates
# and marks, and lone surrogates (undecodable bytes of a file name).
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)


def escape(text: str) -> str:
    """`text` with each unsafe character written as \\uXXXX: readable in a table and still
    valid inside a JSON string, which decodes it back to the original character."""
    return UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class EscapedStream(io.TextIOBase):
    """A text stream that writes everything through `escape`."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(escape(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Everything printed inside, on stdout and stderr, goes through `escape`."""
    with (
        contextlib.redirect_stdout(EscapedStream(sys.stdout)),
        contextlib.redirect_stderr(EscapedStream(sys.stderr)),
    ):
        yield
