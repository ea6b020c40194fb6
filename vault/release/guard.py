"""The release guard's text checks: what must not go public with a caption.

Pure functions on text, so the GUI can highlight findings while a caption is edited. The
use-cases that run them before an embargo is lifted are in `release`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Finding:
    rule: str
    """placeholder, draft, template or handle."""
    text: str
    """The offending text as it appears."""
    line: int
    column: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("placeholder", re.compile(r"\*{4,}"), "masked placeholder {text}"),
    (
        "draft",
        re.compile(r"\b(?:TODO|TBD|FIXME)\b", re.IGNORECASE),
        "unfinished draft marker {text}",
    ),
    ("placeholder", re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE), "filler text '{text}'"),
    ("placeholder", re.compile(r"\[\s*link[^\]\n]*\]", re.IGNORECASE), "link placeholder {text}"),
    ("draft", re.compile(r"\bneeds?\s+copy\b", re.IGNORECASE), "unwritten copy ('{text}')"),
    ("template", re.compile(r"\{\{[^{}\n]*\}\}"), "unfilled template field {text}"),
)
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.]{0,29})")


def check_text(text: str, allowed_handles: Iterable[str] = ()) -> list[Finding]:
    """Placeholders, draft markers, unfilled `{{fields}}` and @mentions not in `allowed_handles`.

    Handles are compared without `@` and case-insensitively.
    """
    allowed = {h.lower().removeprefix("@") for h in allowed_handles}
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for rule, pattern, message in _RULES:
            for match in pattern.finditer(line):
                findings.append(
                    Finding(
                        rule,
                        match.group(0),
                        number,
                        match.start() + 1,
                        message.format(text=match.group(0)),
                    )
                )
        for match in _MENTION.finditer(line):
            handle = match.group(1).rstrip(".")
            if handle.lower() in allowed:
                continue
            findings.append(
                Finding(
                    "handle",
                    f"@{handle}",
                    number,
                    match.start() + 1,
                    f"@{handle} is not a handle of this campaign's brand or influencers",
                )
            )
    findings.sort(key=lambda f: (f.line, f.column))
    return findings


def summary(findings: list[Finding], limit: int = 4, quote: bool = True) -> str:
    """One line: `TODO (line 3); @rival (line 5); and 2 more`; rule names if not `quote`."""
    parts = [f"{f.text if quote else f.rule} (line {f.line})" for f in findings[:limit]]
    if len(findings) > limit:
        parts.append(f"and {len(findings) - limit} more")
    return "; ".join(parts)
