"""Which asset: find the original a suspect image came from among every asset in a vault.

Each asset is summarised once (`index_entry`) by a 64-bit perceptual hash and a few hundred ORB
features; the vault stores the entries as bytes. A query is filtered two ways, by the hash (whole,
possibly mirrored copies) and by descriptor votes through small locality-sensitive hash tables
(crops and pictures pasted into screenshots, which change the whole-image hash). The few best
candidates are then confirmed by feature matching with a RANSAC homography. Pictures too plain
for features are found by their thumbnail (thumbs.py), and cut-outs of text pages by their
layout (layout.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from .entry import IndexEntry
from .imaging import U8, check_rgb
from .layout import SIBLING_MATCH, layout_image, relative_placement, search_layouts
from .orient import dihedral
from .register import gray_of, match_homography, orb_features, shrink, shrink_matrix
from .thumbs import ThumbTable, standardised, thumbnail

ENTRY_SIDE = 800
ENTRY_FEATURES = 800
QUERY_PIXELS = 1_600_000
"""The suspect is searched at up to this size: a tall phone screenshot keeps its detail."""
QUERY_FEATURES = 3000
SHORTLIST = 8
HASH_RADIUS = 10
MIN_INLIERS = 15
CONVINCING_INLIERS = 30
"""Below this a feature match may be chance (the repeated glyphs of a cut-out text page fit
some texture in a large vault), so the layout is searched as well."""
AMBIGUOUS = 0.35
_TABLES = 8
_KEY_BITS = 16
LAYOUT_CANDIDATES = 4
"""Most pictures proposed by layout alone (a crop of a text page) for each suspect."""
SIBLING_SOURCES = 3
SIBLING_HASH_RADIUS = 12
SIBLING_THUMB_MATCH = 0.9
SIBLING_THUMB_LOOSE = 0.7
SIBLING_LAYOUT_MATCH = 0.62
MAX_MATCHES = 8
"""Most candidate entries returned by find_all (near-duplicates of each other included)."""
VOTE_DEPTH = 3
"""Testable entries are looked for among the VOTE_DEPTH * SHORTLIST most voted."""


@dataclass(frozen=True)
class AssetMatch:
    asset_key: str
    inliers: int
    mirrored: bool
    homography: tuple[float, ...]
    """Row-major 3x3 matrix mapping suspect pixels to the asset image's pixels."""
    hash_distance: int
    by_layout: bool = False
    """Placed by layout alone: a proposal that registration must confirm (see layout.py)."""


def perceptual_hash(gray: NDArray[np.uint8]) -> int:
    """64-bit DCT hash: signs of the lowest 8x8 frequencies against their median."""
    small = cv2.resize(gray, (32, 32), interpolation=cv2.INTER_AREA).astype(np.float32)
    low = cv2.dct(small)[:8, :8].ravel()
    bits = low > np.median(low[1:])
    return int(sum(1 << i for i, b in enumerate(bits) if b))


def index_entry(asset_key: str, image: U8) -> IndexEntry:
    """Summarise one asset image (or rendered PDF page) for the index."""
    pixels = check_rgb(image)
    gray, scale = shrink(gray_of(pixels), ENTRY_SIDE)
    points, descriptors = orb_features(gray, ENTRY_FEATURES)
    return IndexEntry(
        asset_key,
        pixels.shape[1],
        pixels.shape[0],
        perceptual_hash(gray),
        scale,
        points,
        descriptors,
        thumbnail(gray),
        layout_image(gray),
    )


def alike(a: IndexEntry, b: IndexEntry) -> bool:
    """Whether two entries look like near-duplicates (same picture, slightly changed)."""
    return _sibling_geometry(a, b) is not None


