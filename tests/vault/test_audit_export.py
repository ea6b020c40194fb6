"""The audit export bundle: written from a real vault, checked with no vault, by `ssh-keygen`,
by the bundled verify.py, by the csv module and by poppler; every tamper case reported."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sealroom.crypto.keyslots import Role
from sealroom.crypto.signing import generate_signing_key, sign
from sealroom.vault.audit_bundle import files
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.audit_bundle.export import ExportFilter, export_bundle
from sealroom.vault.audit_bundle.report import write_report
from sealroom.vault.errors import Cancelled, InvalidInputError
from sealroom.vault.session import Vault
from sealroom.vault.users import add_user

OWNER, PASSWORD = "maya", "owner-password-1"
AUDITOR, AUDITOR_PASSWORD = "ines", "auditor-password-1"


def make_vault(folder: Path, events: int = 40) -> Vault:
    vault = Vault.create(folder, OWNER, PASSWORD)
    with vault.transaction():
        for k in range(events):
            obj = "ast_launch" if k % 3 == 0 else f"par_{k % 5}"
            vault.audit.append("asset.view", obj, "success", "seen by legal" if k % 2 else "")
    return vault


def export(vault: Vault, out: Path, **kw: object) -> Path:
    export_bundle(vault, out, **kw)  # type: ignore[arg-type]
    return out


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, str]:
    vault = make_vault(tmp_path / "v")
    try:
        out = export(vault, tmp_path / "bundle")
        return out, vault.header.vault_id
    finally:
        vault.lock()


def ssh_verify(folder: Path, vault_id: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(folder / files.ALLOWED_SIGNERS),
            "-I",
            vault_id,
            "-n",
            files.NAMESPACE,
            "-s",
            str(folder / files.SIGNATURE),
        ],
        input=(folder / files.EVENTS).read_bytes(),
        capture_output=True,
        check=False,
    )


def lines_of(folder: Path) -> list[bytes]:
    return (folder / files.EVENTS).read_bytes().splitlines(keepends=True)


def write_lines(folder: Path, lines: list[bytes]) -> None:
    (folder / files.EVENTS).write_bytes(b"".join(lines))


def edited(line: bytes) -> bytes:
    return line.replace(b'"asset.view"', b'"asset.edit"')


TAMPERS = {
    "edited": lambda ls: [*ls[:3], edited(ls[3]), *ls[4:]],
    "deleted": lambda ls: [*ls[:3], *ls[4:]],
    "reordered": lambda ls: [*ls[:3], ls[4], ls[3], *ls[5:]],
    "inserted": lambda ls: [*ls[:3], edited(ls[3]), *ls[3:]],
}


def test_fresh_export_verifies_everywhere(bundle: tuple[Path, str]) -> None:
    folder, vault_id = bundle
    report = verify_bundle(folder)
    assert report.ok, report.problems
    assert report.events == report.size == len(lines_of(folder))
    assert b'"action":"audit.export"' in lines_of(folder)[-1]  # the export records itself
    assert ssh_verify(folder, vault_id).returncode == 0
    own = subprocess.run(
        [sys.executable, str(folder / "verify.py")], capture_output=True, text=True, check=False
    )
    assert own.returncode == 0 and own.stdout.startswith(f"OK: {report.events} events"), own


@pytest.mark.parametrize("tamper", sorted(TAMPERS))
def test_any_one_line_changed_is_rejected(bundle: tuple[Path, str], tamper: str) -> None:
    folder, vault_id = bundle
    write_lines(folder, TAMPERS[tamper](lines_of(folder)))
    assert ssh_verify(folder, vault_id).returncode != 0
    report = verify_bundle(folder)
    assert not report.ok
    assert any("events.jsonl.sig" in p for p in report.problems)
    assert any(
        p.startswith("events.jsonl") and "sig" not in p.split(":")[0] for p in report.problems
    ), report.problems
    own = subprocess.run(
        [sys.executable, str(folder / "verify.py")], capture_output=True, text=True, check=False
    )
    assert own.returncode != 0 and "FAILED" in own.stderr


def test_each_tamper_is_named(bundle: tuple[Path, str]) -> None:
    folder, _ = bundle
    original = lines_of(folder)
    expected = {
        "edited": "do not hash to the checkpoint's root",
        "deleted": "events 3..3 are missing",
        "reordered": "index 3 comes after index 4",
        "inserted": "index 3 comes after index 3",
    }
    for name, change in TAMPERS.items():
        write_lines(folder, change(original))
        problems = verify_bundle(folder).problems
        assert any(expected[name] in p for p in problems), (name, problems)


def test_truncated_events_and_empty_folder(bundle: tuple[Path, str], tmp_path: Path) -> None:
    folder, _ = bundle
    size = verify_bundle(folder).size
    data = (folder / files.EVENTS).read_bytes()
    (folder / files.EVENTS).write_bytes(data[: len(data) - 30])
    problems = verify_bundle(folder).problems
    assert any(f"line {size}: cut off (the file was truncated)" in p for p in problems), problems
    assert f"events.jsonl holds {size - 1} events but the checkpoint signs {size}" in problems
    empty = tmp_path / "empty"
    empty.mkdir()
    problems = verify_bundle(empty).problems
    assert problems == [
        f"{name} is missing"
        for name in (files.EVENTS, files.CHECKPOINT, files.ALLOWED_SIGNERS, files.MANIFEST)
    ]


def test_tampered_checkpoint_and_foreign_key(bundle: tuple[Path, str]) -> None:
    folder, _ = bundle
    text = (folder / files.CHECKPOINT).read_text()
    note, _, sig = text.partition("\n\n")
    lines = note.split("\n")
    lines[1] = str(int(lines[1]) - 1)
    (folder / files.CHECKPOINT).write_text("\n".join(lines) + "\n\n" + sig)
    problems = verify_bundle(folder).problems
    assert problems == [
        "checkpoint: its signature does not verify with the keys in allowed_signers "
        "(altered, or signed by another key)"
    ]
    private, _ = generate_signing_key()
    forged = files.SignedCheckpoint(note + "\n", sign(private, (note + "\n").encode()))
    (folder / files.CHECKPOINT).write_text(forged.to_text())
    assert verify_bundle(folder).problems == problems


def test_signer_fingerprint_is_pinned(bundle: tuple[Path, str]) -> None:
    folder, _ = bundle
    report = verify_bundle(folder)
    assert verify_bundle(folder, signer_fingerprint=report.signer).ok
    assert verify_bundle(folder, signer_fingerprint="SHA256:someoneelse").problems == [
        "allowed_signers holds no key with fingerprint SHA256:someoneelse"
    ]


def test_filtered_export_proves_each_event(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    try:
        out = export(vault, tmp_path / "b", flt=ExportFilter(asset="ast_launch"))
    finally:
        vault.lock()
    report = verify_bundle(out)
    assert report.ok, report.problems
    assert report.events == 14 and report.size > 40
    own = subprocess.run(
        [sys.executable, str(out / "verify.py")], capture_output=True, text=True, check=False
    )
    assert own.returncode == 0 and own.stdout.startswith("OK: 14 events"), own
    lines = lines_of(out)
    write_lines(out, [*lines[:2], edited(lines[2]), *lines[3:]])
    problems = verify_bundle(out).problems
    assert any("line 3: event" in p and "inclusion proof fails" in p for p in problems), problems
    own = subprocess.run(
        [sys.executable, str(out / "verify.py")], capture_output=True, text=True, check=False
    )
    assert own.returncode == 1 and "line 3: inclusion proof fails" in own.stderr, own


def test_previous_checkpoint_consistency_and_rollback(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault = make_vault(folder)
    try:
        first = export(vault, tmp_path / "first")
        with vault.transaction():
            vault.audit.append("asset.view", "ast_launch")
    finally:
        vault.lock()
    older = tmp_path / "older"
    shutil.copytree(folder, older)  # a backup of the whole folder, put back later
    previous = first / files.CHECKPOINT
    vault = Vault.unlock(folder, OWNER, PASSWORD)
    try:
        later = export(
            vault, tmp_path / "later", flt=ExportFilter(asset="ast_launch"), previous=previous
        )
        full = export(vault, tmp_path / "full")
    finally:
        vault.lock()
    assert verify_bundle(later, previous).ok, verify_bundle(later, previous).problems
    assert verify_bundle(full, previous).ok
    assert verify_bundle(later).notes[-1].startswith("consistency.json present")
    problems = verify_bundle(first, full / files.CHECKPOINT).problems
    assert len(problems) == 1 and problems[0].startswith("the log went backwards"), problems
    # The folder rolled back to the backup: its export is behind the auditor's checkpoint.
    shutil.rmtree(folder)
    shutil.copytree(older, folder)
    kept = full / files.CHECKPOINT
    vault = Vault.unlock(folder, OWNER, PASSWORD)
    try:
        with pytest.raises(InvalidInputError, match="rolled back"):
            export(vault, tmp_path / "refused", previous=kept)
        behind = export(vault, tmp_path / "behind")
        report = verify_bundle(behind, kept)
        kept_size = verify_bundle(full).size
        expected = "the log went backwards" if report.size < kept_size else "the log was rewritten"
        assert len(report.problems) == 1, report.problems
        assert report.problems[0].startswith(expected), report.problems
        with vault.transaction():  # and written again past the kept checkpoint's size
            for _ in range(10):
                vault.audit.append("asset.view", "ast_other")
        rewritten = export(vault, tmp_path / "rewritten")
    finally:
        vault.lock()
    problems = verify_bundle(rewritten, kept).problems
    assert len(problems) == 1 and problems[0].startswith("the log was rewritten"), problems
    # A checkpoint of another vault.
    other = make_vault(tmp_path / "other")
    try:
        foreign = export(other, tmp_path / "foreign")
    finally:
        other.lock()
    problems = verify_bundle(full, foreign / files.CHECKPOINT).problems
    assert "previous checkpoint: not one this vault signed (another vault's?)" in problems
    vault = Vault.unlock(folder, OWNER, PASSWORD)
    try:
        with pytest.raises(InvalidInputError, match="another log"):
            export(vault, tmp_path / "x", previous=foreign / files.CHECKPOINT)
    finally:
        vault.lock()


def test_auditor_exports_without_the_content_key(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    try:
        add_user(vault, AUDITOR, Role.AUDITOR, AUDITOR_PASSWORD)
    finally:
        vault.lock()
    auditor = Vault.unlock(tmp_path / "v", AUDITOR, AUDITOR_PASSWORD)
    try:
        result = export_bundle(auditor, tmp_path / "b")
    finally:
        auditor.lock()
    assert not result.ssh_signed and result.notes
    report = verify_bundle(tmp_path / "b")
    assert report.ok, report.problems
    sealed = [ln for ln in lines_of(tmp_path / "b") if b'"detail":' in ln]
    assert sealed and all(b"seen by legal" not in ln for ln in sealed)


def test_csv_and_pdf(bundle: tuple[Path, str]) -> None:
    folder, vault_id = bundle
    with open(folder / files.CSV, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(lines_of(folder))
    pages: list[tuple[int, int]] = []
    write_report(folder, vault_id, progress=lambda d, t: pages.append((d, t)))
    assert pages and pages[-1][0] == pages[-1][1]
    rendered = subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(folder / files.PDF),
            str(folder / "page"),
        ],
        check=False,
    )
    assert rendered.returncode == 0 and list(folder.glob("page*.png"))
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(folder / files.PDF), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert vault_id in text and "Period:" in text
    first_time = rows[0]["time"]
    assert first_time in text


def test_pdf_can_be_cancelled(bundle: tuple[Path, str]) -> None:
    folder, vault_id = bundle
    with pytest.raises(Cancelled):
        write_report(folder, vault_id, should_cancel=lambda: True)
    assert not (folder / files.PDF).exists()
