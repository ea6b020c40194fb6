"""Core benchmark of Sealroom: blob encryption, SQLCipher against sqlite, the audit log at scale.

    .venv/bin/python tests/bench/bench_core.py            # full run (`make bench`), ~5-10 min
    .venv/bin/python tests/bench/bench_core.py --quick    # smoke test, well under a minute

Prints one table on stdout; progress goes to stderr. Everything is written to a temporary
folder that is removed at the end. The figures are from a single run on whatever machine runs
it, with whatever else it is running; read the ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, replace
from pathlib import Path

from core_audit import run_audit
from core_blob import run_blob
from core_report import Row, progress, render
from core_sql import make_workload, run_sql

from sealroom.crypto import kdf

# Tiny Argon2id parameters for the vaults made here: test use only, never enabled by the app.
kdf.enable_test_parameters()


@dataclass(frozen=True)
class Sizes:
    blob_mib: int
    blob_reps: int
    rows: int
    lookups: int
    like_queries: int
    match_queries: int
    events: int
    batch: int
    append_budget_s: float


FULL = Sizes(256, 3, 100_000, 10_000, 5, 200, 1_000_000, 10_000, 420.0)
QUICK = Sizes(32, 2, 10_000, 10_000, 3, 50, 20_000, 10_000, 60.0)


def parse_args(argv: list[str]) -> tuple[Sizes, bool]:
    """The sizes to run and whether they are the --quick ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes: 32 MiB, 10k rows, 20k events"
    )
    parser.add_argument("--events", type=int, help="audit events to append (default 1M)")
    parser.add_argument(
        "--append-budget",
        type=float,
        metavar="SECONDS",
        help="stop appending audit events after this long and say so (default 420)",
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.events is not None:
        sizes = replace(sizes, events=args.events)
    if args.append_budget is not None:
        sizes = replace(sizes, append_budget_s=args.append_budget)
    return sizes, args.quick


def footer(notes: list[str], quick: bool, elapsed: float, load_before: float) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    load_after = os.getloadavg()[0]
    load = f"1-minute load average {load_before:.1f} at the start, {load_after:.1f} at the end"
    lines = [
        "ratio = ours / baseline. For throughput higher is better; for times lower is better.",
        *notes,
        f"Figures are from ONE run on this machine ({machine}; {load}), which may be running "
        "other work. On a busy machine (load above the CPU count) SQL ratios moved by up to 2x "
        "between two runs and throughputs by ~30%: compare figures within one run. "
        f"Whole bench: {elapsed:.0f} s" + (" (--quick sizes)." if quick else "."),
    ]
    return "\n".join(
        textwrap.fill(line, width=100, initial_indent="* ", subsequent_indent="  ")
        for line in lines
    )


def main(argv: list[str]) -> int:
    sizes, quick = parse_args(argv)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    rows: list[Row] = []
    notes: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="sealroom-bench-"))
    try:
        rows.append(Row(f"1. Blob encryption, {sizes.blob_mib} MiB in memory (MB = 10^6 B)"))
        blob_rows, blob_notes = run_blob(sizes.blob_mib, sizes.blob_reps)
        rows += blob_rows
        notes += blob_notes

        progress(f"sql: generating {sizes.rows:,} rows of pseudo-text")
        work = make_workload(sizes.rows, sizes.lookups, sizes.like_queries, sizes.match_queries)
        rows.append(Row("2. SQLCipher (ours: open_database) vs stdlib sqlite3 (baseline)"))
        sql_dir = scratch / "sql"
        sql_dir.mkdir()
        sql_rows, sql_notes = run_sql(sql_dir, work)
        del work
        shutil.rmtree(sql_dir)
        rows += sql_rows
        notes += sql_notes

        rows.append(Row("3. Audit log in a real vault"))
        audit_rows, audit_notes = run_audit(
            scratch, sizes.events, sizes.batch, sizes.append_budget_s
        )
        rows += audit_rows
        notes += audit_notes
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(render(rows))
    print()
    print(footer(notes, quick, elapsed, load_before))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
