"""A share package is written like every other export: recorded before a byte is written, and a
write that fails or is killed halfway leaves no package behind (the partial file is removed at
once, or at the next unlock when nothing could clean up).

The write is stopped halfway by the system itself: the issuing process runs under a file-size
limit (RLIMIT_FSIZE) smaller than the package, so the kernel either refuses the write past the
limit (EFBIG) or, with SIGXFSZ at its default, kills the process in the middle of the write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
from PIL import Image
from sealroom_access import allow_copies
from sealroom_cli import cli_env, run

from sealroom.crypto import agebox
from sealroom.vault import verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import query

PASSWORD = "correct horse battery"
LIMIT = 1536 * 1024
"""The file-size limit of the issuing process: the package (a preview of random pixels,
about 3 MB) crosses it; the vault's own files stay far below it (checked)."""


def _prepare(vault_dir: Path, tmp_path: Path) -> tuple[str, str]:
    noise = np.random.default_rng(7).integers(0, 256, (720, 1280, 3), dtype=np.uint8)
    photo = tmp_path / "noise.png"
    Image.fromarray(noise).save(photo)
    _, recipient = agebox.generate_identity()
    with Vault.create(vault_dir, "owner", PASSWORD) as vault:
        asset_id = assets.import_file(vault, photo, title="Launch still").id
        party_id = parties.add_party(vault, "Lumen", "brand", age_recipient=recipient).id
        allow_copies(vault, party_id, asset_id)
    written = [p for p in vault_dir.rglob("*") if p.is_file() and "blobs" not in p.parts]
    assert max(p.stat().st_size for p in written) < LIMIT // 2  # the database writes fit
    return asset_id, party_id


def _issue_under_limit(
    vault_dir: Path, tmp_path: Path, out: Path, asset_id: str, party_id: str, *, killed: bool
) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from pathlib import Path
        from sealroom.crypto import kdf
        from sealroom.vault.errors import SealroomError
        from sealroom.vault.protect import packages
        from sealroom.vault.session import Vault
        kdf.enable_test_parameters()  # the tiny test-only key derivation, as in the suite
        vault = Vault.unlock(Path({str(vault_dir)!r}), "owner", {PASSWORD!r})
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))
        signal.signal(signal.SIGXFSZ, signal.{"SIG_DFL" if killed else "SIG_IGN"})
        try:
            packages.issue_package(
                vault, {party_id!r}, [{asset_id!r}], Path({str(out)!r}), max_side=1280
            )
        except SealroomError as exc:
            print(exc, file=sys.stderr)
            sys.exit(1)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )


def _events(vault: Vault, since: int) -> list[tuple[str, str, str, str]]:
    return [
        (e.action, e.object, e.outcome, e.reason)
        for e in vault.audit.events(newest_first=False)[since:]
    ]


def test_a_package_write_that_fails_halfway_leaves_no_file_and_records_the_failure(
    vault_dir: Path, tmp_path: Path
) -> None:
    asset_id, party_id = _prepare(vault_dir, tmp_path)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        before = vault.audit.size
    out = tmp_path / "lumen.sealshare"

    failed = _issue_under_limit(vault_dir, tmp_path, out, asset_id, party_id, killed=False)

    assert failed.returncode == 1, failed.stderr
    assert failed.stderr.splitlines() == [f"cannot write {out}: File too large"]
    assert not [n for n in os.listdir(tmp_path) if n.endswith((".partial", ".sealshare"))]
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        assert vault.notices == []  # nothing was left for the unlock to clean
        (package_id,) = [str(r[0]) for r in query(vault.conn, "SELECT id FROM packages")]
        events = [e for e in _events(vault, before) if e[0] == "package.create"]
        # recorded before the first byte was written, then the failure
        assert [(a, o, outcome) for a, o, outcome, _ in events] == [
            ("package.create", package_id, "success"),
            ("package.create", package_id, "failure"),
        ]
        assert events[-1][3] == "write failed: File too large"
        assert verify.verify_vault(vault).problems == []


def test_a_package_write_killed_halfway_is_cleaned_at_the_next_unlock(
    vault_dir: Path, tmp_path: Path
) -> None:
    asset_id, party_id = _prepare(vault_dir, tmp_path)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        before = vault.audit.size
    out = tmp_path / "lumen.sealshare"
    partial = tmp_path / ".lumen.sealshare.partial"

    killed = _issue_under_limit(vault_dir, tmp_path, out, asset_id, party_id, killed=True)

    assert killed.returncode == -signal.SIGXFSZ, killed.stderr
    # killed mid-write: the partial holds the first LIMIT bytes, readable by its owner alone
    assert partial.stat().st_size == LIMIT
    assert stat.S_IMODE(os.lstat(partial).st_mode) == 0o600
    assert not out.exists()

    listed = run(
        "share", "list", "--vault", str(vault_dir), "--user", "owner", env=cli_env(PASSWORD)
    )
    assert listed.stderr.splitlines() == [
        f"note: removed 1 partial file(s) left by an interrupted export: {partial}"
    ]
    assert not partial.exists() and not out.exists()
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        (package_id,) = [str(r[0]) for r in query(vault.conn, "SELECT id FROM packages")]
        actions = [(a, o, outcome) for a, o, outcome, _ in _events(vault, before)]
        created = actions.index(("package.create", package_id, "success"))
        cleanup = [i for i, a in enumerate(actions) if a[0] == "export.cleanup"]
        assert len(cleanup) == 1 and cleanup[0] > created
        assert verify.verify_vault(vault).problems == []
