"""Smoke test of the built folder (`make package-check`): the frozen app runs on its own.

Runs dist/sealroom/ with QT_QPA_PLATFORM=offscreen and a scratch HOME/XDG_DATA_HOME:
1. `sealroom --help` prints the command line's help (the Qt-free side starts);
2. `sealroom-smoke PACKAGE PASSFILE` opens a passphrase package made here with the real format
   (as tests/support/share_packages.py makes them) through the bundled viewer window, accepts its
   NDA and decodes a preview, which needs the bundled age, Ed25519 and Qt parts;
3. `sealroom PACKAGE` (what a double-click runs) starts the viewer and keeps running, with
   nothing on stderr, until it is closed here.
Exit status 0 when all pass; each failure is one line on stderr.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))

from share_packages import make_package  # noqa: E402

DIST = ROOT / "dist" / "sealroom"
PASSPHRASE = "amber-orbit-canyon-violet-harbor-lemon"
RUNS_FOR_S = 5.0


def run(args: list[str], env: dict[str, str],
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)


def main() -> int:
    app, smoke = DIST / "sealroom", DIST / "sealroom-smoke"
    for binary in (app, smoke):
        if not binary.is_file():
            print(f"error: {binary} is missing; run make package-check", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="sealroom-smoke-") as scratch:
        home = Path(scratch)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen",
               "LANG": "C.UTF-8"}
        started = time.monotonic()
        helped = run([str(app), "--help"], env)
        if helped.returncode != 0 or "usage:" not in helped.stdout:
            print(f"error: sealroom --help failed: {helped.stderr.strip()[-400:]}", file=sys.stderr)
            return 1
        print(f"ok: sealroom --help ({time.monotonic() - started:.1f} s)")
        package = home / "spring.sealshare"
        package.write_bytes(make_package(passphrase=PASSPHRASE).data)
        passfile = home / "passphrase"
        passfile.write_text(PASSPHRASE)
        opened = run([str(smoke), str(package), str(passfile)], env)
        if opened.returncode != 0:
            print(f"error: the bundled viewer did not open the package: "
                  f"{(opened.stderr or opened.stdout).strip()[-400:]}", file=sys.stderr)
            return 1
        print(f"ok: bundled viewer: {opened.stdout.strip()}")
        viewer = subprocess.Popen([str(app), str(package)], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        try:
            status = viewer.wait(timeout=RUNS_FOR_S)
        except subprocess.TimeoutExpired:
            status = None
        finally:
            viewer.terminate()
            _, errors = viewer.communicate(timeout=30)
        if status is not None or "Traceback" in errors:
            print(f"error: sealroom PACKAGE exited ({status}): {errors.strip()[-400:]}",
                  file=sys.stderr)
            return 1
        print(f"ok: sealroom PACKAGE runs the viewer ({RUNS_FOR_S:.0f} s, then closed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
