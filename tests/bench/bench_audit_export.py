"""The audit export at scale: a real vault of 1M events exported (JSONL + CSV + OpenSSH
signature), verified with no vault, and its PDF report written with a progress callback.

    .venv/bin/python tests/bench/bench_audit_export.py              # `make bench`: 1M events
    .venv/bin/python tests/bench/bench_audit_export.py --events 20000 --no-pdf   # smoke test

Targets (from the issue): export <= 30 s and verify <= 30 s on this machine. Baselines, in the
same process: reading every stored event and leaf once (the least an export can do) and reading
events.jsonl with one SHA-256 per line (the least a verification can do).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from core_audit import OWNER, PASSWORD, _append
from core_report import Row, compared, count, info, progress, render, seconds

from sealroom.crypto import kdf
from sealroom.vault.audit_bundle import files
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.audit_bundle.export import export_bundle
from sealroom.vault.audit_bundle.report import write_report
from sealroom.vault.errors import Cancelled
from sealroom.vault.session import Vault

kdf.enable_test_parameters()  # tiny Argon2id for the vault made here: test use only
TARGET_S = 30.0
CANCEL_AFTER_PAGES = 20


CPU: dict[str, float] = {}


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    """Run fn; return its result and wall time, and keep its CPU time (this process) in CPU:
    on a shared machine the wall time includes waiting for a core."""
    progress(f"export: {label}")
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    CPU[label] = time.process_time() - cpu
    return result, time.perf_counter() - started


def _scan(vault: Vault) -> int:
    return sum(len(row[-1]) for row in vault.audit.stored_rows(vault.audit.size))


def _hash_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as stream:
        for line in stream:
            hashlib.sha256(b"\x00" + line).digest()
            n += 1
    return n


def run(root: Path, events: int, pdf: bool, keep: Path | None) -> list[Row]:
    folder = keep or root / "vault"
    if (folder / "header.json").exists():
        progress(f"export: reusing the vault in {folder}")
        vault = Vault.unlock(folder, OWNER, PASSWORD)
    else:
        vault = Vault.create(folder, OWNER, PASSWORD)
        _append(vault, events, 10_000, 3600.0)
        if keep is not None:
            vault.lock()
            vault = Vault.unlock(folder, OWNER, PASSWORD)
    try:
        _, scan_s = _timed("baseline: reading every event once", lambda: _scan(vault))
        result, export_s = _timed("export", lambda: export_bundle(vault, root / "bundle"))
        vault_id = vault.header.vault_id
    finally:
        vault.lock()
    bundle = root / "bundle"
    size_mb = (bundle / files.EVENTS).stat().st_size / 1e6
    _, hash_s = _timed("baseline: SHA-256 of each line", lambda: _hash_lines(bundle / files.EVENTS))
    report, verify_s = _timed("verify", lambda: verify_bundle(bundle))
    if not report.ok:
        raise AssertionError(f"the bundle did not verify: {report.problems[:3]}")
    n = count(result.size)
    rows = [
        Row(f"Audit export of {n} events"),
        compared(
            f"export {n} events (JSONL+CSV+sig)",
            seconds(export_s),
            seconds(scan_s),
            export_s / scan_s,
        ),
        Row(
            "  export time",
            seconds(export_s),
            "-",
            "-",
            f"<= {TARGET_S:g} s",
            "yes" if export_s <= TARGET_S else "NO",
        ),
        compared(
            f"verify {n} events, no vault", seconds(verify_s), seconds(hash_s), verify_s / hash_s
        ),
        Row(
            "  verify time",
            seconds(verify_s),
            "-",
            "-",
            f"<= {TARGET_S:g} s",
            "yes" if verify_s <= TARGET_S else "NO",
        ),
        info("  export CPU time (this process)", seconds(CPU["export"])),
        info("  verify CPU time (this process)", seconds(CPU["verify"])),
        info("events.jsonl size", f"{size_mb:,.0f} MB"),
    ]
    if pdf:
        pages: list[int] = []

        def cancel() -> bool:
            return len(pages) >= CANCEL_AFTER_PAGES

        started = time.perf_counter()
        try:
            write_report(bundle, vault_id, lambda d, t: pages.append(d), cancel)
            raise AssertionError("the PDF was not cancelled")
        except Cancelled:
            cancel_s = time.perf_counter() - started
        nothing_written = not (bundle / files.PDF).exists()
        last = [0.0]

        def report_page(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] > 15 or done == total:
                last[0] = now
                progress(f"PDF: page {done:,}/{total:,}")

        started = time.perf_counter()
        write_report(bundle, vault_id, report_page)
        pdf_s = time.perf_counter() - started
        pdf_mb = (bundle / files.PDF).stat().st_size / 1e6
        rows += [
            info(f"report.pdf of {n} events (progress per page)", seconds(pdf_s)),
            info("  report.pdf size", f"{pdf_mb:,.0f} MB"),
            info(
                f"  cancelled after {CANCEL_AFTER_PAGES} pages (incl. counting pass)",
                seconds(cancel_s),
            ),
            info("  nothing written when cancelled", "yes" if nothing_written else "NO"),
        ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--keep-vault", type=Path, help="build the vault there once, reuse it")
    parser.add_argument("--build-only", action="store_true", help="with --keep-vault: stop there")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="sealroom-bench-export-"))
    try:
        if args.build_only and args.keep_vault is not None:
            vault = Vault.create(args.keep_vault, OWNER, PASSWORD)
            try:
                _append(vault, args.events, 10_000, 3600.0)
            finally:
                vault.lock()
            return
        print(render(run(root, args.events, not args.no_pdf, args.keep_vault)))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