def _sibling_geometry(a: IndexEntry, b: IndexEntry) -> NDArray[np.float64] | None:
    """Asset pixels of `a` -> those of its near-duplicate `b`, or None if they are not alike.

    Placed by layout when both have one (a burst frame is shifted and zoomed, a cut is tighter),
    else the same framing is assumed.
    """
    if abs((a.width / a.height) / (b.width / b.height) - 1.0) > 0.15:
        return None
    hashed = bin(a.phash ^ b.phash).count("1") <= SIBLING_HASH_RADIUS
    likeness = -1.0
    if not hashed and a.thumb is not None and b.thumb is not None:
        x, y = (standardised(t.astype(np.float64).ravel()) for t in (a.thumb, b.thumb))
        likeness = float(x @ y) / x.size
    if not hashed and likeness < SIBLING_THUMB_LOOSE:
        return None  # the common case, decided without placing layouts
    placed = None
    if a.layout is not None and b.layout is not None:
        placed = relative_placement(a.layout, b.layout)
    # A tighter cut of a text page changes its thumbnail more than two different pages of one
    # template differ: the layouts, placed one in the other, tell them apart.
    confirmed = placed is not None and placed[1] >= SIBLING_LAYOUT_MATCH
    if not hashed and likeness < SIBLING_THUMB_MATCH and not confirmed:
        return None
    same: NDArray[np.float64] = np.diag([b.width / a.width, b.height / a.height, 1.0])
    if placed is None or placed[1] < SIBLING_MATCH:
        return same
    assert a.layout is not None and b.layout is not None
    into = shrink_matrix((a.height, a.width), a.layout.shape)
    out_of = np.linalg.inv(shrink_matrix((b.height, b.width), b.layout.shape))
    h: NDArray[np.float64] = out_of @ placed[0] @ into
    return h


_BIT_PICKS = np.random.Generator(np.random.PCG64(0x51DE)).permutation(256 * _TABLES) % 256


def _lsh_keys(descriptors: NDArray[np.uint8]) -> NDArray[np.int64]:
    """[tables, n] keys, each made of 16 descriptor bits picked by a fixed table."""
    picks = _BIT_PICKS[: _TABLES * _KEY_BITS].reshape(_TABLES, _KEY_BITS)
    keys = np.zeros((_TABLES, len(descriptors)), np.int64)
    for table, positions in enumerate(picks):
        for order, position in enumerate(positions.tolist()):
            column = descriptors[:, position // 8] >> (7 - position % 8)
            keys[table] |= (column & 1).astype(np.int64) << order
    return keys


@dataclass
class _Lookup:
    sorted_keys: NDArray[np.int64]
    owners: NDArray[np.int64]
    sizes: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))


