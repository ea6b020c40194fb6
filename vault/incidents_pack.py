"""The evidence pack of an incident: one PDF a lawyer can read without Sealroom, and beside it
the signed audit events the PDF quotes.

The PDF shows the suspect file beside the preview the matched recipient was given, the alignment
and scores, the false-accusation probabilities in plain words, what each candidate signed
(titles, dates, terms), the timeline, the notes, and the audit events about the asset, the
parties and the case, each with its Merkle inclusion proof against a checkpoint signed for the
export (`incidents_evidence`). Images are drawn from memory: no decrypted picture is written
anywhere but into the PDF. Every file goes through `exports.export_files`: the export is in the
audit log (and covered by the checkpoint) before anything is written, and files are written 0600.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF
from PIL import Image

from sealroom.vault import exports
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_filter import AuditFilter
from sealroom.vault.audit_heads import Checkpoint
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.incidents import read_suspect
from sealroom.vault.incidents_case import IncidentCase, load_case
from sealroom.vault.incidents_evidence import BUNDLE_FILES, ProvenEvents, prove, short
from sealroom.vault.incidents_evidence import sign_checkpoint as sign_export_checkpoint
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.shares import asset_pages, get_share, render_share
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MAX_EVENTS = 300
NAMING_WORDS = "one in a million"


def in_words(p_false: float) -> str:
    """A false-accusation probability as a sentence anyone can read."""
    if p_false >= 0.5:
        return ("about as likely as not for someone who did not leak the file: this score "
                "is no evidence against them")
    odds = 1 / max(p_false, 1e-300)
    if odds >= 1e12:
        scale = "less than one in a trillion"
    else:
        scale = f"about one in {odds:,.0f}"
    return (f"the chance that a recipient who did not leak the file would score this high by "
            f"accident is {scale} ({p_false:.2e})")


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_auto_page_break(auto=True, margin=15)
        regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
        self.unicode = regular.is_file() and bold.is_file()
        mono = FONT_DIR / "DejaVuSansMono.ttf"
        if self.unicode:
            self.add_font("body", "", str(regular))
            self.add_font("body", "B", str(bold))
            self.family_name = "body"
        else:
            self.family_name = "helvetica"
        self.mono_name = "courier"
        if mono.is_file():
            self.add_font("mono", "", str(mono))
            self.mono_name = "mono"

    def text_of(self, text: str) -> str:
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(self.family_name, "B", 13)
        self.multi_cell(0, 7, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family_name, "", 10)

    def para(self, text: str) -> None:
        self.multi_cell(0, 5, self.text_of(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def grid(
        self,
        header: tuple[str, ...],
        rows: Iterable[tuple[str, ...]],
        widths: tuple[int, ...] | None = None,
    ) -> None:
        self.set_font(self.family_name, "", 8)
        with super().table(text_align="LEFT", col_widths=widths) as grid:
            grid.row([self.text_of(h) for h in header])
            for row in rows:
                grid.row([self.text_of(cell) for cell in row])
        self.set_font(self.family_name, "", 10)


def _picture(pixels: previews.RGB) -> Image.Image:
    image = Image.fromarray(pixels)
    image.thumbnail((1200, 1200))
    return image


def _matched_preview(vault: Vault, case: IncidentCase) -> tuple[Image.Image | None, str]:
    """The preview the most likely recipient was given, else the matched asset page."""
    top = case.candidates[0] if case.candidates else None
    if top is not None and top.share_id:
        share = get_share(vault, top.share_id)
        page = (case.incident.page or 1) - 1
        pictures = render_share(vault, share)
        if 0 <= page < len(pictures):
            return _picture(pictures[page]), f"preview issued to {top.party_name}"
    if case.incident.asset_id:
        pages = asset_pages(vault, case.incident.asset_id, case.incident.asset_version)
        page = (case.incident.page or 1) - 1
        if 0 <= page < len(pages):
            return _picture(pages[page].pixels), "the asset as kept in the vault"
    return None, ""


def relevant_events(vault: Vault, case: IncidentCase, top_seq: int) -> list[AuditEvent]:
    """Events numbered up to `top_seq` about the case, its asset and its candidates (and their
    shares and packages), oldest first."""
    log = vault.audit
    filters = [AuditFilter(asset=case.incident.id)]
    if case.incident.asset_id:
        filters.append(AuditFilter(asset=case.incident.asset_id))
    filters += [AuditFilter(party=c.party_id) for c in case.candidates]
    filters += [AuditFilter(asset=c.share_id) for c in case.candidates if c.share_id]
    found: dict[int, AuditEvent] = {}
    for where in filters:
        for event in log.search("", top_seq, 0, MAX_EVENTS, where):
            found[event.seq] = event
    return [found[seq] for seq in sorted(found)][-MAX_EVENTS:]


def render_pack(vault: Vault, case: IncidentCase, proven: ProvenEvents, folder: str) -> bytes:
    """The PDF; `folder` is the name of the signed events' folder beside it."""
    pdf = _Pdf()
    pdf.add_page()
    incident = case.incident
    pdf.set_font(pdf.family_name, "B", 16)
    pdf.multi_cell(0, 8, pdf.text_of(f"Evidence pack: {incident.title}"),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family_name, "", 10)
    pdf.para(
        f"Incident {incident.id} · status {incident.status} · opened {incident.opened} by "
        f"{incident.opened_by} · vault {vault.header.vault_id}"
    )
    if incident.asset_id:
        pdf.para(f"Matched asset: {case.asset_title} ({incident.asset_id}, version "
                 f"{incident.asset_version}, page {incident.page or 1})")
    if case.alignment:
        pdf.para("Alignment of the suspect on the original: " + ", ".join(
            f"{k} {v:g}" for k, v in sorted(case.alignment.items())))

    pdf.heading("Suspect and matched preview")
    matched, caption = _matched_preview(vault, case)
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 6) / 2
    top = pdf.get_y()
    bottom = top
    if case.suspects:
        first = case.suspects[0]
        data = read_suspect(vault, incident.id, first.id)
        suspect = _picture(previews.decode_pages(data, first.name)[0].pixels)
        placed = pdf.image(suspect, x=pdf.l_margin, y=top, w=width)
        bottom = max(bottom, top + placed.rendered_height)
    if matched is not None:
        placed = pdf.image(matched, x=pdf.l_margin + width + 6, y=top, w=width)
        bottom = max(bottom, top + placed.rendered_height)
    pdf.set_y(bottom + 2)
    left = f"Left: suspect file {case.suspects[0].name}" if case.suspects else "No suspect file"
    pdf.para(f"{left}. Right: {caption or 'no preview'}.")
    for s in case.suspects:
        pdf.para(f"Suspect {s.name}: {s.size:,} bytes, SHA-256 {s.sha256}, {s.verdict}, "
                 f"first seen {s.sighted}")

    pdf.heading("Candidates and what the scores mean")
    pdf.grid(
        ("Recipient", "Share", "Score", "False-accusation probability", "Named"),
        ((c.party_name, c.share_id, f"{c.score:.3f}", f"{c.p_false:.2e}",
          "yes" if c.accused else "no") for c in case.candidates),
    )
    pdf.para(
        "Each recipient's preview carries a different invisible watermark. The score says how "
        "strongly the suspect file carries a recipient's watermark. Sealroom names a recipient "
        f"only when the chance of a score that high by accident is below {NAMING_WORDS}, "
        "corrected for every recipient tested."
    )
    for c in case.candidates:
        pdf.para(f"{c.party_name}: {in_words(c.p_false)}.")

    pdf.heading("Agreements signed by the candidates")
    for party_id, signed in case.agreements.items():
        name = case.party_names.get(party_id, party_id)
        if not signed:
            pdf.para(f"{name}: no agreement on record.")
        for a in signed:
            until = f" until {a.expires}" if a.expires else ""
            terms = f" Terms: {a.notes}" if a.notes else ""
            pdf.para(f"{name}: {a.kind.upper()} “{a.title}” ({a.status}), from "
                     f"{a.effective}{until}.{terms}")

    pdf.heading("Timeline")
    pdf.grid(("When (UTC)", "What", "Who"), (
        (t.time, t.what, case.party_names.get(t.party_id, t.party_id)) for t in case.timeline
    ), widths=(22, 58, 20))
    if case.notes:
        pdf.heading("Notes")
        for n in case.notes:
            pdf.para(f"{n.time} {n.author}: {n.text}")

    _audit_section(pdf, proven, folder)
    return bytes(pdf.output())


