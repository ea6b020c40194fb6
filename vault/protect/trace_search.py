"""Turning one suspect picture into fingerprint trials: every asset it may show, every share.

The asset search returns every indexed asset page the suspect may show (near-duplicates
included, up to a bound). Each one with shares is registered at each preview size its shares
were issued at (and, on a text page, with each mark version they carry); every plausible
registration becomes a trial of those shares. Pages without
shares are only listed as considered. The blind payload is read first, so a suspect whose
original is gone (or cannot be found) can still be attributed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sealroom.crypto.watermark import MARK_VERSION, AssetIndex, base_preview, read_blind_payload
from sealroom.crypto.watermark.detect import Reading, read_suspect
from sealroom.crypto.watermark.hypotheses import Trial
from sealroom.crypto.watermark.imaging import luminance
from sealroom.crypto.watermark.index import AssetMatch
from sealroom.crypto.watermark.mask import adapts as mark_adapts
from sealroom.crypto.watermark.register import resize_matrix
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.shares import SHARE_COLUMNS, Share, asset_pages, list_shares
from sealroom.vault.protect.trace_index import parse_key
from sealroom.vault.session import Vault
from sealroom.vault.store import query


@dataclass(frozen=True)
class Considered:
    """An asset page the suspect may show, and what was done with it."""

    asset_id: str
    version: int
    page: int
    inliers: int
    shares: int
    """Shares of this asset version tested against the suspect (0: none were issued)."""
    registered: bool
    """Whether the suspect could be put onto the page's geometry."""
    proposed: bool = False
    """Found by layout alone (a crop of a text page): the asset only if its shares name someone."""


@dataclass(frozen=True)
class Reference:
    """One geometry shares were marked on: an asset page at one preview size."""

    asset_id: str
    version: int
    page: int
    max_side: int
    shares: dict[int, Share]
    mark_version: int = MARK_VERSION
    """The mark version the evidence is weighted for (the shares' own, where it matters)."""


def by_mark_version(shares: list[Share], reference: previews.RGB) -> dict[int, list[Share]]:
    """The shares of one preview geometry, by the mark version to read them with.

    The versions mark most pictures (every photo) identically, so their shares are read once;
    only on a page the versions mark differently is each version read with its own weights.
    """
    if len({s.mark_version for s in shares}) == 1:
        return {shares[0].mark_version: shares}
    if not mark_adapts(luminance(reference)):
        return {MARK_VERSION: shares}
    grouped: dict[int, list[Share]] = {}
    for share in shares:
        grouped.setdefault(share.mark_version, []).append(share)
    return grouped


class Searcher:
    """Finds trials for suspect pictures against one vault; caches decoded originals."""

    def __init__(self, vault: Vault, index: AssetIndex, keys: tuple[bytes, ...]) -> None:
        self._vault = vault
        self._index = index
        self._keys = keys
        self._pages: dict[tuple[str, int], list[previews.Page]] = {}
        self._shares: dict[str, list[Share]] = {}
        self._shared = {
            (str(a), int(v))
            for a, v in query(vault.conn, "SELECT DISTINCT asset_id, asset_version FROM shares")
        }
        self.references: list[Reference] = []
        self._reference_ids: dict[tuple[str, int, int, int, int], int] = {}

    def blind_share(self, pixels: previews.RGB) -> Share | None:
        """The share whose blind payload `pixels` carries, if a tag-verified one is read."""
        payload = next(
            (p for key in self._keys if (p := read_blind_payload(pixels, key=key)) is not None),
            None,
        )
        if payload is None:
            return None
        rows = query(
            self._vault.conn,
            f"SELECT {SHARE_COLUMNS} FROM shares WHERE mark_number = ?",
            (payload,),
        )
        return Share(*rows[0]) if rows else None

    def trials(
        self, pixels: previews.RGB
    ) -> tuple[list[Trial], list[dict[str, float]], list[Considered]]:
        """Trials for one picture, the alignment of each, and the asset pages considered."""
        matches = self._index.find_all(pixels, testable=self._has_shares)
        by_page: dict[tuple[str, int, int], list[AssetMatch]] = {}
        for match in matches:
            by_page.setdefault(parse_key(match.asset_key), []).append(match)
        trials: list[Trial] = []
        alignments: list[dict[str, float]] = []
        considered: list[Considered] = []
        for (asset_id, version, page), found in by_page.items():
            shares = [s for s in self._asset_shares(asset_id) if s.asset_version == version]
            inliers = max(m.inliers for m in found)
            proposed = all(m.by_layout for m in found)
            if not shares:
                if not proposed:
                    considered.append(Considered(asset_id, version, page, inliers, 0, False))
                continue
            original = self._page(asset_id, version, page)
            registered = False
            by_size: dict[int, list[Share]] = {}
            for share in shares:
                by_size.setdefault(share.max_side, []).append(share)
            for max_side, sized in by_size.items():
                reference = base_preview(original, max_side)
                fy = reference.shape[0] / original.shape[0]
                fx = reference.shape[1] / original.shape[1]
                to_reference = resize_matrix(fx, fy)
                hints = [
                    (to_reference @ np.array(m.homography).reshape(3, 3), m.inliers) for m in found
                ]
                for mark_version, group in by_mark_version(sized, reference).items():
                    number = self._reference(asset_id, version, page, max_side, mark_version, group)
                    payloads = tuple(s.mark_number for s in group)
                    for reading in read_suspect(pixels, reference, hints, mark_version):
                        registered = True
                        trials.append(Trial(number, reading.evidence, payloads))
                        alignments.append(_alignment(reading))
            if registered or not proposed:
                considered.append(
                    Considered(asset_id, version, page, inliers, len(shares), registered, proposed)
                )
        return trials, alignments, considered

    def _has_shares(self, asset_key: str) -> bool:
        asset_id, version, _ = parse_key(asset_key)
        return (asset_id, version) in self._shared

    def share_of(self, group: int, payload: int) -> Share:
        return self.references[group].shares[payload]

    def _reference(
        self,
        asset_id: str,
        version: int,
        page: int,
        max_side: int,
        mark_version: int,
        shares: list[Share],
    ) -> int:
        key = (asset_id, version, page, max_side, mark_version)
        if key not in self._reference_ids:
            self._reference_ids[key] = len(self.references)
            self.references.append(
                Reference(
                    asset_id,
                    version,
                    page,
                    max_side,
                    {s.mark_number: s for s in shares},
                    mark_version,
                )
            )
        return self._reference_ids[key]

    def _asset_shares(self, asset_id: str) -> list[Share]:
        if asset_id not in self._shares:
            self._shares[asset_id] = list_shares(self._vault, asset_id)
        return self._shares[asset_id]

    def _page(self, asset_id: str, version: int, page: int) -> previews.RGB:
        if (asset_id, version) not in self._pages:
            self._pages[(asset_id, version)] = asset_pages(self._vault, asset_id, version)
        return self._pages[(asset_id, version)][page - 1].pixels


def _alignment(reading: Reading) -> dict[str, float]:
    found = reading.registration
    return {
        "inliers": float(found.inliers if found else 0),
        "correlation": round(found.ecc_correlation if found else 0.0, 4),
        "mirrored": float(found.mirrored if found else 0),
        "coverage": round(reading.coverage, 4),
    }
