"""Batch issuance of share packages: one set of 10 images to many parties, one package each.

    .venv/bin/python tests/bench/bench_packages.py                # `make bench`: 20 parties
    .venv/bin/python tests/bench/bench_packages.py --parties 200  # the issue's size

Images are 320x240 synthetic photos, previews at most 256 px a side (the fingerprint's cost is
per pixel, the packaging's mostly per package and per byte, so small previews are the hard case
for the ratio). The whole set goes to every party in ONE batch call
(`packages_batch.issue_batch`, with its progress and cancel callbacks), as the Shares screen and
`sealroom share create --out-dir` issue it: the outbound rule for each asset, the marked
previews, shares and package recorded, manifest signed, age encryption, file written, then the
ledger. After each package, inside the progress callback, the baseline renders the same 10
previews marked for that party (the same mark text, a fresh fingerprint; mark and PNG-encode
from the decoded images) without packaging. Interleaving the two party by party keeps the
comparison fair on a busy machine. A package's time is the batch's time from one progress call
to the next, less the baseline run inside the call; the first package carries the batch's setup
(decoding the images, loading the keys) and the last one the ledger. The ratio is total package
time over total baseline time; the target is that packaging adds at most 25 %.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

from sealroom.crypto import agebox, kdf
from sealroom.crypto.watermark import VisibleMark, render_preview
from sealroom.vault.access.grants import grant_access
from sealroom.vault.agreements.contracts import NewAgreement, add_agreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets.importing import ImportOptions
from sealroom.vault.media import decode as previews
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import packages_batch, shares
from sealroom.vault.session import Vault
from sealroom.vault.when import When

kdf.enable_test_parameters()  # tiny Argon2id for the throwaway vault: test use only

IMAGES = 10
SIZE = (320, 240)
MAX_SIDE = 256
TARGET = 1.25
DEFAULT_PARTIES = 20
"""`make bench`'s size. The issue's 200 parties (--parties 200) took about 3 s a party on a
shared two-core machine (the baseline renders every preview a second time): over 10 minutes."""


def _photo(path: Path, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : SIZE[1], 0 : SIZE[0]]
    base = np.stack([x * 255 // SIZE[0], y * 255 // SIZE[1], (x * y + seed * 37) % 256], axis=-1)
    Image.fromarray(((base + rng.integers(0, 30, base.shape)) % 256).astype(np.uint8)).save(path)
    return path


def _setup(folder: Path, count: int) -> tuple[Vault, list[str], list[str]]:
    vault = Vault.create(folder / "bench.sealroom", "owner", "bench password 1")
    ids = [
        assets.import_file(
            vault,
            _photo(folder / f"look-{i}.png", i),
            options=ImportOptions(sensitivity="confidential"),
        ).id
        for i in range(IMAGES)
    ]
    people = [
        parties.add_party(
            vault,
            f"Brand {n}",
            "brand",
            organisation=f"Org {n}",
            age_recipient=agebox.generate_identity()[1],
        ).id
        for n in range(count)
    ]
    now = datetime.now(UTC)
    add_agreement(
        vault,
        NewAgreement(
            kind="nda",
            title="Spring NDA",
            party_ids=tuple(people),
            effective=When(now - timedelta(days=1), "UTC"),
            expires=When(now + timedelta(days=365), "UTC"),
            status="signed",
        ),
    )
    for n, party in enumerate(people):
        for asset in ids:
            grant_access(vault, party, asset_id=asset)
        print(f"\rgranting {n + 1}/{count}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return vault, ids, people


def _baseline(vault: Vault, pages: list[previews.RGB], party: parties.Party) -> float:
    """Render and encode the 10 previews marked for `party` without packaging; its wall time."""
    started = time.perf_counter()
    mark = VisibleMark(
        recipient=party.name,
        organisation=party.organisation or party.kind,
        date=datetime.now(UTC).strftime("%Y-%m-%d"),
        share_code=shares.new_share_code(),
    )
    with shares.watermark_key(vault) as key:
        for pixels in pages:
            marked = render_preview(
                pixels,
                key=bytes(key.value),
                payload=secrets.randbits(62) + 1,
                visible=mark,
                max_side=MAX_SIDE,
            )
            previews.encode_png(marked)
    return time.perf_counter() - started


@dataclass
class Clock:
    """Splits the batch's wall and CPU time between the packages and the baselines run in its
    progress callback."""

    vault: Vault
    pages: list[previews.RGB]
    people: list[parties.Party]
    package_s: list[float] = field(default_factory=list)
    baseline_s: list[float] = field(default_factory=list)
    package_cpu: float = 0.0
    baseline_cpu: float = 0.0
    _mark: float = field(default_factory=time.perf_counter)
    _cpu_mark: float = field(default_factory=time.process_time)

    def start(self) -> None:
        self._mark, self._cpu_mark = time.perf_counter(), time.process_time()

    def progress(self, done: int, total: int) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.package_s.append(now - self._mark)
        self.package_cpu += cpu - self._cpu_mark
        self.baseline_s.append(_baseline(self.vault, self.pages, self.people[done - 1]))
        print(f"\r{done}/{total} packages", end="", file=sys.stderr)
        self._mark, self._cpu_mark = time.perf_counter(), time.process_time()
        self.baseline_cpu += self._cpu_mark - cpu

    def finish(self) -> None:
        """The time after the last progress call (the ledger) belongs to the last package."""
        self.package_s[-1] += time.perf_counter() - self._mark
        self.package_cpu += time.process_time() - self._cpu_mark
        print(file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=DEFAULT_PARTIES)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sealroom-bench-packages-"))
    try:
        vault, ids, people = _setup(folder, args.parties)
        pages = [shares.asset_pages(vault, a)[0].pixels for a in ids]
        out = folder / "out"
        out.mkdir()
        clock = Clock(vault, pages, [parties.get_party(vault, p) for p in people])
        started = time.perf_counter()
        clock.start()
        result = packages_batch.issue_batch(
            vault,
            people,
            ids,
            out,
            max_side=MAX_SIDE,
            progress=clock.progress,
            cancelled=lambda: False,
        )
        clock.finish()
        batch_s = time.perf_counter() - started
        assert len(result.issued) == len(people) and not result.refused and result.ledger
        assert len(list(out.glob("*.sealshare"))) == len(people)
        size = statistics.mean(i.path.stat().st_size for i in result.issued)
        vault.lock()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    package_s, baseline_s = clock.package_s, clock.baseline_s
    ratio = sum(package_s) / sum(baseline_s)
    per_party = [p / b for p, b in zip(package_s, baseline_s, strict=True)]
    print(
        f"share packages: one batch call, {len(people)} parties x {IMAGES} images "
        f"{SIZE[0]}x{SIZE[1]}, previews {MAX_SIDE} px, {size / 1024:.0f} KiB per package"
    )
    print(
        f"  package (issue_batch):               {statistics.mean(package_s):.3f} s per "
        f"package (median {statistics.median(package_s):.3f} s)"
    )
    print(
        f"  baseline (render + PNG, no package): {statistics.mean(baseline_s):.3f} s per party"
        f" (median {statistics.median(baseline_s):.3f} s)"
    )
    print(
        f"  ratio package / baseline: {ratio:.3f} (median per party "
        f"{statistics.median(per_party):.3f}); packaging adds {(ratio - 1) * 100:.1f} % "
        f"(target <= {(TARGET - 1) * 100:.0f} %): {'met' if ratio <= TARGET else 'NOT met'}"
    )
    print(
        f"  CPU time per party: package {clock.package_cpu / len(people):.3f} s, baseline "
        f"{clock.baseline_cpu / len(people):.3f} s; CPU ratio "
        f"{clock.package_cpu / clock.baseline_cpu:.3f}"
    )
    print(f"  the whole batch, baselines included: {batch_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
