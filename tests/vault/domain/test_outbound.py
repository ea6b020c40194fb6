"""The outbound rule on every copy that leaves the vault: grant, NDA, a second person's approval
for secret assets, the visible mark, and the owner's recorded override (real vaults, real
previews written through `shares.export_preview`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sealroom.crypto.keyslots import Role
from sealroom.vault import users
from sealroom.vault.access.grants import grant_access, revoke_grant
from sealroom.vault.assets.catalog import ImportOptions, import_files
from sealroom.vault.errors import InvalidInputError, PermissionDeniedError
from sealroom.vault.protect import outbound, shares
from sealroom.vault.protect.outbound import OutboundRefusedError, authorize_outbound
from sealroom.vault.protect.share_approvals import (
    approve_share,
    list_share_requests,
    request_share,
)
from sealroom.vault.reports.dashboard import build_dashboard
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

PASSWORD = "correct horse battery"
Snapshot = Callable[[], dict[str, Any]]


def days(n: float) -> When:
    return When(now_utc() + timedelta(days=n), "UTC")


def _asset(vault: Vault, tmp_path: Path, name: str, **options: Any) -> str:
    path = tmp_path / name
    Image.new("RGB", (320, 240), (len(name) * 20 % 255, 90, 200)).save(path)
    return import_files(vault, [path], ImportOptions(**options))[0].id


def _export(vault: Vault, asset: str, party: str, out: Path, **options: Any) -> shares.Share:
    share, written = shares.export_preview(vault, asset, party, out, max_side=256, **options)
    assert written == [out] and out.is_file()
    return share


def _last(vault: Vault, action: str) -> Any:
    return next(e for e in vault.audit.events(limit=10) if e.action == action)


def _refused(
    vault: Vault, asset: str, party: str, out: Path, snapshot: Snapshot, **options: Any
) -> str:
    """Export refused: nothing written but one `denied` audit event; the message."""
    before = snapshot()
    with pytest.raises(OutboundRefusedError) as refused:
        shares.export_preview(vault, asset, party, out, max_side=256, **options)
    assert not out.exists() and not list(out.parent.glob(f".{out.name}*"))
    after = snapshot()
    assert after["audit events"] == before["audit events"] + 1
    assert {k: v for k, v in after.items() if k not in ("audit events", "audit rows")} == {
        k: v for k, v in before.items() if k not in ("audit events", "audit rows")
    }
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.object, event.outcome) == ("share.authorize", asset, "denied")
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_a_preview_without_a_grant_is_refused(
    vault: Vault, cast: Any, tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    message = _refused(vault, asset, cast.other, tmp_path / "p.png", snapshot)
    assert f"preview of {asset} for Omar ({cast.other}) refused" in message
    assert "Omar has no grant" in message and "grant access first" in message
    assert "Omar" not in vault.audit.events(limit=1)[0].reason  # names stay out of the log
    grant = grant_access(vault, cast.other, asset_id=asset)
    share = _export(vault, asset, cast.other, tmp_path / "p.png")
    authorized, created = _last(vault, "share.authorize"), _last(vault, "share.create")
    assert authorized.outcome == "success" and f"grant {grant.id}" in authorized.reason
    assert created.object == share.id and created.seq > authorized.seq


def test_a_campaign_grant_covers_its_assets(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", campaign_id=cast.campaign)
    nda = make_nda(cast.influencer, campaigns=(cast.campaign,))
    grant = grant_access(vault, cast.influencer, campaign_id=cast.campaign)
    decision = authorize_outbound(vault, cast.influencer, asset)
    assert (decision.grant_id, decision.nda_id, decision.exception_id) == (grant.id, nda, None)


def test_a_revoked_grant_refuses(
    vault: Vault, cast: Any, tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    grant = grant_access(vault, cast.other, asset_id=asset)
    _export(vault, asset, cast.other, tmp_path / "first.png")
    revoke_grant(vault, grant.id, "campaign cancelled")
    message = _refused(vault, asset, cast.other, tmp_path / "second.png", snapshot)
    assert f"grant {grant.id} was revoked on" in message and "campaign cancelled" in message


def test_an_expired_or_future_grant_refuses(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    grant = grant_access(vault, cast.other, asset_id=asset, valid_until=days(3))
    assert authorize_outbound(vault, cast.other, asset, now=days(2).utc).grant_id == grant.id
    with pytest.raises(OutboundRefusedError, match=f"grant {grant.id} ended .*renew the grant"):
        authorize_outbound(vault, cast.other, asset, now=days(4).utc)
    later = _asset(vault, tmp_path, "later.png", sensitivity="internal")
    scheduled = grant_access(vault, cast.other, asset_id=later, valid_from=days(5))
    with pytest.raises(OutboundRefusedError, match=f"grant {scheduled.id} starts"):
        authorize_outbound(vault, cast.other, later)
    assert vault.audit.events(limit=1)[0].outcome == "denied"


def test_an_embargoed_asset_needs_its_nda(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(
        vault,
        tmp_path,
        "teaser.png",
        sensitivity="internal",
        campaign_id=cast.campaign,
        embargo_until=days(10),
    )
    grant_access(
        vault,
        cast.influencer,
        asset_id=asset,
        override_reason="Shoot planning call before the NDA is back",
    )
    message = _refused(vault, asset, cast.influencer, tmp_path / "t.png", snapshot)
    assert "is under embargo until" in message
    assert "Ines has no signed, unexpired NDA covering it" in message
    nda = make_nda(cast.influencer, campaigns=(cast.campaign,), expires=days(20))
    _export(vault, asset, cast.influencer, tmp_path / "t.png")
    assert f"under NDA {nda}" in _last(vault, "share.authorize").reason
    with pytest.raises(OutboundRefusedError, match="expired"):  # the NDA lapses: refused again
        authorize_outbound(vault, cast.influencer, asset, now=days(21).utc)


def test_a_secret_asset_needs_a_second_persons_approval_of_that_share(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "packshot.png", sensitivity="secret")
    make_nda(cast.brand)
    grant_access(vault, cast.brand, asset_id=asset)
    message = _refused(vault, asset, cast.brand, tmp_path / "s.png", snapshot)
    assert "is secret: each copy needs a second person's approval" in message
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    request = request_share(vault, asset, cast.brand, "brand review of the packshot")
    assert (request.state, request.requested_by) == ("pending", "owner")
    message = _refused(vault, asset, cast.brand, tmp_path / "s.png", snapshot)
    assert f"request {request.id} by owner is waiting" in message
    with pytest.raises(PermissionDeniedError, match="another owner or manager must approve"):
        approve_share(vault, request.id)
    assert vault.audit.events(limit=1)[0].outcome == "denied"
    with pytest.raises(InvalidInputError, match="already asked by you"):
        request_share(vault, asset, cast.brand)
    vault.lock()
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        assert [r.id for r in list_share_requests(manager)] == [request.id]
        approved = approve_share(manager, request.id)
        assert (approved.state, approved.decided_by) == ("approved", "mia")
        assert list_share_requests(manager) == []
    with Vault.unlock(vault.folder, "owner", PASSWORD) as owner:
        share = _export(owner, asset, cast.brand, tmp_path / "s.png")
        assert f"approved by mia ({request.id})" in _last(owner, "share.authorize").reason
        used = list_share_requests(owner, pending_only=False)[0]
        assert used.used_by == share.id and not used.usable
        # the approval covered one copy; a second copy needs a new request and approval
        with pytest.raises(OutboundRefusedError, match=f"was used by share {share.id}"):
            shares.export_preview(owner, asset, cast.brand, tmp_path / "again.png")
        assert not (tmp_path / "again.png").exists()


def test_requests_only_for_secret_assets(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="confidential")
    with pytest.raises(InvalidInputError, match="not secret"):
        request_share(vault, asset, cast.brand)


def test_without_the_visible_mark_is_owner_only_and_audited(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    grant_access(vault, cast.other, asset_id=asset)
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    vault.lock()
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        with pytest.raises(OutboundRefusedError, match="only an owner can issue a copy without"):
            shares.export_preview(manager, asset, cast.other, tmp_path / "m.png", visible=False)
        assert not (tmp_path / "m.png").exists()
        event = manager.audit.events(limit=1)[0]
        assert (event.action, event.outcome) == ("share.authorize", "denied")
        _export(manager, asset, cast.other, tmp_path / "m.png")  # with the mark: allowed
    with Vault.unlock(vault.folder, "owner", PASSWORD) as owner:
        share = _export(owner, asset, cast.other, tmp_path / "o.png", visible=False)
        assert share.visible_mark is None
        authorized = _last(owner, "share.authorize")
        assert authorized.outcome == "success"
        assert "without the visible mark (owner)" in authorized.reason


def test_an_owner_override_needs_a_reason_and_is_an_exception_on_the_dashboard(
    vault: Vault, cast: Any, tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="confidential")
    before = snapshot()
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        shares.export_preview(vault, asset, cast.other, tmp_path / "x.png", override_reason="ok")
    assert snapshot() == before and not (tmp_path / "x.png").exists()
    message = _refused(vault, asset, cast.other, tmp_path / "x.png", snapshot)
    assert "an owner may override with a written reason" in message
    assert build_dashboard(vault).outbound_exceptions == ()
    reason = "Press kit agreed by phone with the editor; NDA follows"
    share = _export(vault, asset, cast.other, tmp_path / "x.png", override_reason=reason)
    authorized = _last(vault, "share.authorize")
    assert authorized.outcome == "exception"
    assert reason in authorized.reason and "no grant" in authorized.reason
    (recorded,) = outbound.outbound_exceptions(vault)
    assert (recorded.asset_id, recorded.party_id, recorded.reason) == (asset, cast.other, reason)
    assert "Omar has no grant" in recorded.bypassed
    assert "no signed, unexpired NDA" in recorded.bypassed
    assert (recorded.created_by, recorded.party_name) == ("owner", "Omar")
    board = build_dashboard(vault)
    assert [x.id for x in board.outbound_exceptions] == [recorded.id]
    assert board.to_json()["outbound_exceptions"][0]["reason"] == reason
    assert share.party_id == cast.other


def test_only_an_owner_may_override(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="confidential")
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    vault.lock()
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        with pytest.raises(OutboundRefusedError, match="only an owner can override"):
            authorize_outbound(
                manager, cast.other, asset, override_reason="The brand asked for it today"
            )
        assert outbound.outbound_exceptions(manager) == []
        assert manager.audit.events(limit=1)[0].outcome == "denied"


def test_a_deleted_party_gets_no_copy(vault: Vault, cast: Any, tmp_path: Path) -> None:
    from sealroom.vault.parties.directory import delete_party

    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    grant_access(vault, cast.other, asset_id=asset)
    delete_party(vault, cast.other, "left the agency")
    with pytest.raises(InvalidInputError, match="a deleted party cannot receive a copy"):
        authorize_outbound(
            vault, cast.other, asset, override_reason="Needs it for the archive anyway"
        )


def test_checking_a_copy_answers_like_issuing_it_and_records_nothing(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(
        vault, tmp_path, "teaser.png", sensitivity="confidential", campaign_id=cast.campaign
    )
    before = snapshot()
    refused = outbound.check_outbound(vault, cast.influencer, asset)
    assert snapshot() == before
    assert not refused.allowed and refused.grant_id is None and refused.nda_id is None
    with pytest.raises(OutboundRefusedError) as issuing:
        authorize_outbound(vault, cast.influencer, asset)
    assert issuing.value.problems == refused.reasons
    grant = grant_access(
        vault,
        cast.influencer,
        campaign_id=cast.campaign,
        override_reason="Shoot planning call before the NDA is back",
    )
    no_nda = outbound.check_outbound(vault, cast.influencer, asset)
    assert no_nda.grant_id == grant.id and len(no_nda.reasons) == 1
    assert "Ines has no signed, unexpired NDA covering it" in no_nda.reasons[0]
    nda = make_nda(cast.influencer, campaigns=(cast.campaign,))
    allowed = outbound.check_outbound(vault, cast.influencer, asset)
    assert allowed.allowed and (allowed.grant_id, allowed.nda_id) == (grant.id, nda)
    decision = authorize_outbound(vault, cast.influencer, asset)
    assert (decision.grant_id, decision.nda_id) == (allowed.grant_id, allowed.nda_id)
