"""Watermark benchmark: Sealroom's fingerprint vs the PyPI peers on the same images and attacks,
then realistic leaks (feed re-posts, story screenshots, screen photos, crops, stickers, turns,
mirrors, filters, re-compression) traced through a real vault with near-duplicate assets
(watermark_leaks.py; skip that part with --no-leaks).

Run with `make bench-watermark`. Every method marks the same previews with a 64-bit share number
for one of 1,000 recipients; each suspect is registered onto the original before any extractor
runs (the peers get that help too). A peer names a recipient when the extracted 64 bits lie
within Hamming distance 8 of exactly that recipient's number (P(random <= 8) * 1000 < 1e-6).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable

import cv2
import numpy as np
import watermark_capacity
import watermark_leaks
import watermark_versions
from skimage import data, metrics
from watermark_attacks import BLIND, COLLUSION, NEVER_MARKED, SINGLE, jpeg, resize
from watermark_peers_client import PEERS, PeerError, PeerWorker, start_peers

from sealroom.crypto.watermark import (
    AssetIndex,
    base_preview,
    embed_fingerprint,
    index_entry,
    read_blind_payload,
    trace_image,
)
from sealroom.crypto.watermark.blind import carries_blind_layer
from sealroom.crypto.watermark.detect import TraceResult, read_suspect
from sealroom.crypto.watermark.hypotheses import Trial, run_trials
from sealroom.crypto.watermark.register import register

KEY = bytes.fromhex("5e" * 32)
RECIPIENTS = 1000
BLIND_TRIALS = 6  # per camera-sized image and blind attack
TRIALS = 2  # per image and single attack (peers: PEER_TRIALS); collusion: one per image
PEER_TRIALS = 1
BITS_RADIUS = 8
SLOW_PEER_MAX_PIXELS = 400_000  # blind-watermark takes ~4 s/MP per embed: small images only
METHODS = ("sealroom", *PEERS)


def images() -> list[tuple[str, np.ndarray]]:
    out = [
        (n, np.ascontiguousarray(getattr(data, n)()))
        for n in ("astronaut", "coffee", "chelsea", "rocket")
    ]
    for name, side in (("astronaut", 3000), ("coffee", 4000)):
        small = getattr(data, name)()
        factor = side / max(small.shape[:2])
        out.append(
            (
                f"{name} {side}px",
                cv2.resize(small, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC),
            )
        )
    return out


def bits_of(payload: int) -> list[int]:
    return [(payload >> (63 - i)) & 1 for i in range(64)]


def name_by_bits(bits: list[int], table: np.ndarray) -> int | None:
    distance = np.count_nonzero(table != np.array(bits, np.uint8)[None, :], axis=1)
    best = int(np.argmin(distance))
    return best if distance[best] <= BITS_RADIUS else None


def registered(suspect: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """The suspect warped onto the reference grid (the help every method gets)."""
    found = register(suspect, reference)
    h, w = reference.shape[:2]
    if found is None:
        return cv2.resize(suspect, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.warpPerspective(
        suspect, found.matrix(), (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    )


class Tally:
    def __init__(self) -> None:
        self.hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.innocents: dict[str, int] = defaultdict(int)
        self.times: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.quality: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.null_p: list[float] = []
        self.empty_traces = 0
        self.wrong_reads = 0

    def add(self, row: str, method: str, ok: bool) -> None:
        self.hits[(row, method)][0] += int(ok)
        self.hits[(row, method)][1] += 1


def run_method(
    method: str,
    worker: PeerWorker | None,
    tally: Tally,
    payloads: list[int],
    table: np.ndarray,
    reference: np.ndarray,
    rng: np.random.Generator,
) -> None:
    mp = reference.shape[0] * reference.shape[1] / 1e6
    colluders = max(k for k, _ in COLLUSION.values())

    def mark(i: int) -> np.ndarray:
        start = time.perf_counter()
        if method == "sealroom":
            out = embed_fingerprint(reference, key=KEY, payload=payloads[i])
        else:
            assert worker is not None
            out = worker.embed(method, reference, bits_of(payloads[i]))
        tally.times[("embed s/MP", method)].append((time.perf_counter() - start) / mp)
        return out

    last: list[TraceResult] = []

    def accuse(suspect: np.ndarray) -> set[int]:
        start = time.perf_counter()
        if method == "sealroom":
            result = trace_image(suspect, reference, key=KEY, payloads=payloads)
            named = {payloads.index(p) for p in result.accused}
            last.append(result)
        else:
            assert worker is not None
            try:
                bits = worker.extract(method, registered(suspect, reference), 64)
            except PeerError:
                bits = []
            found = name_by_bits(bits, table) if len(bits) == 64 else None
            named = set() if found is None else {found}
        tally.times[("trace s/MP", method)].append(
            (time.perf_counter() - start) / (suspect.shape[0] * suspect.shape[1] / 1e6)
        )
        return named

    copies = [mark(i) for i in range(colluders)]
    tally.quality[("PSNR dB", method)].append(metrics.peak_signal_noise_ratio(reference, copies[0]))
    tally.quality[("SSIM", method)].append(
        metrics.structural_similarity(reference, copies[0], channel_axis=2)
    )
    for row, attack in SINGLE.items():
        for trial in range(TRIALS if method == "sealroom" else PEER_TRIALS):
            suspect = attack(copies[trial], rng)
            named = accuse(suspect)
            tally.add(row, method, trial in named)
            tally.innocents[method] += len(named - {trial})
    if method == "sealroom" and carries_blind_layer(*reference.shape[:2]):
        for row in BLIND:
            for trial in range(BLIND_TRIALS):
                read = read_blind_payload(SINGLE[row](copies[trial], rng), key=KEY)
                tally.add(f"blind (>=1 MP): {row}", method, read == payloads[trial])
                tally.wrong_reads += int(read is not None and read != payloads[trial])
    size = ">=1 MP" if carries_blind_layer(*reference.shape[:2]) else "<1 MP"
    for row, (count, attack) in COLLUSION.items():
        named = accuse(attack(_average(copies[:count])))
        tally.add(f"{row} ({size}): all named", method, named >= set(range(count)))
        tally.add(f"{row} ({size}): one named", method, bool(named & set(range(count))))
        tally.innocents[method] += len(named - set(range(count)))
    for row, attack in NEVER_MARKED.items():
        named = accuse(attack(reference, rng))
        tally.add(row + " (nobody)", method, not named)
        tally.innocents[method] += len(named)
        if method != "sealroom":
            continue
        if last[-1].candidates[0].score != 0.0:
            tally.null_p.extend(c.p_single for c in last[-1].candidates)
        else:
            tally.empty_traces += 1  # an exact copy of the reference: no evidence at all


def _average(copies: list[np.ndarray]) -> np.ndarray:
    return np.rint(np.mean(np.stack(copies), axis=0)).astype(np.uint8)


def speed_scenario(pictures: list[tuple[str, np.ndarray]], payloads: list[int]) -> dict[str, float]:
    """A 2 MP suspect traced end to end: asset search (1,000 assets), registration, 1,000 shares."""
    rng = np.random.default_rng(7)
    index = AssetIndex()
    for name, picture in pictures:
        if any(other.startswith(name + " ") for other, _ in pictures):
            continue  # its camera-sized version is indexed; both would be true matches
        index.add(name, base_preview(picture))
    while len(index) < 1000:  # stand-ins for the rest of a vault: textured synthetic pictures
        noise = rng.normal(0, 1, (60, 80, 3)).astype(np.float32)
        smooth = cv2.resize(noise, (400, 300), interpolation=cv2.INTER_CUBIC)
        index.add_entry(
            index_entry(
                f"synthetic {len(index)}", np.clip(smooth * 60 + 128, 0, 255).astype(np.uint8)
            )
        )
    name, picture = pictures[-1]
    reference = base_preview(picture)
    suspect = jpeg(resize(embed_fingerprint(reference, key=KEY, payload=payloads[3]), 0.85), 85)
    start = time.perf_counter()
    index.find_all(suspect)  # builds the lookup once, as a running vault would keep it
    build = time.perf_counter() - start
    start = time.perf_counter()
    matches = index.find_all(suspect)
    found = time.perf_counter()
    # As the vault traces: every candidate asset of the search that is this one is registered
    # from the search's geometry and all 1,000 shares are scored, odds corrected for all.
    # (The index here holds the base previews themselves, so the search's geometry is already
    # on the reference grid.)
    hints = [
        (np.array(m.homography).reshape(3, 3), m.inliers)
        for m in matches
        if m.asset_key == name
    ]
    trials = [
        Trial(0, r.evidence, tuple(payloads)) for r in read_suspect(suspect, reference, hints)
    ]
    verdict = run_trials(trials, KEY)
    done = time.perf_counter()
    correct = bool(matches) and matches[0].asset_key == name
    correct = correct and [f.payload for f in verdict.named] == [payloads[3]]
    return {
        "correct": float(correct),
        "suspect MP": suspect.shape[0] * suspect.shape[1] / 1e6,
        "index build s": build - (found - start),
        "asset search s": found - start,
        "register+score s": done - found,
        "total s": done - start,
    }


def main() -> None:
    started = time.perf_counter()
    payloads = [
        int(v) for v in np.random.default_rng(2024).integers(0, 2**63, RECIPIENTS, dtype=np.int64)
    ]
    table = np.array([bits_of(p) for p in payloads], np.uint8)
    worker = start_peers()
    pictures = images()
    speed = speed_scenario(pictures, payloads)
    tally = Tally()
    for index, (name, picture) in enumerate(pictures):
        reference = base_preview(picture)
        print(
            f"[{time.perf_counter() - started:6.0f}s] {name} {reference.shape[1]}x"
            f"{reference.shape[0]}",
            file=sys.stderr,
        )
        for method in METHODS:
            if method != "sealroom" and worker is None:
                continue
            if (
                method == "blind-watermark"
                and reference.shape[0] * reference.shape[1] > SLOW_PEER_MAX_PIXELS
            ):
                continue
            run_method(
                method, worker, tally, payloads, table, reference, np.random.default_rng(index)
            )
    if worker is not None:
        worker.close()
    print_table(tally, speed, time.perf_counter() - started)
    print("\nSmall previews, what the strength allows (tests/bench/watermark_capacity.py):")
    print("\n".join(watermark_capacity.rows(pictures, KEY, payloads)), flush=True)
    print("\nMark versions (tests/bench/watermark_versions.py):")
    print("\n".join(watermark_versions.rows(KEY)), flush=True)
    if "--no-leaks" not in sys.argv:
        print("\nRealistic leaks through a vault (tests/bench/watermark_leaks.py):", flush=True)
        print(watermark_leaks.report(*watermark_leaks.run(progress)))
    print(f"whole benchmark took {(time.perf_counter() - started) / 60:.1f} min")


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _row_order(rows: list[str]) -> list[str]:
    """Single attacks, blind reads, collusion (both preview sizes of an attack together), then
    never-marked copies; each in the order first met."""

    def category(row: str) -> int:
        if row.startswith("blind"):
            return 1
        if row.startswith("avg "):
            return 2
        return 3 if row.endswith("(nobody)") else 0

    def base(row: str) -> str:
        return row.replace(" (<1 MP)", "").replace(" (>=1 MP)", "")

    bases = list(dict.fromkeys(base(r) for r in rows))
    return sorted(rows, key=lambda r: (category(r), bases.index(base(r))))


def print_table(tally: Tally, speed: dict[str, float], elapsed: float) -> None:
    fmt: Callable[[str], str] = lambda s: f"{s:>20}"  # noqa: E731
    print("\n" + f"{'metric / attack':<40}" + "".join(fmt(m) for m in METHODS))
    for key in ("PSNR dB", "SSIM"):
        cells = []
        for m in METHODS:
            v = tally.quality.get((key, m))
            cells.append(fmt(f"{np.mean(v):.3f} (min {np.min(v):.3f})" if v else "-"))
        print(f"{key:<40}" + "".join(cells))
    for key in ("embed s/MP", "trace s/MP"):
        print(
            f"{key:<40}"
            + "".join(
                fmt(f"{np.median(tally.times[(key, m)]):.3f}")
                if tally.times.get((key, m))
                else fmt("-")
                for m in METHODS
            )
        )
    rows = _row_order(list(dict.fromkeys(r for r, _ in tally.hits)))
    for row in rows:
        cells = []
        for m in METHODS:
            hit = tally.hits.get((row, m))
            cells.append(
                fmt(f"{100 * hit[0] / hit[1]:.0f}% ({hit[0]}/{hit[1]})") if hit else fmt("-")
            )
        print(f"{row:<40}" + "".join(cells))
    print(
        f"{'innocents accused (whole run)':<40}"
        + "".join(fmt(str(tally.innocents.get(m, "-"))) for m in METHODS)
    )
    null = np.array(tally.null_p)
    if null.size:
        parts = [
            f"p<{level:g}: {int(np.count_nonzero(null < level))} observed, "
            f"{null.size * level:.1f} expected"
            for level in (1e-1, 1e-2, 1e-3, 1e-4)
        ]
        print(
            f"\ncalibration, {null.size} innocent scores on never-marked images "
            f"({tally.empty_traces} exact copies without any evidence left out): "
            + "; ".join(parts)
        )
    print(f"blind reader: {tally.wrong_reads} wrong share numbers read")
    print(
        "\nend-to-end trace, 2 MP suspect, 1,000 assets, 1,000 recipients: "
        + ", ".join(f"{k} {v:.2f}" for k, v in speed.items())
    )
    print(
        f"trials: {TRIALS} per image per single attack ({PEER_TRIALS} for peers), "
        "1 per image per collusion row; "
        f"blind-watermark on previews <= {SLOW_PEER_MAX_PIXELS / 1e6:.1f} MP only; "
        f"benchmark took {elapsed / 60:.1f} min"
    )


if __name__ == "__main__":
    main()