def _audit_section(pdf: _Pdf, proven: ProvenEvents, folder: str) -> None:
    cp = proven.checkpoint
    pdf.heading("Audit events and their inclusion proofs")
    pdf.para(
        f"These {len(proven.events)} events are quoted from the vault's append-only audit log. "
        f"A checkpoint signed for this pack fixes the log at {cp.size} events with the Merkle "
        f"tree root {cp.root.hex()} (in base64, as the checkpoint file writes it: "
        f"{base64.b64encode(cp.root).decode()}); it was signed at {cp.time} with the vault's "
        f"Ed25519 key {proven.fingerprint}."
    )
    pdf.para(
        f"To check them, run `sealroom audit verify {folder}` on the folder beside this PDF: it "
        "checks the checkpoint's signature and recomputes each event's proof up to that root."
    )
    pdf.grid(("#", "Time (UTC)", "Who", "Action", "Object", "Outcome"), (
        (str(p.event.seq), p.event.time, p.event.actor, p.event.action, p.event.object,
         p.event.outcome) for p in proven.events
    ), widths=(6, 22, 14, 18, 26, 10))
    pdf.heading("Inclusion proofs")
    pdf.para(
        "One line per event: its number, its leaf index in the tree, its leaf hash, then the "
        "proof's hashes from the leaf up to the root, each shortened to its first 8 hex digits "
        "(the full hashes are in proofs.jsonl and events.jsonl beside this PDF)."
    )
    pdf.set_font(pdf.mono_name, "", 7)
    for p in proven.events:
        pdf.para(f"#{p.event.seq} leaf {p.index}: {short(p.leaf_hash)} proof "
                 + (" ".join(short(h) for h in p.path) or "(none: the only event)"))
    pdf.set_font(pdf.family_name, "", 10)


