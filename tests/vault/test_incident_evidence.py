"""The evidence pack proves what it quotes: every audit event in the PDF carries its Merkle
inclusion proof against a checkpoint signed for the export, the signed events beside it check
with `audit verify` (and stop checking once an event is edited), and a leak from a share package
shows the package and the recipient's accepted NDA terms on the timeline (real vault, real age
package opened and acknowledged on the partner side, real trace, PDF read back with pdftotext)."""

from __future__ import annotations

import base64
import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sealroom_access import allow_copies
from skimage import data as samples

from sealroom.crypto import agebox, merkle
from sealroom.crypto.signing import verify as verify_signature
from sealroom.vault import audit_heads, incidents, incidents_case, incidents_pack
from sealroom.vault.assets import catalog as assets
from sealroom.vault.audit_bundle import files
from sealroom.vault.audit_bundle.check import verify_bundle
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.parties import directory as parties
from sealroom.vault.partner.opening import accept_terms, open_share, receipt_for
from sealroom.vault.partner.store import PartnerStore
from sealroom.vault.protect import package_receipts, package_records, packages, shares, trace
from sealroom.vault.session import Vault

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)"
)


def _pdf_words(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def _bundle(folder: Path) -> tuple[audit_heads.NoteFields, list[tuple[int, bytes]], dict]:
    """The checkpoint's fields, (index, leaf bytes) of each event, and proofs by index."""
    checkpoint = files.parse_checkpoint((folder / files.CHECKPOINT).read_text("utf-8"))
    assert checkpoint is not None
    fields = audit_heads.parse_note(checkpoint.note)
    assert fields is not None
    lines = (folder / files.EVENTS).read_bytes().splitlines()
    events = [files.parse_event_line(line) for line in lines]
    assert None not in events
    proofs = {}
    for line in (folder / files.PROOFS).read_text("utf-8").splitlines():
        item = json.loads(line)
        proofs[item["index"]] = [base64.b64decode(h) for h in item["path"]]
    return fields, [e for e in events if e is not None], proofs


@pytest.fixture
def traced_case(vault: Vault, tmp_path: Path) -> incidents.Incident:
    photo = tmp_path / "launch.png"
    Image.fromarray(samples.astronaut()).save(photo)
    asset = assets.import_file(vault, photo, title="Launch photo")
    people = [parties.add_party(vault, f"Partner {i}", "brand") for i in range(2)]
    written = {}
    for person in people:
        allow_copies(vault, person.id, asset.id)
        written[person.id] = shares.export_preview(
            vault, asset.id, person.id, tmp_path / f"preview-{person.id}.png", max_side=400
        )[1][0]
    suspect = tmp_path / "found.jpg"
    Image.open(written[people[0].id]).convert("RGB").save(suspect, quality=90)
    return incidents.open_from_trace(vault, trace.trace_files(vault, [suspect]))


@needs_pdftotext
def test_every_quoted_event_carries_a_proof_that_checks(
    vault: Vault, traced_case: incidents.Incident, tmp_path: Path
) -> None:
    pdf, folder = incidents_pack.export_pack(vault, traced_case.id, tmp_path / "pack")
    assert folder.name == f"incident-{traced_case.id}-events"
    for path in (pdf, *folder.iterdir()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert not list(tmp_path.rglob("*.partial"))
    cp, events, proofs = _bundle(folder)

    # The checkpoint is signed by the vault's key and fixes the log as it was at the export.
    checkpoint = files.parse_checkpoint((folder / files.CHECKPOINT).read_text("utf-8"))
    assert checkpoint is not None
    assert verify_signature(
        vault.header.signing_public_key, checkpoint.note.encode(), checkpoint.signature
    )
    assert cp.size <= vault.audit.size

    # Each quoted event is in the signed tree, by crypto.merkle's verifier.
    assert len(events) == len(proofs) >= 4
    for index, leaf in events:
        hashed = merkle.leaf_hash(leaf)
        assert merkle.verify_inclusion(hashed, index, cp.size, proofs[index], cp.root)
    actions = [json.loads(leaf)["action"] for _, leaf in events]
    assert {"share.create", "leak.trace", "incident.open", "incident.export"} <= set(actions)
    assert actions[-1] == "incident.export"  # recorded, and signed over, before any file

    # The PDF shows the checkpoint, each event's leaf index and its (shortened) proof.
    words = _pdf_words(pdf)
    assert f"root {cp.root.hex()}" in words and f"at {cp.size} events" in words
    assert f"run `sealroom audit verify {folder.name}`" in words
    for index, leaf in events:
        path = " ".join(h.hex()[:8] for h in proofs[index])
        line = f"#{index + 1} leaf {index}: {merkle.leaf_hash(leaf).hex()[:8]} proof {path}"
        assert line in words

    assert verify_bundle(folder).ok


def test_an_edited_event_fails_verification(
    vault: Vault, traced_case: incidents.Incident, tmp_path: Path
) -> None:
    _, folder = incidents_pack.export_pack(vault, traced_case.id, tmp_path / "pack")
    report = verify_bundle(folder)
    assert report.ok, report.problems
    events = folder / files.EVENTS
    original = events.read_bytes()
    lines = original.splitlines(keepends=True)
    victim = next(i for i, line in enumerate(lines) if b'"leak.trace"' in line)
    lines[victim] = lines[victim].replace(b'"leak.trace"', b'"leak.check"')
    events.write_bytes(b"".join(lines))
    problems = verify_bundle(folder).problems
    assert any(f"line {victim + 1}" in p and "not in the signed tree" in p for p in problems)
    assert any(p.startswith("events.jsonl.sig:") for p in problems)

    # Moving the proof to another event does not help either.
    events.write_bytes(original)
    proof_lines = (folder / files.PROOFS).read_text("utf-8").splitlines()
    first, second = json.loads(proof_lines[0]), json.loads(proof_lines[1])
    first["path"], second["path"] = second["path"], first["path"]
    (folder / files.PROOFS).write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
    assert not verify_bundle(folder).ok


def test_a_case_opened_by_hand_exports_with_its_own_events(
    vault: Vault, tmp_path: Path
) -> None:
    case = incidents.open_incident(vault, "Seen on TV")
    pdf, folder = incidents_pack.export_pack(vault, case.id, tmp_path / "pack")
    assert pdf.read_bytes().startswith(b"%PDF-")
    _, events, _ = _bundle(folder)
    assert [json.loads(leaf)["action"] for _, leaf in events] == [
        "incident.open", "incident.export"
    ]
    assert verify_bundle(folder).ok
    size = vault.audit.size
    with pytest.raises(InvalidInputError, match="already exists"):
        incidents_pack.export_pack(vault, case.id, tmp_path / "pack")
    (tmp_path / "file").write_text("x")
    (tmp_path / "nowhere").symlink_to(tmp_path / "gone")
    for bad in ("file", "nowhere"):
        with pytest.raises(InvalidInputError, match="is not a folder"):
            incidents_pack.export_pack(vault, case.id, tmp_path / bad)
    assert not (tmp_path / "gone").exists()
    assert vault.audit.size == size  # refused before anything was recorded


@needs_pdftotext
def test_a_leak_from_a_share_package_shows_the_package_and_the_accepted_terms(
    vault: Vault, tmp_path: Path
) -> None:
    photo = tmp_path / "campaign.png"
    Image.fromarray(samples.astronaut()).save(photo)
    asset = assets.import_file(vault, photo, title="Campaign key visual")
    identity, recipient = agebox.generate_identity()
    brand = parties.add_party(
        vault, "Lumen Cosmetics", "brand", organisation="Lumen", age_recipient=recipient
    )
    other = parties.add_party(vault, "Orbit Agency", "agency")
    for party in (brand, other):
        allow_copies(vault, party.id, asset.id)
    shares.export_preview(vault, asset.id, other.id, tmp_path / "orbit.png", max_side=400)
    issued = packages.issue_package(
        vault, brand.id, [asset.id], tmp_path / "lumen.sealshare", max_side=400
    )

    # The partner opens the package, accepts the NDA terms and sends back a receipt; later the
    # package is revoked (its holder stays traceable).
    store = PartnerStore(tmp_path / "partner.json")
    opened = open_share(issued.path.read_bytes(), store, identity=identity)
    accepted = accept_terms(opened, store)
    package_receipts.import_receipt(vault, receipt_for(opened, accepted, identity))
    package = package_records.revoke_package(vault, issued.package.id, "campaign cancelled")

    # One of the package's previews turns up online.
    (entry,) = opened.manifest.assets
    suspect = tmp_path / "forum-post.jpg"
    leaked = tmp_path / "leaked.png"
    leaked.write_bytes(opened.previews[entry.files[0].path])
    Image.open(leaked).convert("RGB").save(suspect, quality=90)
    reports = trace.trace_files(vault, [suspect])
    assert reports[0].accused == (brand.id,)
    case = incidents.open_from_trace(vault, reports)

    timeline = incidents_case.load_case(vault, case.id).timeline
    mine = [(t.time, t.what) for t in timeline if t.party_id == brand.id]
    assert (package.created, next(w for _, w in mine if w.startswith("package issued"))) in mine
    receipt = [(t, w) for t, w in mine if w.startswith("NDA terms accepted (receipt imported")]
    assert [t for t, _ in receipt] == [accepted]
    assert receipt[0][1].endswith(f"“Mutual NDA” in package {package.id}")
    assert (package.revoked, f"package revoked ({package.id})") in mine
    assert not any(w.startswith("preview issued") for _, w in mine)  # the package says it
    whats = [t.what for t in timeline]
    issued_at = next(i for i, w in enumerate(whats) if w.startswith("package issued"))
    accepted_at = next(i for i, w in enumerate(whats) if w.startswith("NDA terms accepted"))
    sighted_at = whats.index("first sighting: forum-post.jpg")
    assert issued_at < accepted_at < sighted_at
    assert any(t.party_id == other.id and t.what.startswith("preview issued") for t in timeline)

    pdf, folder = incidents_pack.export_pack(vault, case.id, tmp_path / "pack")
    words = _pdf_words(pdf)
    for shown in (f"package issued ({package.id}", "sealed to their age key",
                  "NDA terms accepted (receipt imported on", f"package revoked ({package.id})"):
        assert shown in words  # (a table cell's lines may come out between other cells')
    assert "Lumen Cosmetics" in words and "package.receipt" in words
    _, events, _ = _bundle(folder)
    receipts = [json.loads(leaf) for _, leaf in events if b'"package.receipt"' in leaf]
    assert [e["object"] for e in receipts] == [package.id]
    assert verify_bundle(folder).ok


def test_a_pack_that_fails_while_writing_leaves_nothing_behind(
    vault: Vault, traced_case: incidents.Incident, tmp_path: Path
) -> None:
    case = incidents_case.load_case(vault, traced_case.id)
    stored = vault.blobs.path_of(case.suspects[0].blob_id)
    stored.write_bytes(bytes(stored.stat().st_size))  # the encrypted suspect file is damaged
    out = tmp_path / "pack"
    with pytest.raises(SealroomError, match="encrypted file is damaged"):
        incidents_pack.export_pack(vault, traced_case.id, out)
    assert list(out.iterdir()) == []  # no PDF, no partial file, no half-made folder of events
    (failed,) = [
        e for e in vault.audit.events(limit=5) if e.action == "incident.export"
        and e.outcome == "failure"
    ]
    assert failed.object == traced_case.id
    assert vault.audit.events(limit=1)[0] == failed  # recorded; nothing written since
