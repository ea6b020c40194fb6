"""Leak tracing: which asset a suspect file shows, which recipients it came from, how sure.

The asset index (perceptual hash and features of every image asset and PDF page) is kept in
the encrypted database and completed lazily. A recipient is named only when the odds that an
innocent recipient would score as high are below the engine's threshold (1e-6), corrected for
every share tested; otherwise the answer is "no confident match".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sealroom.crypto.watermark import (
    NAMING_THRESHOLD,
    AssetIndex,
    IndexEntry,
    WatermarkError,
    base_preview,
    index_entry,
    trace_image,
)
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.fsutil import require_regular_file
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.shares import Share, asset_pages, list_shares, watermark_key_for
from sealroom.vault.session import Vault
from sealroom.vault.store import query

MAX_SUSPECT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class TraceCandidate:
    party_id: str
    share_id: str
    score: float
    p_false: float


@dataclass(frozen=True)
class SuspectReport:
    suspect: str
    verdict: str
    """identified, no confident match, unknown asset, or unreadable."""
    asset_id: str | None = None
    page: int | None = None
    alignment: dict[str, float] | None = None
    accused: tuple[str, ...] = ()
    candidates: tuple[TraceCandidate, ...] = field(default_factory=tuple)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["accused"] = list(self.accused)
        data["candidates"] = [asdict(c) for c in self.candidates]
        return data


def _entry_key(asset_id: str, version: int, page: int) -> str:
    return f"{asset_id}#{version}#{page}"


def _parse_key(key: str) -> tuple[str, int, int]:
    asset_id, version, page = key.rsplit("#", 2)
    return asset_id, int(version), int(page)


def build_index(vault: Vault, progress: Callable[[str], None] | None = None) -> AssetIndex:
    """Index every image and PDF page not yet indexed, then load the whole index."""
    vault.require_content("trace leaks")
    missing = query(
        vault.conn,
        "SELECT a.id, v.version FROM assets a JOIN asset_versions v ON v.asset_id = a.id "
        "WHERE (v.media_type LIKE 'image/%' OR v.media_type = 'application/pdf') AND NOT EXISTS "
        "(SELECT 1 FROM trace_index t WHERE t.asset_id = a.id AND t.asset_version = v.version)",
    )
    for asset_id, version in missing:
        if progress is not None:
            progress(f"indexing {asset_id} version {version}")
        try:
            pages = asset_pages(vault, asset_id, version)
            entries = [
                index_entry(_entry_key(asset_id, version, p.number), p.pixels) for p in pages
            ]
        except (InvalidInputError, WatermarkError):
            continue
        with vault.transaction() as conn:
            for page, entry in zip(pages, entries, strict=True):
                conn.execute(
                    "INSERT OR REPLACE INTO trace_index (asset_id, asset_version, page, entry) "
                    "VALUES (?,?,?,?)",
                    (asset_id, version, page.number, entry.to_bytes()),
                )
            vault.audit.append("trace.index", asset_id, reason=f"version {version}")
    index = AssetIndex()
    for (blob,) in query(vault.conn, "SELECT entry FROM trace_index"):
        index.add_entry(IndexEntry.from_bytes(bytes(blob)))
    return index


def trace_files(
    vault: Vault, paths: list[Path], progress: Callable[[str], None] | None = None
) -> list[SuspectReport]:
    """Trace each suspect file; one audit event per suspect."""
    for path in paths:  # a FIFO or a device would block or never end: refused before anything
        require_regular_file(Path(path))
    index = build_index(vault, progress)
    tracer = _Tracer(vault, index)
    reports = []
    for path in paths:
        if progress is not None:
            progress(f"tracing {path.name}")
        report = tracer.trace_file(Path(path))
        with vault.transaction():
            vault.audit.append(
                "leak.trace",
                report.asset_id or path.name,
                "success" if report.error is None else "failure",
                f"{path.name}: {report.verdict}"
                + (f"; accused {', '.join(report.accused)}" if report.accused else ""),
            )
        reports.append(report)
    return reports


class _Tracer:
    def __init__(self, vault: Vault, index: AssetIndex) -> None:
        self._vault = vault
        self._index = index
        self._pages: dict[tuple[str, int], list[previews.Page]] = {}

    def trace_file(self, path: Path) -> SuspectReport:
        name = str(path)
        try:
            if path.stat().st_size > MAX_SUSPECT_BYTES:
                raise InvalidInputError(f"{path.name} is larger than 512 MiB")
            pictures = previews.iter_pages(path.read_bytes(), path.name)  # one page at a time
            reports = [self._trace_picture(name, p.pixels) for p in pictures]
        except InvalidInputError as exc:
            return SuspectReport(name, "unreadable", error=str(exc))
        except OSError as exc:
            return SuspectReport(name, "unreadable", error=f"cannot read {path}: {exc.strerror}")
        return min(reports, key=_strength)

    def _trace_picture(self, name: str, pixels: previews.RGB) -> SuspectReport:
        try:
            match = self._index.find(pixels)
        except WatermarkError as exc:
            return SuspectReport(name, "unreadable", error=str(exc))
        if match is None:
            return SuspectReport(name, "unknown asset")
        asset_id, version, page = _parse_key(match.asset_key)
        shares = [s for s in list_shares(self._vault, asset_id) if s.asset_version == version]
        if not shares:
            return SuspectReport(name, "no confident match", asset_id, page)
        original = self._page(asset_id, version, page)
        by_size: dict[tuple[int, int], list[Share]] = {}
        for share in shares:  # each share is tested with the watermark key of its epoch
            by_size.setdefault((share.max_side, share.key_epoch), []).append(share)
        candidates: list[TraceCandidate] = []
        alignment: dict[str, float] | None = None
        for (max_side, epoch), group in by_size.items():
            with watermark_key_for(self._vault, epoch) as key:
                by_number = {s.mark_number: s for s in group}
                result = trace_image(
                    pixels,
                    base_preview(original, max_side),
                    key=bytes(key.value),
                    payloads=list(by_number),
                )
                if result.registration is not None and alignment is None:
                    alignment = {
                        "inliers": float(result.registration.inliers),
                        "correlation": round(result.registration.ecc_correlation, 4),
                        "mirrored": float(result.registration.mirrored),
                        "coverage": round(result.coverage, 4),
                    }
                for c in result.candidates:
                    share = by_number[c.payload]
                    p_false = min(1.0, c.p_false * len(by_size))
                    candidates.append(TraceCandidate(share.party_id, share.id, c.score, p_false))
        candidates.sort(key=lambda c: (c.p_false, -c.score))
        accused = tuple(
            dict.fromkeys(c.party_id for c in candidates if c.p_false < NAMING_THRESHOLD)
        )
        verdict = "identified" if accused else "no confident match"
        return SuspectReport(name, verdict, asset_id, page, alignment, accused, tuple(candidates))

    def _page(self, asset_id: str, version: int, page: int) -> previews.RGB:
        if (asset_id, version) not in self._pages:
            self._pages[(asset_id, version)] = asset_pages(self._vault, asset_id, version)
        return self._pages[(asset_id, version)][page - 1].pixels


def _strength(report: SuspectReport) -> tuple[int, float]:
    order = {"identified": 0, "no confident match": 1, "unknown asset": 2, "unreadable": 3}
    best = report.candidates[0].p_false if report.candidates else 1.0
    return order[report.verdict], best
