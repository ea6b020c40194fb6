"""Agreements: kinds, parties, dates, scope, usage rights, status, the encrypted document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sealroom.vault.agreements.contracts import (
    NewAgreement,
    UsageRight,
    add_agreement,
    attach_document,
    edit_agreement,
    export_document,
    get_agreement,
    list_agreements,
    read_document,
    set_status,
)
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

Snapshot = Callable[[], dict[str, Any]]


def days(n: float) -> When:
    return When(now_utc() + timedelta(days=n), "UTC")


SIGNED = b"%PDF-1.4 signed NDA between Northwind and Ines, confidential terms\n"


def _sponsorship(cast: Any, **changes: object) -> NewAgreement:
    fields: dict[str, object] = {
        "kind": "sponsorship",
        "title": "Spring sponsorship",
        "party_ids": (cast.brand, cast.influencer),
        "effective": days(-1),
        "expires": days(200),
        "status": "signed",
        "survival_days": 365,
        "campaign_ids": (cast.campaign,),
        "usage_rights": (UsageRight(("Instagram", "tiktok"), "EU", days(10), days(100)),),
        "notes": "paid in two parts",
    }
    fields.update(changes)
    return NewAgreement(**fields)  # type: ignore[arg-type]


def test_agreement_with_everything(vault: Vault, cast: Any, tmp_path: Path) -> None:
    document = tmp_path / "signed.pdf"
    document.write_bytes(SIGNED)
    made = add_agreement(vault, _sponsorship(cast, document=document))
    again = get_agreement(vault, made.id)
    assert again == made
    assert made.kind_label == "sponsorship"
    assert set(made.party_names) == {"Northwind", "Ines"}
    assert made.campaign_ids == (cast.campaign,) and not made.general
    (right,) = made.usage_rights
    assert right.platforms == ("instagram", "tiktok") and right.territory == "EU"
    assert made.current_status == "signed"
    assert made.document_name == "signed.pdf" and made.document_size == len(SIGNED)
    assert read_document(vault, made.id) == SIGNED
    for blob in (vault.folder / "blobs").rglob("*"):
        if blob.is_file():
            assert b"confidential terms" not in blob.read_bytes()
    out = export_document(vault, made.id, tmp_path / "out.pdf")
    assert out.read_bytes() == SIGNED
    assert made.confidential_until is not None and made.expires is not None
    assert made.confidential_until > made.expires
    actions = [e.action for e in vault.audit.events(limit=3)]
    assert actions == ["agreement.export", "agreement.view", "agreement.add"]


def test_bad_agreements_are_refused_and_nothing_is_written(
    vault: Vault, cast: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    document = tmp_path / "signed.pdf"
    document.write_bytes(SIGNED)
    backwards = (UsageRight(("instagram",), "EU", days(50), days(20)),)
    cases: list[tuple[dict[str, object], str]] = [
        ({"expires": days(-5)}, "is not after the effective date"),
        ({"usage_rights": backwards}, "not after it starts"),
        ({"usage_rights": (UsageRight((), "EU", days(1)),)}, "at least one platform"),
        ({"survival_days": -1}, "survival period"),
        ({"party_ids": ()}, "needs at least one party"),
        ({"title": "  "}, "needs a title"),
        ({"kind": "handshake"}, "kind must be one of"),
        ({"status": "lost"}, "status must be one of"),
        ({"campaign_ids": ("cmp_missing",)}, "no campaign with id cmp_missing"),
        ({"asset_ids": ("ast_missing",)}, "no asset with id ast_missing"),
        ({"party_ids": ("pty_missing",)}, "no party with id pty_missing"),
    ]
    before = snapshot()
    for changes, message in cases:
        with pytest.raises((InvalidInputError, NotFoundError), match=message):
            add_agreement(vault, _sponsorship(cast, document=document, **changes))
        assert snapshot() == before, message


def test_empty_document_or_deleted_party_is_refused(
    vault: Vault, cast: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    before = snapshot()
    with pytest.raises(InvalidInputError, match="empty"):
        add_agreement(vault, _sponsorship(cast, document=empty))
    assert snapshot() == before
    parties.delete_party(vault, cast.influencer, "left the agency")
    before = snapshot()
    with pytest.raises(InvalidInputError, match="deleted party cannot enter a new agreement"):
        add_agreement(vault, _sponsorship(cast))
    assert snapshot() == before


def test_status_moves_forward_and_expiry_shows_by_itself(vault: Vault, cast: Any) -> None:
    made = add_agreement(vault, _sponsorship(cast, status="draft", expires=days(20)))
    assert set_status(vault, made.id, "sent").status == "sent"
    signed = set_status(vault, made.id, "signed", "countersigned by email")
    assert signed.status_at(now_utc()) == "signed"
    assert signed.status_at(now_utc() + timedelta(days=21)) == "expired"
    assert vault.audit.events(limit=1)[0].reason == "sent -> signed: countersigned by email"
    with pytest.raises(InvalidInputError, match="is signed; it can become terminated, expired"):
        set_status(vault, made.id, "draft")
    ended = set_status(vault, made.id, "terminated", "brand withdrew")
    assert ended.terminated is not None and ended.current_status == "terminated"
    assert ended.confidential_until is not None and ended.confidential_until > ended.terminated
    with pytest.raises(InvalidInputError, match="nothing"):
        set_status(vault, made.id, "signed")


def test_edit_checks_the_order_of_dates(vault: Vault, cast: Any, snapshot: Snapshot) -> None:
    made = add_agreement(vault, _sponsorship(cast))
    before = snapshot()
    with pytest.raises(InvalidInputError, match="is not after the effective date"):
        edit_agreement(vault, made.id, expires=days(-3))
    with pytest.raises(InvalidInputError, match="is not after the effective date"):
        edit_agreement(vault, made.id, effective=days(300))
    assert snapshot() == before
    later = days(400)
    renewed = edit_agreement(vault, made.id, expires=later, notes="renewed")
    assert renewed.expires == later.text and renewed.notes == "renewed"
    assert edit_agreement(vault, made.id, clear_expiry=True).expires is None
    assert vault.audit.events(limit=1)[0].reason == "changed expires"


def test_attach_replaces_the_document(vault: Vault, cast: Any, tmp_path: Path) -> None:
    made = add_agreement(vault, _sponsorship(cast))
    with pytest.raises(InvalidInputError, match="no document attached"):
        read_document(vault, made.id)
    first, second = tmp_path / "v1.pdf", tmp_path / "v2.pdf"
    first.write_bytes(b"%PDF-1.4 draft")
    second.write_bytes(SIGNED)
    old = attach_document(vault, made.id, first)
    assert old.document_blob_id is not None
    new = attach_document(vault, made.id, second)
    assert read_document(vault, made.id) == SIGNED
    assert not vault.blobs.path_of(old.document_blob_id).exists()
    assert new.document_name == "v2.pdf"


def test_list_filters_by_kind_and_party(vault: Vault, cast: Any) -> None:
    sponsorship = add_agreement(vault, _sponsorship(cast))
    nda = add_agreement(
        vault, NewAgreement("nda", "Omar NDA", (cast.other,), days(-1), days(100), "signed")
    )
    assert nda.general
    assert {a.id for a in list_agreements(vault)} == {sponsorship.id, nda.id}
    assert [a.id for a in list_agreements(vault, kind="nda")] == [nda.id]
    assert [a.id for a in list_agreements(vault, party_id=cast.other)] == [nda.id]
    assert vault.audit.events(limit=1)[0].action == "agreement.list"
