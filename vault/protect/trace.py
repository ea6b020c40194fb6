"""Leak tracing: which asset a suspect file shows, which recipients it came from, how sure.

Every asset page the suspect may show is tested (near-duplicates included), at every preview
size its shares were issued at and in every plausible registration; the false-accusation odds
are corrected for every (asset, page, registration, share) hypothesis tested, over all pages of
a multi-page suspect. A recipient is named only when those odds are below the engine's
threshold (1e-6); a clear but unproven leader is reported as a near miss, never named. Several
suspects of one leak can be combined into one stronger test. The accused, the near miss and the
first `LINKED_CANDIDATES` candidates carry their links: the share, its package, the grant and the
NDA it was issued under (`trace_links`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sealroom.crypto.watermark import NAMING_THRESHOLD, AssetIndex, WatermarkError
from sealroom.crypto.watermark.blind import ATTEMPTS, TAG_BITS
from sealroom.crypto.watermark.hypotheses import Finding, Trial, Verdict, combine, run_trials
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.fsutil import require_regular_file
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect.shares import Share, watermark_key_for
from sealroom.vault.protect.trace_index import build_index
from sealroom.vault.protect.trace_links import ShareLinks, share_links
from sealroom.vault.protect.trace_search import Considered, Searcher
from sealroom.vault.session import Vault
from sealroom.vault.store import query

MAX_SUSPECT_BYTES = 512 * 1024 * 1024
BLIND_ODDS = ATTEMPTS * 2.0**-TAG_BITS
"""Chance that a picture never marked for a share yields that share's tag-verified payload."""
LINKED_CANDIDATES = 5
"""Candidates (besides the accused and the near miss) whose links a report carries."""

__all__ = [
    "ShareLinks",
    "SuspectReport",
    "TraceCandidate",
    "build_index",
    "odds_words",
    "trace_files",
]


@dataclass(frozen=True)
class TraceCandidate:
    party_id: str
    share_id: str
    score: float
    p_false: float
    """P(an innocent recipient scores this high), corrected for every hypothesis tested."""
    party_name: str = ""
    asset_id: str = ""
    page: int = 0
    method: str = "fingerprint"
    """fingerprint, or blind payload (read without the original)."""
    p_single: float = 1.0
    """P(one innocent (hypothesis, share) pair scores this high), before the correction."""
    links: ShareLinks | None = None
    """The share, its package, grant and NDA (filled for the candidates a report shows)."""


@dataclass(frozen=True)
class ConsideredAsset:
    asset_id: str
    title: str
    page: int
    shares: int
    """Shares tested against the suspect (0: no previews of it were issued)."""
    registered: bool


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
    near_miss: TraceCandidate | None = None
    """The clear leader when nobody is named but one recipient stands far above chance."""
    considered: tuple[ConsideredAsset, ...] = ()
    tested: int = 0
    """(asset, page, registration, share) hypotheses the odds are corrected for."""
    summary: str = ""
    """The finding in plain words."""

    @property
    def accused_candidates(self) -> tuple[TraceCandidate, ...]:
        """The candidates that name their recipient: each share the suspect proves came out."""
        return tuple(c for c in self.candidates if c.p_false < NAMING_THRESHOLD)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["accused"] = list(self.accused)
        data["candidates"] = [asdict(c) for c in self.candidates]
        data["considered"] = [asdict(c) for c in self.considered]
        return data


def odds_words(p: float) -> str:
    """'1 in 980,000': the chance, rounded to two significant figures."""
    if p >= 0.5:
        return "even or better"
    if p <= 0.0:
        return "1 in more than 10^300"
    inverse = 1.0 / p
    if inverse >= 1e12:
        return f"1 in {inverse:.1e}".replace("e+", " x 10^")
    digits = max(0, math.floor(math.log10(inverse)) - 1)
    rounded = round(inverse / 10**digits) * 10**digits
    return f"1 in {rounded:,.0f}"


