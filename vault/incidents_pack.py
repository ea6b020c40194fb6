"""The evidence pack of an incident: one PDF a lawyer can read without Sealroom.

It shows the suspect file beside the preview the matched recipient was given, the alignment and
scores, the false-accusation probabilities in plain words, what each candidate signed (titles,
dates, terms), the timeline, the notes and the audit events about the asset, the parties and the
case. Images are drawn from memory: no decrypted picture is written anywhere but into the PDF,
which is written 0600 and atomically. The signed event bundle goes beside it when this build has
the audit export (`signed_bundle`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_bundle.export import ExportFilter, export_bundle
from sealroom.vault.audit_filter import AuditFilter
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.fsutil import atomic_write
from sealroom.vault.incidents import read_suspect
from sealroom.vault.incidents_case import IncidentCase, load_case
from sealroom.vault.media import decode as previews
from sealroom.vault.protect.shares import asset_pages, get_share, render_share
from sealroom.vault.session import Vault

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
        if self.unicode:
            self.add_font("body", "", str(regular))
            self.add_font("body", "B", str(bold))
            self.family_name = "body"
        else:
            self.family_name = "helvetica"

    def text_of(self, text: str) -> str:
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(self.family_name, "B", 13)
        self.multi_cell(0, 7, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family_name, "", 10)

    def para(self, text: str) -> None:
        self.multi_cell(0, 5, self.text_of(text), new_x="LMARGIN", new_y="NEXT")

    def grid(self, header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
        self.set_font(self.family_name, "", 8)
        with super().table(text_align="LEFT") as grid:
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


def relevant_events(vault: Vault, case: IncidentCase) -> list[AuditEvent]:
    """Events about the case, its asset and its candidates, oldest first."""
    log = vault.audit
    filters = [AuditFilter(asset=case.incident.id)]
    if case.incident.asset_id:
        filters.append(AuditFilter(asset=case.incident.asset_id))
    filters += [AuditFilter(party=c.party_id) for c in case.candidates]
    filters += [AuditFilter(asset=c.share_id) for c in case.candidates if c.share_id]
    found: dict[int, AuditEvent] = {}
    for where in filters:
        for event in log.search("", log.size, 0, MAX_EVENTS, where):
            found[event.seq] = event
    return [found[seq] for seq in sorted(found)][-MAX_EVENTS:]


def signed_bundle(vault: Vault, case: IncidentCase, out_dir: Path) -> Path | None:
    """The signed audit bundle of the matched asset's events (with their inclusion proofs)
    beside the PDF, so the events the pack quotes can be checked with `sealroom audit verify`
    or `ssh-keygen -Y verify`; None when the incident has no asset."""
    if not case.incident.asset_id:
        return None
    target = out_dir / f"incident-{case.incident.id}-events"
    export_bundle(vault, target, ExportFilter(asset=case.incident.asset_id))
    return target


def render_pack(vault: Vault, case: IncidentCase, events: list[AuditEvent]) -> bytes:
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
    ))
    if case.notes:
        pdf.heading("Notes")
        for n in case.notes:
            pdf.para(f"{n.time} {n.author}: {n.text}")

    pdf.heading("Audit events")
    pdf.para("From the vault's signed, append-only log; `sealroom verify` checks each event "
             "against the Merkle tree and its signed checkpoints.")
    pdf.grid(("#", "Time (UTC)", "Who", "Action", "Object", "Outcome"), (
        (str(e.seq), e.time, e.actor, e.action, e.object, e.outcome) for e in events
    ))
    return bytes(pdf.output())


def export_pack(vault: Vault, incident_id: str, out_dir: Path) -> list[Path]:
    """Write the evidence pack into `out_dir` (made if missing); return the files written."""
    vault.require_content("export evidence packs")
    case = load_case(vault, incident_id)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InvalidInputError(f"{out_dir} is a file; name a folder for the evidence pack")
    target = out_dir / f"incident-{incident_id}.pdf"
    if target.exists():
        raise InvalidInputError(f"{target} already exists; choose another folder")
    data = render_pack(vault, case, relevant_events(vault, case))
    try:
        out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(target, data)
    except OSError as exc:
        raise SealroomError(f"cannot write {target}: {exc.strerror}") from None
    written = [target]
    bundle = signed_bundle(vault, case, out_dir)
    if bundle is not None:
        written.append(bundle)
    with vault.transaction():
        vault.audit.append(
            "incident.export", incident_id, reason=f"to {out_dir}",
            public="evidence pack" + (" with signed events" if bundle else ""),
        )
    return written
