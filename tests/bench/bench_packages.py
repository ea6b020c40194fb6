"""Batch issuance of share packages: one set of 10 images to many parties, one package each.

    .venv/bin/python tests/bench/bench_packages.py               # 200 parties (`make bench`)
    .venv/bin/python tests/bench/bench_packages.py --parties 20  # a shorter run

Images are 320x240 synthetic photos, previews at most 256 px a side (small, so that the run
stays within minutes; the fingerprint's cost is per image, the packaging's mostly per byte).
For each party, in the same process and in turn (alternating which goes first), the baseline
renders the same 10 previews marked for that party (decode once, mark, PNG-encode) without
packaging, and the package is issued through the batch path (`packages_batch.issue_batch`):
the outbound rule for each asset, the marked previews, shares and package recorded, manifest
signed, age encryption, file written.
Alternating the two per party keeps the comparison fair on a busy machine. The ratio is total
package time over total baseline time; the target is that packaging adds at most 25 %.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import statistics
import sys
import tempfile
import time
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


def _baseline(vault: Vault, pages: list[previews.RGB], party: str) -> tuple[float, float]:
    """Render and encode the 10 previews marked for `party`, without packaging: (wall, CPU)."""
    started, cpu = time.perf_counter(), time.process_time()
    with shares.watermark_key(vault) as key:
        for pixels in pages:
            marked = render_preview(
                pixels,
                key=bytes(key.value),
                payload=secrets.randbits(62) + 1,
                visible=VisibleMark(party, "Org", "2026-01-01", "ABC234"),
                max_side=MAX_SIDE,
            )
            previews.encode_png(marked)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sealroom-bench-packages-"))
    try:
        vault, ids, people = _setup(folder, args.parties)
        pages = [shares.asset_pages(vault, a)[0].pixels for a in ids]
        out = folder / "out"
        out.mkdir()
        base_times: list[float] = []
        package_times: list[float] = []
        base_cpu: list[float] = []
        package_cpu: list[float] = []
        for n, party in enumerate(people):
            # Alternate which goes first, so that neither profits from the other's warm caches.
            if n % 2:
                started, cpu_started = time.perf_counter(), time.process_time()
                result = packages_batch.issue_batch(vault, [party], ids, out, max_side=MAX_SIDE)
                package_times.append(time.perf_counter() - started)
                package_cpu.append(time.process_time() - cpu_started)
            wall, cpu = _baseline(vault, pages, party)
            base_times.append(wall)
            base_cpu.append(cpu)
            if not n % 2:
                started, cpu_started = time.perf_counter(), time.process_time()
                result = packages_batch.issue_batch(vault, [party], ids, out, max_side=MAX_SIDE)
                package_times.append(time.perf_counter() - started)
                package_cpu.append(time.process_time() - cpu_started)
            assert len(result.issued) == 1 and not result.refused
            print(f"\r{n + 1}/{len(people)} parties", end="", file=sys.stderr)
        print(file=sys.stderr)
        whole = time.perf_counter()
        batch_dir = folder / "batch"
        batch_dir.mkdir()
        seen: list[int] = []
        sample = people[: min(20, len(people))]
        batch = packages_batch.issue_batch(
            vault,
            sample,
            ids,
            batch_dir,
            max_side=MAX_SIDE,
            progress=lambda done, total: seen.append(done),
        )
        batch_s = time.perf_counter() - whole
        assert len(batch.issued) == len(sample) and seen[-1] == len(sample)
        size = statistics.mean(i.path.stat().st_size for i in batch.issued)
        vault.lock()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ratio = sum(package_times) / sum(base_times)
    cpu_ratio = sum(package_cpu) / sum(base_cpu)
    per_party = [p / b for p, b in zip(package_times, base_times, strict=True)]
    print(
        f"share packages: {len(people)} parties x {IMAGES} images {SIZE[0]}x{SIZE[1]}, "
        f"previews {MAX_SIDE} px"
    )
    print(f"  baseline (render + PNG, no package): {statistics.mean(base_times):.3f} s per party")
    print(
        f"  package (issue_batch, one party):    {statistics.mean(package_times):.3f} s per "
        f"package (median {statistics.median(package_times):.3f} s)"
    )
    print(
        f"  one batch call for {len(sample)} parties: {batch_s / len(sample):.3f} s per package,"
        f" {size / 1024:.0f} KiB each"
    )
    print(
        f"  ratio package / baseline: {ratio:.3f} (median per party "
        f"{statistics.median(per_party):.3f}); packaging adds {(ratio - 1) * 100:.1f} % "
        f"(target <= {(TARGET - 1) * 100:.0f} %): {'met' if ratio <= TARGET else 'NOT met'}"
    )
    print(
        f"  CPU time per party: baseline {statistics.mean(base_cpu):.3f} s, package "
        f"{statistics.mean(package_cpu):.3f} s; CPU ratio {cpu_ratio:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
