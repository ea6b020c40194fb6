"""Vaults written by earlier schemas open, upgrade and verify with the current code."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sealroom.vault import verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import query

DATA = Path(__file__).parent.parent / "data"


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(DATA / name, target)
    return target


def test_schema1_vault_opens_upgrades_and_verifies(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "vault-schema1")
    with Vault.unlock(folder, "owner", "golden-owner-pw") as vault:
        (version,) = query(vault.conn, "PRAGMA user_version")[0]
        assert version >= 1
        brief = assets.get_asset(vault, "ast_124bfc8fce03")
        data = assets.read_asset(vault, brief.id)
        assert hashlib.sha256(data).hexdigest() == brief.sha256
        assert data.startswith(b"Schema 1 golden vault")
        assert parties.get_party(vault, "pty_3c0bf2602cbb").name == "Northwind Cosmetics"
        report = verify.verify_vault(vault)
        assert report.problems == []
        assert report.checkpoints_checked >= 1


def test_schema1_vault_opens_for_its_auditor(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "vault-schema1")
    with Vault.unlock(folder, "auditor", "golden-auditor-pw") as vault:
        report = verify.verify_vault(vault)
        assert report.problems == []
        assert not report.content_checked
        actions = [e.action for e in vault.audit.events()]
        assert "asset.import" in actions
