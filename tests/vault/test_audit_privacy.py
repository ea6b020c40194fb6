"""What the log shows each reader: an auditor sees ids, kinds and outcomes but none of the free
text a manager wrote (file names, notes, reasons); and the failed-unlock file, which any folder
writer can write, is bounded and its entries authenticated by the device that wrote them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlcipher3
from sealroom_cli import cli_env, run

from sealroom.crypto.keyslots import Role
from sealroom.vault import unlock_failures, users, verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets import importing as asset_import
from sealroom.vault.errors import WrongPasswordError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"
AUDITOR = ("aldo", "auditor password 1")
CANARIES = ("Wombat3", "Numbat5", "Bilby9", "Dingo4")


def _manager_writes_canaries(vault: Vault, folder: Path) -> None:
    first = folder / "plain.bin"
    first.write_bytes(b"first version " * 200)
    asset = assets.import_file(vault, first)
    second = folder / "canary-version-Wombat3.bin"
    second.write_bytes(b"second version " * 200)
    asset_import.add_version(vault, asset.id, second, note="canary note Numbat5")
    assets.export_asset(vault, asset.id, folder / "canary-export-Bilby9.bin")
    party = parties.add_party(vault, "Northwind", "brand")
    parties.delete_party(vault, party.id, "canary reason Dingo4")


def _raw_text(folder: Path, key_hex: str) -> str:
    """Every value of every table of audit.db, read with the audit key alone."""
    conn = sqlcipher3.connect(str(folder / "audit.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        values = []
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
                    values.append(text)
        return "\n".join(values)
    finally:
        conn.close()


def test_an_auditor_reads_none_of_the_free_text_a_manager_wrote(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    users.add_user(vault, *AUDITOR[:1], Role.AUDITOR, AUDITOR[1])
    _manager_writes_canaries(vault, tmp_path)
    shown = " ".join(e.reason for e in vault.audit.events())
    for canary in CANARIES:  # the content holder reads every detail, and can search it
        assert canary in shown
        assert vault.audit.count_matching(canary, vault.audit.size) == 1
    vault.lock()

    with Vault.unlock(vault_dir, *AUDITOR) as auditor:
        key_hex = auditor.keys.audit.hex()
        events = auditor.audit.events()
        seen = json.dumps([e.to_json() for e in events])
        assert {"asset.version", "asset.export", "party.delete"} <= {e.action for e in events}
        assert all(c not in seen for c in CANARIES)
        assert all(auditor.audit.count_matching(c, auditor.audit.size) == 0 for c in CANARIES)
        report = verify.verify_vault(auditor)  # the leaves commit to the ciphertext
        assert report.ok and report.events_checked == auditor.audit.size - 1
    raw = _raw_text(vault_dir, key_hex)
    assert "asset.export" in raw  # the raw reading works ...
    assert all(c not in raw for c in CANARIES)  # ... and holds no canary

    env = cli_env(AUDITOR[1])
    listed = run("audit", "list", "--vault", str(vault_dir), "--user", AUDITOR[0], env=env)
    assert "(sealed" in listed.stdout and all(c not in listed.stdout for c in CANARIES)
    owner = run(
        "audit", "list", "--vault", str(vault_dir), "--user", "owner", env=cli_env(PASSWORD)
    )
    assert all(c in owner.stdout for c in CANARIES)


def test_a_detail_moved_to_another_event_does_not_open(vault: Vault) -> None:
    with vault.transaction():
        vault.audit.append("test.event", "a", reason="first secret")
        vault.audit.append("test.event", "b", reason="second secret")
    top = vault.audit.size
    with vault.transaction() as conn:
        conn.execute("DROP TRIGGER audit.events_append_only_update")
        conn.execute(
            "UPDATE audit.events SET detail = (SELECT detail FROM audit.events WHERE seq = ?)"
            " WHERE seq = ?",
            (top, top - 1),
        )
    moved = vault.audit.events(limit=2)[1]
    assert moved.reason == "(detail unreadable: damaged or altered)"
    assert any("differs from its leaf" in p for p in verify.verify_vault(vault).problems)


# -- unlock-failures.jsonl ------------------------------------------------------------------


def _failures(vault: Vault) -> list[str]:
    return [
        e.reason
        for e in vault.audit.events(newest_first=False)
        if e.action == "vault.unlock" and e.outcome == "failure"
    ]


def test_a_forged_failure_entry_is_imported_as_unverified(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    with pytest.raises(WrongPasswordError):
        Vault.unlock(vault_dir, "owner", "a wrong guess")
    forged = {"time": "2020-01-01T00:00:00Z", "user": "owner", "device": "x", "reason": "forged"}
    with open(vault_dir / unlock_failures.FILE_NAME, "a", encoding="utf-8") as out:
        out.write(json.dumps({**forged, "mac": "00" * 32}) + "\n")
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        genuine, planted = _failures(opened)
    assert "wrong password" in genuine and "unverified" not in genuine
    assert planted.startswith("unverified") and "forged" in planted


def test_an_entry_from_another_device_is_unverified(
    vault: Vault, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.lock()
    here = os.environ["XDG_CONFIG_HOME"]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-computer"))
    with pytest.raises(WrongPasswordError):
        Vault.unlock(vault_dir, "owner", "a wrong guess")
    monkeypatch.setenv("XDG_CONFIG_HOME", here)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        (entry,) = _failures(opened)
    assert entry.startswith("unverified") and "wrong password" in entry


def test_a_huge_failures_file_is_bounded(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    line = json.dumps({"time": "t", "user": "u" * 5000, "device": "d", "reason": "r" * 5000})
    (vault_dir / unlock_failures.FILE_NAME).write_text((line + "\n") * 2000)  # ~20 MB
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        recorded = [
            e
            for e in opened.audit.events(newest_first=False)
            if e.action == "vault.unlock" and e.outcome == "failure"
        ]
    assert len(recorded) == 1 and "ignored" in recorded[0].reason
    assert not (vault_dir / unlock_failures.FILE_NAME).exists()


def test_many_entries_are_capped_and_long_fields_clipped(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    line = json.dumps({"time": "t", "user": "u" * 300, "device": "d", "reason": "r"})
    (vault_dir / unlock_failures.FILE_NAME).write_text((line + "\n") * 150)
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        recorded = [
            e
            for e in opened.audit.events(newest_first=False)
            if e.action == "vault.unlock" and e.outcome == "failure"
        ]
    assert len(recorded) == unlock_failures.MAX_ENTRIES + 1
    assert "50 further entries" in recorded[-1].reason
    assert all(len(e.actor) <= unlock_failures.MAX_FIELD for e in recorded)


def test_a_fifo_in_place_of_the_failures_file_does_not_hang(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    os.mkfifo(vault_dir / unlock_failures.FILE_NAME)
    with pytest.raises(WrongPasswordError):
        Vault.unlock(vault_dir, "owner", "a wrong guess")  # recording it does not block
    with Vault.unlock(vault_dir, "owner", PASSWORD) as opened:
        (entry,) = _failures(opened)
    assert "not a regular file" in entry
