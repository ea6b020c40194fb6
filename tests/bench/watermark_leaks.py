"""Realistic leaks traced through a real vault, with near-duplicate assets imported beside them.

Photos, flat graphics, text documents and a two-page PDF are imported into a vault, previews
are issued to 20 recipients each (`preview export`, default size), and one recipient's preview
per asset and attack family is attacked as leakers do (see watermark_attacks.REALISTIC). Every
suspect is traced twice: in the vault as it is, and after importing two unshared near-duplicates
of every asset (a burst frame and an alternate cut). Never-marked copies of each asset, attacked
the same way, must name nobody.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from leaks import REALISTIC, document_page, near_duplicates, product_shot, social_repost
from PIL import Image
from sealroom_access import allow_copies
from skimage import data

os.environ.setdefault("SEALROOM_INSECURE_TEST_KDF", "1")

from sealroom.vault.access.grants import grant_access
from sealroom.vault.assets import catalog as assets
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares, trace
from sealroom.vault.session import Vault

RECIPIENTS = 20
NEVER_MARKED_ATTACKS = ("social re-post 1080/q75", "story frame 1170x2532", "screen photo")


def _camera_size(image: np.ndarray, side: int, rng: np.random.Generator) -> np.ndarray:
    """Upscale a small sample photo to camera size, with sensor grain so it is not smooth."""
    factor = side / max(image.shape[:2])
    big = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    grain = rng.normal(0, 2.5, big.shape[:2])[..., None]
    return np.clip(np.rint(big + grain), 0, 255).astype(np.uint8)


def logo_sheet() -> np.ndarray:
    logo = data.logo()
    alpha = logo[..., 3:4].astype(np.float32) / 255.0
    flat = logo[..., :3].astype(np.float32) * alpha + 255.0 * (1 - alpha)
    flat = cv2.resize(flat, (1500, 1500), interpolation=cv2.INTER_CUBIC)
    return np.clip(np.rint(flat), 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class Asset:
    name: str
    kind: str
    pages: list[np.ndarray]


def contents() -> list[Asset]:
    rng = np.random.default_rng(11)
    left, right, _ = data.stereo_motorcycle()
    photos = [
        ("astronaut", data.astronaut()),
        ("coffee", data.coffee()),
        ("chelsea", data.chelsea()),
        ("rocket", data.rocket()),
        ("motorcycle", left),
    ]
    out = [Asset(n, "photo", [_camera_size(p, 2400, rng)]) for n, p in photos]
    out.append(Asset("product shot", "flat graphic", [product_shot(3)]))
    out.append(Asset("logo sheet", "flat graphic", [logo_sheet()]))
    out.append(Asset("term sheet", "document", [document_page(1)]))
    out.append(Asset("price list", "document", [document_page(2)]))
    out.append(Asset("deck (pdf)", "pdf page", [document_page(5), document_page(6)]))
    del right
    return out


def _save(pixels: np.ndarray, path: Path) -> Path:
    Image.fromarray(pixels).save(path)
    return path


def _import(vault: Vault, asset: Asset, folder: Path, suffix: str = "") -> str:
    if len(asset.pages) == 1:
        path = _save(asset.pages[0], folder / f"{asset.name}{suffix}.png")
    else:
        path = folder / f"{asset.name}{suffix}.pdf"
        path.write_bytes(previews.encode_pdf(asset.pages))
    return assets.import_file(vault, path, title=asset.name + suffix).id


@dataclass
class Suspect:
    path: Path
    kind: str
    family: str
    leaker: str | None
    asset_id: str


@dataclass
class Outcome:
    named: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    innocents: int = 0
    near_misses: int = 0
    seconds: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def build(vault: Vault, folder: Path, say: Callable[[str], None]) -> list[Suspect]:
    rng = np.random.default_rng(2025)
    people = [
        parties.add_party(vault, f"Recipient {i:02d}", "brand", organisation=f"Org {i}").id
        for i in range(RECIPIENTS)
    ]
    for person in people:
        allow_copies(vault, person)
    suspects: list[Suspect] = []
    for number, asset in enumerate(contents()):
        say(f"issuing previews of {asset.name}")
        asset_id = _import(vault, asset, folder)
        leakers = {people[(number * 7 + i * 3) % RECIPIENTS] for i in range(len(REALISTIC))}
        leakers.add(people[number])
        issued: dict[str, list[np.ndarray]] = {}
        for person in people:
            # The leakers' previews are kept lossless; the others only need to exist (JPEG is
            # quicker to write), since every share is tested whatever its file became.
            out = folder / f"prev-{asset_id}-{person}.{'png' if person in leakers else 'jpg'}"
            grant_access(vault, person, asset_id=asset_id)
            _, files = shares.export_preview(vault, asset_id, person, out)
            if person in leakers:
                issued[person] = [np.asarray(Image.open(f).convert("RGB")) for f in files]
        for index, (family, attack) in enumerate(REALISTIC.items()):
            leaker = people[(number * 7 + index * 3) % RECIPIENTS]
            page = issued[leaker][-1]  # the last page: page 2 of the PDF
            path = _save(attack(page, rng), folder / f"leak-{asset_id}-{index}.png")
            suspects.append(Suspect(path, asset.kind, family, leaker, asset_id))
        for family in NEVER_MARKED_ATTACKS:
            clean = REALISTIC[family](asset.pages[-1], rng)
            path = _save(clean, folder / f"clean-{asset_id}-{family[:6]}.png")
            suspects.append(Suspect(path, asset.kind, "never marked: " + family, None, asset_id))
        if len(asset.pages) > 1:  # the whole preview PDF, re-posted page by page
            preview = issued[people[number]]
            pdf = folder / f"leak-{asset_id}-whole.pdf"
            pdf.write_bytes(previews.encode_pdf([social_repost(p, rng) for p in preview]))
            suspects.append(
                Suspect(pdf, asset.kind, "whole PDF re-posted", people[number], asset_id)
            )
    return suspects


def add_near_duplicates(vault: Vault, folder: Path) -> None:
    rng = np.random.default_rng(77)
    for asset in contents():
        for n, variant in enumerate(
            zip(*(near_duplicates(p, rng) for p in asset.pages), strict=True)
        ):
            _import(vault, Asset(asset.name, asset.kind, list(variant)), folder, f" alt{n}")


def run_traces(vault: Vault, suspects: list[Suspect]) -> Outcome:
    outcome = Outcome()
    for suspect in suspects:
        start = time.perf_counter()
        (report,) = trace.trace_files(vault, [suspect.path])
        outcome.seconds.append(time.perf_counter() - start)
        innocent = [p for p in report.accused if p != suspect.leaker]
        outcome.innocents += len(innocent)
        if suspect.leaker is None:
            outcome.named[("never marked (nobody named)", suspect.kind)][0] += int(
                not report.accused
            )
            outcome.named[("never marked (nobody named)", suspect.kind)][1] += 1
            continue
        hit = suspect.leaker in report.accused
        outcome.named[(suspect.family, suspect.kind)][0] += int(hit)
        outcome.named[(suspect.family, suspect.kind)][1] += 1
        if not hit:
            outcome.missed.append(f"{suspect.kind}/{suspect.family}: {report.verdict}")
            if getattr(report, "near_miss", None):
                outcome.near_misses += 1
    return outcome


def run(say: Callable[[str], None]) -> tuple[Outcome, Outcome]:
    with tempfile.TemporaryDirectory(prefix="sealroom-leaks-") as tmp:
        folder = Path(tmp)
        vault = Vault.create(folder / "leaks.sealroom", "owner", "bench password")
        try:
            suspects = build(vault, folder, say)
            say(f"tracing {len(suspects)} suspects")
            plain = run_traces(vault, suspects)
            say("importing near-duplicates and tracing again")
            add_near_duplicates(vault, folder)
            trace.trace_files(vault, [suspects[0].path])  # indexes the new assets once
            crowded = run_traces(vault, suspects)
        finally:
            vault.lock()
    return plain, crowded


def report(plain: Outcome, crowded: Outcome) -> str:
    families = list(dict.fromkeys(f for f, _ in plain.named))
    kinds = list(dict.fromkeys(k for _, k in plain.named))
    lines = [
        f"{'realistic leak (named %)':<30}"
        + "".join(f"{k:>14}" for k in kinds)
        + f"{'all':>12}{'+near-dups':>12}"
    ]
    for family in families:
        cells = []
        for kind in kinds:
            hit = plain.named.get((family, kind))
            cells.append(f"{hit[0]}/{hit[1]}" if hit else "-")
        total = [sum(v[i] for (f, _), v in plain.named.items() if f == family) for i in (0, 1)]
        crowd = [sum(v[i] for (f, _), v in crowded.named.items() if f == family) for i in (0, 1)]
        lines.append(
            f"{family:<30}"
            + "".join(f"{c:>14}" for c in cells)
            + f"{100 * total[0] / total[1]:>11.0f}%{100 * crowd[0] / crowd[1]:>11.0f}%"
        )
    for name, outcome in (("vault as is", plain), ("with near-duplicates", crowded)):
        singles = [v for (f, _), v in outcome.named.items() if not f.startswith("never")]
        named, total = sum(v[0] for v in singles), sum(v[1] for v in singles)
        lines.append(
            f"{name}: single leaks named {named}/{total} ({100 * named / total:.1f}%), "
            f"innocents accused {outcome.innocents}, near misses reported among the missed "
            f"{outcome.near_misses}/{total - named}, "
            f"median trace {np.median(outcome.seconds):.2f} s"
        )
    lines.append("missed with near-duplicates: " + "; ".join(crowded.missed))
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    started = time.perf_counter()
    results = run(lambda s: print(f"[{time.perf_counter() - started:5.0f}s] {s}", file=sys.stderr))
    print(report(*results))