class _Pack:
    """The pack's files, made when the first is written: after the export is recorded and the
    checkpoint signed, so the quoted events include the export itself."""

    def __init__(self, vault: Vault, case: IncidentCase, folder: str) -> None:
        self.vault = vault
        self.case = case
        self.folder = folder
        self.checkpoint: Checkpoint | None = None
        self._proven: ProvenEvents | None = None

    def proven(self) -> ProvenEvents:
        if self._proven is None:
            assert self.checkpoint is not None, "the export is recorded before it is written"
            events = relevant_events(self.vault, self.case, self.checkpoint.size)
            subject = {"incident": self.case.incident.id}
            self._proven = prove(self.vault, self.checkpoint, events, subject)
        return self._proven

    def write_pdf(self, stream: BinaryIO) -> None:
        stream.write(render_pack(self.vault, self.case, self.proven(), self.folder))

    def writer(self, name: str) -> Callable[[BinaryIO], object]:
        return lambda stream: stream.write(self.proven().bundle[name])


def export_pack(vault: Vault, incident_id: str, out_dir: Path) -> list[Path]:
    """Write the evidence pack into `out_dir` (made if missing): the PDF and the folder of signed
    events beside it; return both paths."""
    vault.require_content("export evidence packs")
    case = load_case(vault, incident_id)
    out_dir = Path(out_dir)
    if exports.exists(out_dir) and not out_dir.is_dir():  # a file, or a link to nothing
        raise InvalidInputError(f"{out_dir} is not a folder; name a folder for the evidence pack")
    target = out_dir / f"incident-{incident_id}.pdf"
    folder = out_dir / f"incident-{incident_id}-events"
    for path in (target, folder):
        if exports.exists(path):
            raise InvalidInputError(f"{path} already exists; choose another folder")
    try:
        out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
    except OSError as exc:
        raise SealroomError(f"cannot make {folder}: {exc.strerror}") from None
    pack = _Pack(vault, case, folder.name)
    outputs = [exports.Output(target, pack.write_pdf)] + [
        exports.Output(folder / name, pack.writer(name)) for name in BUNDLE_FILES
    ]

    def record(_conn: Connection) -> None:
        vault.audit.append(
            "incident.export", incident_id, reason=f"to {out_dir}",
            public="evidence pack with signed events",
        )
        pack.checkpoint = sign_export_checkpoint(vault)

    try:
        exports.export_files(vault, outputs, record, action="incident.export", obj=incident_id)
    except BaseException:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if nothing is left in it
        raise
    return [target, folder]