def trace_files(
    vault: Vault,
    paths: Sequence[Path],
    progress: Callable[[str], None] | None = None,
    combined: bool = False,
) -> list[SuspectReport]:
    """Trace each suspect file; one audit event per report.

    With `combined`, the suspects are taken as copies of one leak and a further report tests
    them together (their evidence added), which names a leaker none of them names alone.
    """
    for path in paths:  # a FIFO or a device would block or never end: refused before anything
        require_regular_file(Path(path))
    index = build_index(vault, progress)
    keys = _epoch_keys(vault)
    try:
        tracer = _Tracer(vault, index, keys)
        reports = []
        for path in paths:
            if progress is not None:
                progress(f"tracing {Path(path).name}")
            reports.append(tracer.trace_file(Path(path)))
        if combined and len(tracer.per_file) >= 2:
            reports.append(tracer.combined([Path(p) for p in paths]))
    finally:
        for key in keys.values():
            key[:] = bytes(len(key))
    for report in reports:
        with vault.transaction():
            vault.audit.append(
                "leak.trace",
                report.asset_id or Path(report.suspect).name,
                "success" if report.error is None else "failure",
                f"{Path(report.suspect).name}: {report.verdict}"
                + (f"; accused {', '.join(report.accused)}" if report.accused else ""),
            )
    return reports


def _epoch_keys(vault: Vault) -> dict[int, bytearray]:
    """The watermark key of every key epoch that issued a share (each share is tested with the
    key of its epoch: a removal of an owner or manager starts a new one)."""
    epochs = [int(e) for (e,) in query(vault.conn, "SELECT DISTINCT key_epoch FROM shares")]
    keys: dict[int, bytearray] = {}
    for epoch in epochs or [vault.header.key_epoch]:
        with watermark_key_for(vault, epoch) as key:
            keys[epoch] = bytearray(key.value)
    return keys