class AssetIndex:
    """In-memory index; rebuild it from the stored entries with `AssetIndex(entries)`."""

    def __init__(self, entries: Iterable[IndexEntry] = ()) -> None:
        self._entries: list[IndexEntry] = []
        self._lookup: _Lookup | None = None
        self._thumbs: ThumbTable | None = None
        for entry in entries:
            self.add_entry(entry)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[IndexEntry, ...]:
        return tuple(self._entries)

    def add(self, asset_key: str, image: U8) -> IndexEntry:
        entry = index_entry(asset_key, image)
        self.add_entry(entry)
        return entry

    def add_entry(self, entry: IndexEntry) -> None:
        self._entries.append(entry)
        self._lookup = None
        self._thumbs = None

    def _built(self) -> _Lookup:
        if self._lookup is None:
            sizes = np.array([len(e.descriptors) for e in self._entries], np.int64)
            owners = np.repeat(np.arange(len(self._entries)), sizes)
            allowed = [e.descriptors for e in self._entries if len(e.descriptors)]
            stacked = np.concatenate(allowed) if allowed else np.zeros((0, 32), np.uint8)
            keys = _lsh_keys(stacked) + (np.arange(_TABLES, dtype=np.int64)[:, None] << _KEY_BITS)
            flat, flat_owners = keys.ravel(), np.tile(owners, _TABLES)
            order = np.argsort(flat, kind="stable")
            self._lookup = _Lookup(flat[order], flat_owners[order], sizes)
        return self._lookup

    def _votes(self, descriptors: NDArray[np.uint8]) -> NDArray[np.float64]:
        lookup = self._built()
        keys = (
            _lsh_keys(descriptors) + (np.arange(_TABLES, dtype=np.int64)[:, None] << _KEY_BITS)
        ).ravel()
        lo = np.searchsorted(lookup.sorted_keys, keys, "left")
        hi = np.searchsorted(lookup.sorted_keys, keys, "right")
        counts = hi - lo
        starts = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        votes = np.bincount(lookup.owners[starts], minlength=len(self._entries)).astype(np.float64)
        chance = len(keys) * lookup.sizes / float(1 << _KEY_BITS)
        return (votes - chance) / np.sqrt(chance + 1.0)

    def find(self, suspect: U8) -> AssetMatch | None:
        """The asset `suspect` shows (whole, cropped, mirrored or inside a screenshot), or None.

        Placements by layout alone are not answers here: they are proposals for the tracer.
        """
        return next((m for m in self.find_all(suspect) if not m.by_layout), None)

    def find_all(
        self,
        suspect: U8,
        limit: int = MAX_MATCHES,
        testable: Callable[[str], bool] | None = None,
    ) -> list[AssetMatch]:
        """Every entry `suspect` may show, most matched features first.

        Near-duplicates (a burst frame, an alternate cut) all match: each is returned so that
        the tracer tests them all. An entry whose features match in both mirror senses is
        returned once per sense when the weaker is not clearly worse (a symmetric subject).
        Featureless pictures (flat graphics, pages with a visible mark over them) are found
        by their thumbnail in each of the 8 orientations.

        `testable` says which entries the caller can test (an asset page with shares). Every
        bounded step keeps its best entries and then as many testable ones again, so entries
        that cannot be tested (near-duplicates nobody received) are listed but never take the
        place of one that can.
        """
        pixels = check_rgb(suspect, "suspect")
        if not self._entries:
            return []
        keys = [e.asset_key for e in self._entries]
        can_test = (lambda i: testable(keys[i])) if testable is not None else (lambda i: True)
        full = gray_of(pixels)
        scale = min(1.0, math.sqrt(QUERY_PIXELS / full.size))
        gray, scale = shrink(full, round(max(full.shape) * scale))
        views = []
        for mirrored in (False, True):
            view = np.ascontiguousarray(gray[:, ::-1]) if mirrored else gray
            points, descriptors = orb_features(view, QUERY_FEATURES)
            views.append((mirrored, perceptual_hash(view), points, descriptors))
        distances = np.array(
            [[bin(v[1] ^ e.phash).count("1") for e in self._entries] for v in views]
        )
        near = np.min(distances, axis=0)
        votes = sum(self._votes(v[3]) for v in views if len(v[3]))
        by_hash = [int(i) for i in np.argsort(near, kind="stable") if near[i] <= HASH_RADIUS]
        shortlist = _first_of(by_hash, SHORTLIST, can_test)
        by_votes = np.argsort(-np.asarray(votes), kind="stable")[: VOTE_DEPTH * SHORTLIST]
        for i in _first_of((int(i) for i in by_votes), SHORTLIST, can_test):
            if i not in shortlist:
                shortlist.append(i)
        matches: list[AssetMatch] = []
        for i in shortlist:
            entry = self._entries[i]
            per_entry = []
            for mirrored, _, points, descriptors in views:
                found = match_homography(points, descriptors, entry.points, entry.descriptors)
                if found is None or found[1] < MIN_INLIERS:
                    continue
                per_entry.append(
                    AssetMatch(
                        entry.asset_key,
                        found[1],
                        mirrored,
                        _to_asset(found[0], full.shape, gray.shape, entry, mirrored),
                        int(distances[int(mirrored), i]),
                    )
                )
            if per_entry:
                strongest = max(m.inliers for m in per_entry)
                matches.extend(m for m in per_entry if m.inliers >= AMBIGUOUS * strongest)
        matches.sort(key=lambda m: -m.inliers)
        matches.extend(self._siblings(matches))
        featured = any(m.inliers >= CONVINCING_INLIERS for m in matches)
        seen = {m.asset_key for m in matches}
        if len(seen) < limit:
            matches.extend(self._by_thumbnail(full, seen, limit - len(seen), can_test))
        if not featured:  # weak or thumbnail matches may be chance: place by layout too
            matches.extend(self._by_layout(full, min(LAYOUT_CANDIDATES, limit), can_test))
        head = matches[: limit * 2]
        if testable is None:
            return head
        return head + [m for m in matches[limit * 2 :] if testable(m.asset_key)]

    def _siblings(self, matches: list[AssetMatch]) -> list[AssetMatch]:
        """Near-duplicates of matched entries that did not match themselves (repetitive text,
        few features): tried with the matched entry's geometry, which registration refines."""
        matched = {m.asset_key for m in matches}
        by_key = {e.asset_key: e for e in self._entries}
        found: list[AssetMatch] = []
        for match in matches[:SIBLING_SOURCES]:
            source = by_key[match.asset_key]
            for entry in self._entries:
                if entry.asset_key in matched:
                    continue
                between = _sibling_geometry(source, entry)
                if between is None:
                    continue
                matched.add(entry.asset_key)
                h = between @ np.array(match.homography).reshape(3, 3)
                found.append(
                    AssetMatch(
                        entry.asset_key,
                        0,
                        match.mirrored,
                        tuple(float(v) for v in (h / h[2, 2]).ravel()),
                        bin(source.phash ^ entry.phash).count("1"),
                    )
                )
        return found

    def _by_thumbnail(
        self,
        gray: NDArray[np.uint8],
        skip: set[str],
        limit: int,
        can_test: Callable[[int], bool],
    ) -> list[AssetMatch]:
        """Whole-picture matches by thumbnail in each proposed region and orientation, for
        pictures too plain for features (flat graphics, pages under a visible mark)."""
        if self._thumbs is None:
            self._thumbs = ThumbTable(
                [e.thumb for e in self._entries], [(e.width, e.height) for e in self._entries]
            )
        skipped = {i for i, e in enumerate(self._entries) if e.asset_key in skip}
        per_entry: dict[int, int] = {}
        kept: list[AssetMatch] = []
        results = self._thumbs.search(gray, skipped)
        entries = set(_first_of(dict.fromkeys(f.entry for f in results), limit, can_test))
        for found in results:
            seen = per_entry.get(found.entry, 0)
            if seen >= 2 or found.entry not in entries:
                continue  # at most two orientations of each entry, best first
            per_entry[found.entry] = seen + 1
            entry = self._entries[found.entry]
            k, region = found.orientation, found.region
            ow, oh = (entry.height, entry.width) if k % 2 else (entry.width, entry.height)
            to_region = np.diag([region.width / ow, region.height / oh, 1.0])
            h = np.linalg.inv(
                region.to_suspect @ to_region @ dihedral(k, entry.width, entry.height)
            )
            homography = tuple(float(v) for v in (h / h[2, 2]).ravel())
            kept.append(AssetMatch(entry.asset_key, 0, k >= 4, homography, 64))
        return kept

    def _by_layout(
        self, gray: NDArray[np.uint8], limit: int, can_test: Callable[[int], bool]
    ) -> list[AssetMatch]:
        """Cut-outs of pictures no feature matched convincingly (a crop of a text page), placed
        by layout."""
        placed = search_layouts(gray, [e.layout for e in self._entries])
        chosen = set(_first_of((found.entry for found in placed), limit, can_test))
        kept = []
        for found in (f for f in placed if f.entry in chosen):
            entry = self._entries[found.entry]
            assert entry.layout is not None
            lh, lw = entry.layout.shape
            h = shrink_matrix((lh, lw), (entry.height, entry.width)) @ found.to_picture
            homography = tuple(float(v) for v in h.ravel())
            kept.append(AssetMatch(entry.asset_key, 0, False, homography, 64, by_layout=True))
        return kept


def _first_of(order: Iterable[int], limit: int, can_test: Callable[[int], bool]) -> list[int]:
    """The first `limit` entries of `order`, then further testable ones until `limit` of
    those are in."""
    kept: list[int] = []
    testable = 0
    for entry in order:
        if len(kept) >= limit and testable >= limit:
            break
        usable = can_test(entry)
        if usable or len(kept) < limit:
            kept.append(entry)
            testable += usable
    return kept


def _to_asset(
    h: NDArray[np.float64],
    full: tuple[int, ...],
    query: tuple[int, ...],
    entry: IndexEntry,
    mirrored: bool,
) -> tuple[float, ...]:
    """Lift a homography between reduced images to suspect pixels -> asset pixels."""
    side = (round(entry.height * entry.scale), round(entry.width * entry.scale))
    lifted = np.linalg.inv(shrink_matrix((entry.height, entry.width), side)) @ h
    if mirrored:
        lifted = lifted @ np.array([[-1.0, 0.0, query[1] - 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    lifted = lifted @ shrink_matrix(full, query)
    return tuple(float(v) for v in (lifted / lifted[2, 2]).ravel())
