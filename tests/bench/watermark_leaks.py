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
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from skimage import data
from watermark_attacks import REALISTIC, social_repost

os.environ.setdefault("SEALROOM_INSECURE_TEST_KDF", "1")

from sealroom.vault import assets, parties, previews, shares, trace
from sealroom.vault.session import Vault

RECIPIENTS = 20
NEVER_MARKED_ATTACKS = ("social re-post 1080/q75", "story frame 1170x2532", "screen photo")
_WORDS = [
    "agreement",
    "embargo",
    "release",
    "campaign",
    "partner",
    "deliverable",
    "exclusive",
    "territory",
    "term",
    "fee",
    "licence",
    "usage",
    "rights",
    "approval",
    "schedule",
    "launch",
    "confidential",
    "brand",
    "creator",
    "content",
]


def _camera_size(image: np.ndarray, side: int, rng: np.random.Generator) -> np.ndarray:
    """Upscale a small sample photo to camera size, with sensor grain so it is not smooth."""
    factor = side / max(image.shape[:2])
    big = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    grain = rng.normal(0, 2.5, big.shape[:2])[..., None]
    return np.clip(np.rint(big + grain), 0, 255).astype(np.uint8)


def document_page(seed: int, size: tuple[int, int] = (1240, 1754)) -> np.ndarray:
    """A text page: title, paragraphs, a table; black on white like a contract or price sheet."""
    rng = np.random.default_rng(seed)
    page = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    width, height = size
    title = ImageFont.load_default(size=52)
    body = ImageFont.load_default(size=26)
    draw.text((90, 80), f"Confidential term sheet {seed}", font=title, fill=(20, 20, 60))
    y = 190
    while y < height - 420:
        for _ in range(int(rng.integers(3, 7))):
            words = " ".join(rng.choice(_WORDS, int(rng.integers(6, 11))))
            draw.text((90, y), words.capitalize() + ".", font=body, fill=(25, 25, 25))
            y += 38
        y += 30
    for row in range(6):
        top = height - 400 + row * 50
        draw.rectangle((90, top, width - 90, top + 50), outline=(90, 90, 90), width=2)
        draw.text((110, top + 10), f"Item {row + 1}", font=body, fill=(0, 0, 0))
        draw.text(
            (width - 330, top + 10),
            f"EUR {int(rng.integers(100, 9000)):,}",
            font=body,
            fill=(0, 0, 0),
        )
    return np.asarray(page, dtype=np.uint8).copy()


def product_shot(seed: int, size: int = 1600) -> np.ndarray:
    """A flat, nearly symmetric product graphic: a bottle on a soft gradient."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 1, size, dtype=np.float32)[:, None, None]
    top, bottom = rng.integers(150, 256, 3), rng.integers(60, 200, 3)
    canvas = np.broadcast_to(top * (1 - ramp) + bottom * ramp, (size, size, 3)).astype(np.uint8)
    canvas = np.ascontiguousarray(canvas)
    colour = tuple(int(c) for c in rng.integers(0, 200, 3))
    c = size // 2
    cv2.rectangle(canvas, (c - 170, 520), (c + 170, 1350), colour, -1)
    cv2.rectangle(canvas, (c - 60, 330), (c + 60, 540), colour, -1)
    cv2.rectangle(canvas, (c - 75, 280), (c + 75, 340), (40, 40, 40), -1)
    cv2.rectangle(canvas, (c - 150, 760), (c + 150, 1040), (245, 245, 240), -1)
    cv2.putText(canvas, "LUMEN", (c - 120, 920), cv2.FONT_HERSHEY_DUPLEX, 2.2, colour, 5)
    return canvas


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


def near_duplicates(page: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """A burst frame (shifted, re-exposed, new grain) and an alternate cut (cropped, graded)."""
    h, w = page.shape[:2]
    shift = np.float32([[1.01, 0, -w * 0.012], [0, 1.01, h * 0.008]])
    burst = cv2.warpAffine(page, shift, (w, h), borderMode=cv2.BORDER_REFLECT).astype(np.float32)
    burst = burst * 1.03 + rng.normal(0, 2.0, burst.shape)
    top, left = round(h * 0.06), round(w * 0.05)
    cut = page[top : h - round(h * 0.04), left : w - round(w * 0.07)].astype(np.float32)
    cut = cv2.resize(cut, (w, h), interpolation=cv2.INTER_CUBIC) * np.float32([1.04, 1.0, 0.95])
    return [np.clip(np.rint(x), 0, 255).astype(np.uint8) for x in (burst, cut)]


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
    suspects: list[Suspect] = []
    for number, asset in enumerate(contents()):
        say(f"issuing previews of {asset.name}")
        asset_id = _import(vault, asset, folder)
        issued: dict[str, list[np.ndarray]] = {}
        for person in people:
            out = folder / f"prev-{asset_id}-{person}.png"
            _, files = shares.export_preview(vault, asset_id, person, out)
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