class _Tracer:
    def __init__(self, vault: Vault, index: AssetIndex, keys: dict[int, bytearray]) -> None:
        self._vault = vault
        self._keys = keys
        self._epoch_of = {
            int(mark): int(epoch)
            for mark, epoch in query(vault.conn, "SELECT mark_number, key_epoch FROM shares")
        }
        self._search = Searcher(vault, index, tuple(bytes(k) for k in keys.values()))
        self._names = {
            p.id: p.name for p in parties.list_parties(vault, include_deleted=True, lookup=True)
        }
        self._titles: dict[str, str] = {}
        self.per_file: list[list[Trial]] = []

    def trace_file(self, path: Path) -> SuspectReport:
        name = str(path)
        try:
            if path.stat().st_size > MAX_SUSPECT_BYTES:
                raise InvalidInputError(f"{path.name} is larger than 512 MiB")
            pictures = previews.iter_pages(path.read_bytes(), path.name)  # page by page
        except InvalidInputError as exc:
            return SuspectReport(name, "unreadable", error=str(exc))
        except OSError as exc:
            return SuspectReport(name, "unreadable", error=f"cannot read {path}: {exc.strerror}")
        trials: list[Trial] = []
        alignments: list[dict[str, float]] = []
        considered: dict[tuple[str, int], Considered] = {}
        blind: list[Share] = []
        count = 0
        try:
            for picture in pictures:
                count += 1
                share = self._search.blind_share(picture.pixels)
                if share is not None:
                    blind.append(share)
                found, aligned, seen = self._search.trials(picture.pixels)
                trials += found
                alignments += aligned
                for c in seen:
                    if (c.asset_id, c.page) not in considered or c.registered:
                        considered[(c.asset_id, c.page)] = c
        except (WatermarkError, InvalidInputError) as exc:
            return SuspectReport(name, "unreadable", error=str(exc))
        self.per_file.append(trials)
        verdict = run_trials(trials, self._key_of)
        return self._report(name, verdict, alignments, list(considered.values()), blind, count)

    def _key_of(self, payload: int) -> bytes:
        return bytes(self._keys[self._epoch_of[payload]])

    def combined(self, paths: list[Path]) -> SuspectReport:
        trials = combine(self.per_file)
        name = "combined: " + " + ".join(p.name for p in paths)
        verdict = run_trials(trials, self._key_of)
        return self._report(name, verdict, [], [], [], 0)

    def _report(
        self,
        name: str,
        verdict: Verdict,
        alignments: list[dict[str, float]],
        considered: list[Considered],
        blind: list[Share],
        pictures: int,
    ) -> SuspectReport:
        candidates = [self._candidate(f) for f in verdict.findings]
        for share in blind:
            if not any(c.share_id == share.id and c.p_false < NAMING_THRESHOLD for c in candidates):
                candidates.append(
                    TraceCandidate(
                        share.party_id,
                        share.id,
                        0.0,
                        min(1.0, BLIND_ODDS * pictures),
                        self._names.get(share.party_id, share.party_id),
                        share.asset_id,
                        0,
                        "blind payload",
                        BLIND_ODDS,
                    )
                )
        candidates.sort(key=lambda c: (c.p_false, -c.score))
        accused = tuple(
            dict.fromkeys(c.party_id for c in candidates if c.p_false < NAMING_THRESHOLD)
        )
        near = self._candidate(verdict.near_miss) if verdict.near_miss and not accused else None
        if considered and not accused and near is None and all(c.proposed for c in considered):
            # Pages proposed by layout alone that name nobody are not the asset: it is unknown.
            candidates = [c for c in candidates if c.method == "blind payload"]
            considered = []
        candidates, near = self._linked(candidates, near)
        best = verdict.findings[0] if verdict.findings else None
        asset_id = candidates[0].asset_id if candidates else None
        page = candidates[0].page if candidates and candidates[0].page else None
        if asset_id is None and considered:
            asset_id, page = considered[0].asset_id, considered[0].page
        listed = tuple(
            ConsideredAsset(c.asset_id, self._title(c.asset_id), c.page, c.shares, c.registered)
            for c in considered
        )
        has_shares = bool(candidates) or any(c.shares for c in considered)
        if accused:
            state = "identified"
        elif asset_id is None and not has_shares:
            state = "unknown asset"
        else:
            state = "no confident match"
        report = SuspectReport(
            name,
            state,
            asset_id,
            page,
            alignments[best.trial] if best is not None and best.trial < len(alignments) else None,
            accused,
            tuple(candidates),
            near_miss=near,
            considered=listed,
            tested=verdict.tested,
        )
        return _with_summary(report, self._names)

    def _candidate(self, finding: Finding) -> TraceCandidate:
        share = self._search.share_of(finding.group, finding.payload)
        ref = self._search.references[finding.group]
        return TraceCandidate(
            share.party_id,
            share.id,
            finding.score,
            finding.p_false,
            self._names.get(share.party_id, share.party_id),
            ref.asset_id,
            ref.page,
            p_single=finding.p_single,
        )

    def _linked(
        self, candidates: list[TraceCandidate], near: TraceCandidate | None
    ) -> tuple[list[TraceCandidate], TraceCandidate | None]:
        """The candidates with their links: the accused, the near miss, the first few."""
        shown = [
            n
            for n, c in enumerate(candidates)
            if n < LINKED_CANDIDATES or c.p_false < NAMING_THRESHOLD
        ]
        wanted = [candidates[n].share_id for n in shown] + ([near.share_id] if near else [])
        links = share_links(self._vault, wanted)
        linked = list(candidates)
        for n in shown:
            linked[n] = replace(linked[n], links=links.get(linked[n].share_id))
        return linked, replace(near, links=links.get(near.share_id)) if near else None

    def _title(self, asset_id: str) -> str:
        if asset_id not in self._titles:
            rows = query(self._vault.conn, "SELECT title FROM assets WHERE id = ?", (asset_id,))
            self._titles[asset_id] = str(rows[0][0]) if rows else asset_id
        return self._titles[asset_id]


def _with_summary(report: SuspectReport, names: dict[str, str]) -> SuspectReport:
    if report.accused:
        best = report.candidates[0]
        who = ", ".join(names.get(p, p) for p in report.accused)
        text = f"named {who}: odds {odds_words(best.p_false)} that an innocent recipient matches"
        if best.method == "blind payload":
            text += " (read from the blind payload)"
    elif report.near_miss is not None:
        miss = report.near_miss
        text = (
            f"likely {miss.party_name or miss.party_id}, not proven: odds "
            f"{odds_words(miss.p_false)}; trace another copy"
        )
    elif report.verdict == "unknown asset":
        text = "shows no asset in this vault"
    elif not report.candidates:
        text = "no previews of this asset were issued, so there is nobody to test"
    else:
        text = "no confident match: nobody scores clearly above chance"
    return replace(report, summary=text)
