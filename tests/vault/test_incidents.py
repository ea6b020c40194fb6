"""Leak cases: from a real trace to the evidence pack, status rules, notes sealed in the log, the
dashboard's open incidents (real vault, real watermark, real PDF read back with pdftotext)."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sealroom_access import allow_copies
from skimage import data as samples

from sealroom.crypto.keyslots import Role
from sealroom.vault import incidents, incidents_case, incidents_pack, users
from sealroom.vault.assets import catalog as assets
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.parties import directory as parties
from sealroom.vault.protect import shares, trace
from sealroom.vault.reports import dashboard
from sealroom.vault.session import Vault
from sealroom.vault.store import query


@pytest.fixture
def leaked(vault: Vault, tmp_path: Path) -> dict[str, object]:
    photo = tmp_path / "launch.png"
    Image.fromarray(samples.astronaut()).save(photo)
    asset = assets.import_file(vault, photo, title="Launch photo")
    people = [parties.add_party(vault, f"Partner {i}", "brand") for i in range(3)]
    files = {}
    for person in people:
        allow_copies(vault, person.id, asset.id)
        _, written = shares.export_preview(
            vault, asset.id, person.id, tmp_path / f"preview-{person.id}.png", max_side=400
        )
        files[person.id] = written[0]
    leaker = people[1]
    suspect = tmp_path / "found-online.jpg"
    Image.open(files[leaker.id]).convert("RGB").save(suspect, quality=90)
    reports = trace.trace_files(vault, [suspect])
    return {"asset": asset, "leaker": leaker, "reports": reports, "suspect": suspect}


def test_a_trace_becomes_a_case_with_its_evidence(vault: Vault, leaked: dict) -> None:
    leaker = leaked["leaker"]
    reports = leaked["reports"]
    assert reports[0].accused == (leaker.id,)
    case_open = incidents.open_from_trace(vault, reports)
    assert case_open.status == "open" and case_open.asset_id == leaked["asset"].id
    leaked["suspect"].unlink()  # the case keeps its own encrypted copy

    case = incidents_case.load_case(vault, case_open.id)
    assert [c.party_id for c in case.candidates if c.accused] == [leaker.id]
    assert case.candidates[0].p_false < 1e-6
    assert case.agreements[leaker.id][0].title == "Mutual NDA"
    whats = [t.what for t in case.timeline]
    assert any(w.startswith("access granted") for w in whats)
    assert any(w.startswith("preview issued") for w in whats)
    assert "first sighting: found-online.jpg" in whats and "incident opened" in whats
    suspect = case.suspects[0]
    stored = incidents.read_suspect(vault, case_open.id, suspect.id)
    assert len(stored) == suspect.size
    blob = vault.blobs.path_of(suspect.blob_id).read_bytes()
    assert stored[:64] not in blob  # encrypted at rest


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")
def test_the_evidence_pack_names_the_party_and_explains_the_odds(
    vault: Vault, leaked: dict, tmp_path: Path
) -> None:
    case = incidents.open_from_trace(vault, leaked["reports"], "Launch photo on a forum")
    incidents.add_note(vault, case.id, "Posted at 09:12 by a throwaway account")
    out = tmp_path / "pack"
    written = incidents_pack.export_pack(vault, case.id, out)
    pdf = written[0]
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert leaked["leaker"].name in flat
    assert "would score this high by accident is" in flat
    assert "one in a million" in flat
    assert "Mutual NDA" in flat
    assert "Posted at 09:12" in flat
    assert "leak.trace" in flat and "incident.open" in flat
    bundle = written[1]  # the events the PDF quotes, signed, beside it
    report = verify_bundle(bundle)
    assert report.ok, report.problems
    assert report.events > 0
    with pytest.raises(InvalidInputError, match="already exists"):
        incidents_pack.export_pack(vault, case.id, out)


def test_status_moves_follow_the_rules(vault: Vault) -> None:
    case = incidents.open_incident(vault, "Screenshot in a group chat")
    assert incidents.set_status(vault, case.id, "confirmed").status == "confirmed"
    size = vault.audit.size
    refused = "is confirmed: it can become closed, not dismissed"
    with pytest.raises(InvalidInputError, match=refused):
        incidents.set_status(vault, case.id, "dismissed")
    with pytest.raises(InvalidInputError, match="unknown status"):
        incidents.set_status(vault, case.id, "solved")
    assert incidents.get_incident(vault, case.id).status == "confirmed"
    assert vault.audit.size == size  # refused moves change nothing
    closed = incidents.set_status(vault, case.id, "closed")
    assert closed.status == "closed" and closed.closed
    assert incidents.set_status(vault, case.id, "open").closed is None
    with pytest.raises(NotFoundError):
        incidents.set_status(vault, "inc_000000000000", "closed")
    with pytest.raises(InvalidInputError, match="needs a title"):
        incidents.open_incident(vault, "   ")


def test_notes_are_sealed_from_auditors(vault: Vault, vault_dir: Path) -> None:
    users.add_user(vault, "aldo", Role.AUDITOR, "auditor password 1")
    case = incidents.open_incident(vault, "Leak of the moodboard")
    incidents.add_note(vault, case.id, "Suspect is the agency intern")
    folder = vault.folder
    vault.lock()
    with Vault.unlock(folder, "aldo", "auditor password 1") as auditor:
        note = next(e for e in auditor.audit.events() if e.action == "incident.note")
        assert note.reason == "note added"
        assert "intern" not in str(auditor.audit.events())


def test_the_dashboard_counts_open_incidents(vault: Vault) -> None:
    first = incidents.open_incident(vault, "One")
    second = incidents.open_incident(vault, "Two")
    incidents.open_incident(vault, "Three")
    incidents.set_status(vault, first.id, "dismissed")
    incidents.set_status(vault, second.id, "confirmed")
    board = dashboard.build_dashboard(vault)
    assert sorted(i.title for i in board.incidents) == ["Three", "Two"]
    (count,) = query(vault.conn, "SELECT count(*) FROM incidents")[0]
    assert count == 3
