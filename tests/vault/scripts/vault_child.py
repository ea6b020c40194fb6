"""A second program using a vault, for the crash, concurrency and memory tests.

Each mode prints one line per step on stdout (flushed), so the test can wait on what the child
is doing instead of sleeping. Like the test suite, it uses the test-only key derivation.

    import FOLDER USER PASSWORD FILE TITLE   unlock, "importing", import FILE, "imported ID", lock
    hold FOLDER USER PASSWORD                unlock, "open", add parties until a line on stdin,
                                             lock, "locked N"
    contend FOLDER USER PASSWORD             unlock; if in use, "in-use MESSAGE" and wait for a
                                             line on stdin, then unlock again; add parties; lock;
                                             "done N"
    large FOLDER USER PASSWORD FILE          import FILE, lock, then "maxrss KIB SHA256 ID"
"""

from __future__ import annotations

import resource
import sys
import threading
from pathlib import Path

from sealroom.crypto import kdf
from sealroom.vault.assets import catalog as assets
from sealroom.vault.errors import VaultInUseError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

kdf.enable_test_parameters()


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def do_import(folder: Path, user: str, password: str, source: Path, title: str) -> None:
    vault = Vault.unlock(folder, user, password)
    say("importing")
    asset = assets.import_file(vault, source, title=title)
    say(f"imported {asset.id}")
    vault.lock()
    say("locked")


def add_parties_until(vault: Vault, prefix: str, stop: threading.Event, at_least: int) -> int:
    added = 0
    while added < at_least or not stop.is_set():
        parties.add_party(vault, f"{prefix} {added:05d}", "brand", f"p{added}@{prefix}.example")
        added += 1
    return added


def do_hold(folder: Path, user: str, password: str) -> None:
    vault = Vault.unlock(folder, user, password)
    stop = threading.Event()

    def wait_for_parent() -> None:
        sys.stdin.readline()
        stop.set()

    threading.Thread(target=wait_for_parent, daemon=True).start()
    say("open")
    added = add_parties_until(vault, "holder", stop, at_least=5)
    vault.lock()
    say(f"locked {added}")


def do_contend(folder: Path, user: str, password: str) -> None:
    try:
        vault = Vault.unlock(folder, user, password)
    except VaultInUseError as exc:
        say(f"in-use {exc}")
        sys.stdin.readline()
        vault = Vault.unlock(folder, user, password)
    else:
        say("opened-at-once")
    stop = threading.Event()
    stop.set()
    added = add_parties_until(vault, "second", stop, at_least=20)
    vault.lock()
    say(f"done {added}")


def do_large(folder: Path, user: str, password: str, source: Path) -> None:
    with Vault.unlock(folder, user, password) as vault:
        asset = assets.import_file(vault, source, title="large")
    say(f"maxrss {peak_resident_kib()} {asset.sha256} {asset.id}")


def peak_resident_kib() -> int:
    """This program's own peak resident memory.

    Not `ru_maxrss`: Linux carries that across exec, so it would report the forked parent's
    footprint (a test runner with Qt loaded) instead of this import's.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(argv: list[str]) -> None:
    mode, folder, user, password, *rest = argv
    if mode == "import":
        do_import(Path(folder), user, password, Path(rest[0]), rest[1])
    elif mode == "hold":
        do_hold(Path(folder), user, password)
    elif mode == "contend":
        do_contend(Path(folder), user, password)
    elif mode == "large":
        do_large(Path(folder), user, password, Path(rest[0]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
