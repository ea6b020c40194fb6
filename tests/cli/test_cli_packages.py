"""Share packages through the real `sealroom` command: Debian's `age` and `unzip` read them, the
partner's side opens them, revocation and receipts travel, batches write a ledger."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
from sealroom_cli import cli_env, run, run_json
from sealroom_packages_cli import PARTNER_PASSWORD, identity_file, package_vault

from sealroom.crypto.errors import PackageError
from sealroom.vault.partner.opening import accept_terms, open_package_file, open_share, receipt_for
from sealroom.vault.partner.store import PartnerStore


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env("owner-password-1")


def _error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def _keygen(path: Path) -> str:
    subprocess.run(["age-keygen", "-o", str(path)], check=True, capture_output=True)
    return subprocess.run(
        ["age-keygen", "-y", str(path)], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_age_decrypts_a_cli_package_and_unzip_lists_it(tmp_path: Path, env: dict) -> None:
    key = tmp_path / "key.txt"
    made = package_vault(tmp_path, env, _keygen(key))
    out = tmp_path / "lumen.sealshare"
    created = made.share_json(
        "create", "--party", made.brand, "--asset", *made.assets, "--out", str(out)
    )
    (package,) = created["packages"]
    assert package["passphrase"] is None and package["protection"] == "recipient"
    payload = tmp_path / "payload.zip"
    subprocess.run(["age", "-d", "-i", str(key), "-o", str(payload), str(out)], check=True)
    listing = subprocess.run(
        ["unzip", "-l", str(payload)], check=True, capture_output=True, text=True
    ).stdout
    assert "manifest.json" in listing and "manifest.sig" in listing
    for asset in made.assets:
        assert f"previews/{asset}-1.png" in listing
    manifest = json.loads(
        subprocess.run(
            ["unzip", "-p", str(payload), "manifest.json"], check=True, capture_output=True
        ).stdout
    )
    assert manifest["package_id"] == package["id"]
    assert manifest["recipient_party"] == made.brand
    assert manifest["nda_title"] == "Spring campaign NDA"
    assert manifest["receipt_recipient"].startswith("age1")
    listed = run_json("share", "list", *made.args, env=env)
    assert [(p["id"], p["status"]) for p in listed] == [(package["id"], "issued")]


def test_passphrase_package_and_inspect(tmp_path: Path, env: dict) -> None:
    made = package_vault(tmp_path, env, "", photos=1)
    out = tmp_path / "press.sealshare"
    human = made.share(
        "create",
        "--party",
        made.brand,
        "--asset",
        made.assets[0],
        "--out",
        str(out),
        "--passphrase",
        "--not-after",
        "2099-01-31",
        "--zone",
        "UTC",
    ).stdout
    line = next(x for x in human.splitlines() if "passphrase (shown once" in x)
    phrase = line.split(": ", 1)[1].strip()
    assert len(phrase.split("-")) == 6
    opened = open_share(out.read_bytes(), PartnerStore(tmp_path / "p.json"), passphrase=phrase)
    assert opened.manifest.not_after == "2099-01-31T23:59:59Z"
    phrase_file = tmp_path / "phrase.txt"
    phrase_file.write_text(phrase + "\n")
    shown = run_json("share", "inspect", str(out), "--passphrase-file", str(phrase_file), env=env)
    assert shown["signature"] == "valid" and shown["window"] == "open"
    assert shown["manifest"]["package_id"] == opened.manifest.package_id
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-right-six-word-phrase-here\n")
    refused = _error(
        run("share", "inspect", str(out), "--passphrase-file", str(wrong), env=env, code=1)
    )
    assert "wrong passphrase" in refused
    fifo = tmp_path / "phrase.fifo"
    os.mkfifo(fifo)  # nobody writes: reading it would wait forever
    piped = _error(
        run("share", "inspect", str(out), "--passphrase-file", str(fifo), env=env, code=1)
    )
    assert f"passphrase file {fifo} is not a regular file" in piped
    assert "SEALROOM_PASSWORD" not in piped  # no advice that does not apply to a passphrase
    assert phrase not in run("audit", "list", "--limit", "100", *made.args, env=env).stdout


def test_refused_without_grant_or_nda_in_one_line(tmp_path: Path, env: dict) -> None:
    key = tmp_path / "key.txt"
    made = package_vault(tmp_path, env, _keygen(key), photos=1)
    stranger = made.add_party("Stranger Brand", _keygen(tmp_path / "k2.txt"), allowed=False)
    out = tmp_path / "s.sealshare"
    refused = _error(
        made.share(
            "create", "--party", stranger, "--asset", made.assets[0], "--out", str(out), code=1
        )
    )
    assert "Stranger Brand has no grant" in refused and "package of" in refused
    assert not out.exists()
    run(
        "grant",
        "--party",
        stranger,
        "--asset",
        made.assets[0],
        "--override-reason",
        "Planning call before the NDA is back",
        *made.args,
        env=env,
    )
    refused = _error(
        made.share(
            "create", "--party", stranger, "--asset", made.assets[0], "--out", str(out), code=1
        )
    )
    assert "no signed, unexpired NDA" in refused and not out.exists()
    keyless = made.add_party("Keyless Brand")
    refused = _error(
        made.share(
            "create", "--party", keyless, "--asset", made.assets[0], "--out", str(out), code=1
        )
    )
    assert "has no age recipient" in refused
    bad = _error(
        run("party", "edit", keyless, "--age-recipient", "age1notakey", *made.args, env=env, code=1)
    )
    assert "not an age recipient" in bad


def test_revocation_and_receipt_round_trip(tmp_path: Path, env: dict) -> None:
    identity = tmp_path / "partner.identity"
    made = package_vault(tmp_path, env, identity_file(identity, env), photos=1)
    first, second = tmp_path / "first.sealshare", tmp_path / "second.sealshare"
    made.share("create", "--party", made.brand, "--asset", made.assets[0], "--out", str(first))
    store_path = tmp_path / "partner.json"
    opened, secret = open_package_file(
        first, PartnerStore(store_path), identity_file=identity, password=PARTNER_PASSWORD
    )
    assert secret is not None
    store = PartnerStore.load(store_path)
    accepted = accept_terms(opened, store)
    receipt = tmp_path / "first.sealreceipt"
    receipt.write_bytes(receipt_for(opened, accepted, secret))
    secret[:] = bytes(len(secret))
    recorded = run_json("share", "receipt", "import", str(receipt), *made.args, env=env)
    assert (recorded["status"], recorded["accepted"]) == ("accepted", accepted)
    events = run_json("audit", "list", "--limit", "100", *made.args, env=env)
    assert any(e["action"] == "package.receipt" and e["object"] == recorded["id"] for e in events)
    garbage = tmp_path / "garbage.sealreceipt"
    garbage.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\n--- x\n")
    _error(run("share", "receipt", "import", str(garbage), *made.args, env=env, code=1))

    run("share", "revoke", recorded["id"], "--reason", "sent too early", *made.args, env=env)
    shown = run("share", "list", *made.args, env=env).stdout
    assert "revoked" in shown
    made.share("create", "--party", made.brand, "--asset", made.assets[0], "--out", str(second))
    inspected = run_json(
        "share",
        "inspect",
        str(second),
        "--identity",
        str(identity),
        env={**env, "SEALROOM_PASSWORD": PARTNER_PASSWORD},
    )
    assert inspected["manifest"]["revoked_packages"] == [recorded["id"]]
    later, secret = open_package_file(
        second, PartnerStore.load(store_path), identity_file=identity, password=PARTNER_PASSWORD
    )
    assert later.manifest.revoked_packages == (recorded["id"],)
    with pytest.raises(PackageError, match="revoked this package"):
        open_package_file(
            first, PartnerStore.load(store_path), identity_file=identity, password=PARTNER_PASSWORD
        )


def test_batch_to_many_parties_writes_a_ledger(tmp_path: Path, env: dict) -> None:
    made = package_vault(tmp_path, env, _keygen(tmp_path / "k0.txt"), photos=1)
    others = [made.add_party(f"Brand {i}", _keygen(tmp_path / f"k{i + 1}.txt")) for i in range(2)]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    created = made.share_json(
        "create",
        "--party",
        made.brand,
        *others,
        "--asset",
        made.assets[0],
        "--out-dir",
        str(out_dir),
    )
    assert len(created["packages"]) == 3 and created["refused"] == []
    with open(created["ledger"], newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["party_id"] for r in rows] == [made.brand, *others]
    assert {r["file_name"] for r in rows} == {p.name for p in out_dir.glob("*.sealshare")}
    assert all(r["passphrase_delivered_separately"] == "no" for r in rows)
    usage = made.share(
        "create",
        "--party",
        made.brand,
        *others,
        "--asset",
        made.assets[0],
        "--out",
        str(tmp_path / "one.sealshare"),
        code=1,
    )
    assert "several parties need --out-dir" in _error(usage)
    stranger = made.add_party("Stranger", _keygen(tmp_path / "k9.txt"), allowed=False)
    second = tmp_path / "second"
    second.mkdir()
    partly = made.share(
        "create",
        "--party",
        made.brand,
        stranger,
        "--asset",
        made.assets[0],
        "--out-dir",
        str(second),
        code=1,
    )
    refused = _error(partly)
    assert "1 of 2 parties were refused" in refused and f"{stranger}: " in refused
    assert "ledger:" in partly.stdout and len(list(second.glob("*.sealshare"))) == 1


def test_identity_new_refuses_to_overwrite(tmp_path: Path, env: dict) -> None:
    path = tmp_path / "me.identity"
    recipient = identity_file(path, env)
    assert recipient.startswith("age1")
    assert json.loads(path.read_text())["recipient"] == recipient
    again = run("identity", "new", "--out", str(path), env=env, code=1)
    assert "already exists" in _error(again)
