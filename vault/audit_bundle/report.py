"""report.pdf: a cover page (vault, signing key, period, counts by action and by person) and then
the exported events as a paginated table, read back from the bundle's events.jsonl.

A million events make about 17,000 pages: the caller gets progress per page and may cancel, in
which case no report.pdf is written. The PDF's core fonts cover Latin-1; other characters print
as "?" (events.jsonl keeps them exactly).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fpdf import FPDF

from sealroom.vault.audit_bundle import files
from sealroom.vault.errors import Cancelled, CorruptDataError

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]
ROWS_PER_PAGE = 56
LINE_MM = 3.3
TOP_COUNTS = 25
COLUMNS = (
    ("#", 9),
    ("time (UTC)", 23),
    ("actor", 16),
    ("role", 8),
    ("action", 20),
    ("object", 30),
    ("outcome", 8),
    ("public detail", 40),
)


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _events(folder: Path) -> Iterator[dict[str, Any]]:
    with open(folder / files.EVENTS, "rb") as stream:
        for n, line in enumerate(stream, 1):
            parsed = files.parse_event_line(line)
            if parsed is None:
                raise CorruptDataError(f"events.jsonl line {n} is not an event line")
            event = json.loads(parsed[1])
            event["index"] = parsed[0]
            yield event


def _row(event: dict[str, Any]) -> str:
    detail = str(event.get("reason", "")) + (" [sealed]" if event.get("detail") else "")
    values = (
        event["index"],
        str(event.get("time", ""))[:19].replace("T", " "),
        event.get("actor", ""),
        event.get("role", ""),
        event.get("action", ""),
        event.get("object", ""),
        event.get("outcome", ""),
        detail,
    )
    cells = []
    for (_, width), value in zip(COLUMNS, values, strict=True):
        text = " ".join(str(value).split())
        cells.append(text[: width - 1].ljust(width))
    return _latin1("".join(cells))


def _cover(pdf: FPDF, vault_id: str, manifest: dict[str, Any], stats: dict[str, Any]) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 12, "Sealroom audit report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    flt = manifest.get("filter", {})
    period = f"{flt.get('since', stats['first'])} to {flt.get('until', stats['last'])}"
    lines = [
        f"Vault: {vault_id}",
        f"Checkpoint signing key: {manifest.get('signer', '')}",
        f"Period: {period}",
        f"Events in this report: {stats['count']} (log size {manifest.get('tree_size')})",
        f"Filter: {', '.join(f'{k} {v}' for k, v in flt.items()) or 'none'}",
        f"Exported at {manifest.get('exported_at', '')} by a {manifest.get('exported_by_role')}",
        "Authoritative copy: events.jsonl, checked by `sealroom audit verify` or verify.py.",
    ]
    for line in lines:
        pdf.cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    for title, counter in (("By action", stats["actions"]), ("By person", stats["actors"])):
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Courier", "", 8)
        for name, n in counter.most_common(TOP_COUNTS):
            pdf.cell(0, 4, _latin1(f"{n:>10}  {name}"), new_x="LMARGIN", new_y="NEXT")
        if len(counter) > TOP_COUNTS:
            pdf.cell(
                0,
                4,
                f"{'':>10}  ... and {len(counter) - TOP_COUNTS} more",
                new_x="LMARGIN",
                new_y="NEXT",
            )


def write_report(
    folder: Path,
    vault_id: str,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Path:
    """Write folder/report.pdf from the bundle; Cancelled (nothing written) if cancelled."""
    manifest = json.loads((folder / files.MANIFEST).read_text("utf-8"))
    actions: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    first = last = ""
    count = 0
    for event in _events(folder):
        if count % 65536 == 0 and should_cancel is not None and should_cancel():
            raise Cancelled("report cancelled; no report.pdf was written")
        actions[str(event.get("action"))] += 1
        actors[str(event.get("actor"))] += 1
        first = first or str(event.get("time", ""))
        last = str(event.get("time", ""))
        count += 1
    stats = {"count": count, "actions": actions, "actors": actors, "first": first, "last": last}
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(_latin1(f"Sealroom audit report {vault_id}"))
    _cover(pdf, vault_id, manifest, stats)
    pages = max(1, -(-count // ROWS_PER_PAGE))
    header = _latin1("".join(name.ljust(width) for name, width in COLUMNS))
    page = 0
    y = 0.0
    for n, event in enumerate(_events(folder)):
        if n % ROWS_PER_PAGE == 0:
            if should_cancel is not None and should_cancel():
                raise Cancelled("report cancelled; no report.pdf was written")
            page += 1
            pdf.add_page()
            pdf.set_font("Courier", "B", 7)
            pdf.text(10, 10, f"{header}  page {page}/{pages}")
            pdf.set_font("Courier", "", 7)
            y = 10 + LINE_MM * 1.5
            if progress is not None:
                progress(page, pages)
        pdf.text(10, y, _row(event))
        y += LINE_MM
    target = folder / files.PDF
    partial = target.with_suffix(".pdf.part")
    pdf.output(str(partial))
    partial.replace(target)
    return Path(target)
