"""Access grants and the NDA rule: covered, refused, overridden, lapsed, revoked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sealroom.crypto.keyslots import Role
from sealroom.vault import users
from sealroom.vault.access.coverage import coverage_for
from sealroom.vault.access.grants import NdaRequiredError, grant_access, list_grants, revoke_grant
from sealroom.vault.agreements import contracts as agreements
from sealroom.vault.assets.catalog import ImportOptions, import_files
from sealroom.vault.errors import InvalidInputError, PermissionDeniedError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

PASSWORD = "correct horse battery"
Snapshot = Callable[[], dict[str, Any]]


def days(n: float) -> When:
    return When(now_utc() + timedelta(days=n), "UTC")


def _asset(vault: Vault, tmp_path: Path, name: str, **options: Any) -> str:
    path = tmp_path / name
    Image.new("RGB", (64, 48), (len(name) * 20 % 255, 10, 200)).save(path)
    return import_files(vault, [path], ImportOptions(**options))[0].id


def test_a_signed_nda_covering_the_campaign_allows_the_grant(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", campaign_id=cast.campaign)
    nda = make_nda(cast.influencer, campaigns=(cast.campaign,))
    grant = grant_access(vault, cast.influencer, asset_id=asset, valid_until=days(30))
    assert (grant.state, grant.exception, grant.covering_nda_id) == ("active", False, nda)
    assert grant.agreement_id == nda and grant.party_name == "Ines"
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.object, event.outcome) == ("grant.add", grant.id, "success")
    campaign_grant = grant_access(vault, cast.influencer, campaign_id=cast.campaign)
    assert campaign_grant.covering_nda_id == nda
    found = {g.id for g in list_grants(vault, asset_id=asset)}
    assert found == {grant.id, campaign_grant.id}  # the campaign's grant reaches its assets


def test_without_an_nda_the_grant_is_refused_and_the_refusal_recorded(
    vault: Vault, cast: Any, tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="confidential")
    before = snapshot()
    with pytest.raises(NdaRequiredError) as refused:
        grant_access(vault, cast.other, asset_id=asset)
    message = str(refused.value)
    assert "is confidential; Omar has no signed, unexpired NDA covering it" in message
    assert "an owner may override with a written reason" in message
    assert refused.value.coverage.needs == ("confidential",)
    after = snapshot()
    assert after["grants"] == before["grants"] == 0
    assert after["audit events"] == before["audit events"] + 1
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.outcome) == ("grant.add", "denied")
    assert "Omar" not in event.reason  # names stay out of the auditor's view


def test_ndas_that_do_not_cover(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    from sealroom.vault.parties.campaigns import add_campaign

    other = add_campaign(vault, "Other").id
    asset = _asset(vault, tmp_path, "hero.png", campaign_id=cast.campaign)
    spring = (cast.campaign,)
    cases: dict[str, dict[str, Any]] = {
        "unsigned": {"campaigns": spring, "status": "sent"},
        "not yet effective": {"campaigns": spring, "effective": days(3)},
        "expired": {"campaigns": spring, "effective": days(-30), "expires": days(-1)},
        "another campaign": {"campaigns": (other,)},
    }
    for name, nda in cases.items():
        party = parties.add_party(vault, name, "influencer").id
        make_nda(party, **nda)
        with pytest.raises(NdaRequiredError):
            grant_access(vault, party, asset_id=asset)
    make_nda(cast.brand, campaigns=spring)  # another party's NDA
    with pytest.raises(NdaRequiredError):
        grant_access(vault, cast.influencer, asset_id=asset)
    assert list_grants(vault) == []


def test_general_and_asset_scoped_ndas_cover(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    first = _asset(vault, tmp_path, "first.png", sensitivity="secret")
    second = _asset(vault, tmp_path, "second.png", sensitivity="secret")
    scoped = make_nda(cast.other, assets=(first,))
    assert grant_access(vault, cast.other, asset_id=first).covering_nda_id == scoped
    with pytest.raises(NdaRequiredError):
        grant_access(vault, cast.other, asset_id=second)
    general = make_nda(cast.other)
    assert grant_access(vault, cast.other, asset_id=second).covering_nda_id == general


def test_internal_work_outside_embargo_needs_no_nda(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "moodboard.png", sensitivity="internal")
    assert not coverage_for(vault, cast.other, asset_id=asset).needs_nda
    grant = grant_access(vault, cast.other, asset_id=asset, level="original")
    assert not grant.exception and grant.level == "original"
    embargoed = _asset(vault, tmp_path, "teaser.png", sensitivity="internal", embargo_until=days(2))
    coverage = coverage_for(vault, cast.other, asset_id=embargoed)
    assert coverage.needs[0].startswith("under embargo until")
    with pytest.raises(NdaRequiredError, match="is under embargo until"):
        grant_access(vault, cast.other, asset_id=embargoed)


def test_an_owner_overrides_with_a_reason_and_it_shows_as_an_exception(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "hero.png")
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        grant_access(vault, cast.brand, asset_id=asset, override_reason="ok")
    reason = "Brand legal reviews the shot before the NDA is countersigned"
    grant = grant_access(vault, cast.brand, asset_id=asset, override_reason=reason)
    assert grant.exception and grant.exception_reason == f"owner override by owner: {reason}"
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.outcome) == ("grant.add", "exception")
    assert reason in event.reason
    assert [g.id for g in list_grants(vault, exceptions_only=True)] == [grant.id]


def test_a_manager_cannot_override(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _asset(vault, tmp_path, "hero.png")
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    vault.lock()
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        with pytest.raises(PermissionDeniedError, match="only an owner can override"):
            grant_access(manager, cast.brand, asset_id=asset, override_reason="x" * 20)
        assert manager.audit.events(limit=1)[0].outcome == "denied"
        assert list_grants(manager) == []


def test_nda_expiry_turns_its_grants_into_exceptions_without_a_write(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", campaign_id=cast.campaign)
    nda = make_nda(cast.influencer, campaigns=(cast.campaign,), expires=days(5))
    grant = grant_access(vault, cast.influencer, asset_id=asset, valid_until=days(60))
    assert not grant.exception
    later = now_utc() + timedelta(days=6)
    (lapsed,) = list_grants(vault, now=later)
    assert lapsed.exception and lapsed.state == "active"
    assert lapsed.exception_reason is not None
    assert lapsed.exception_reason.startswith(f"NDA {nda} 'NDA' expired")
    renewed = make_nda(cast.influencer, campaigns=(cast.campaign,), expires=days(400))
    (covered,) = list_grants(vault, now=later)
    assert not covered.exception and covered.covering_nda_id == renewed
    for ended in (nda, renewed):
        agreements.set_status(vault, ended, "terminated", "brand withdrew")
    (again,) = list_grants(vault)
    assert again.exception and again.exception_reason is not None
    assert " terminated " in again.exception_reason


def test_bad_grants_are_refused_and_nothing_is_written(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "hero.png", sensitivity="internal")
    sponsorship = agreements.add_agreement(
        vault,
        agreements.NewAgreement("sponsorship", "Deal", (cast.brand,), days(-1), days(90)),
    ).id
    before = snapshot()
    for kwargs, message in [
        ({"valid_from": days(10), "valid_until": days(5)}, "not after it starts"),
        ({"valid_until": days(-1)}, "not after it starts|already past"),
        ({"level": "download"}, "access level must be one of"),
        ({"agreement_id": sponsorship}, f"agreement {sponsorship} is not with party"),
        ({"campaign_id": cast.campaign}, "one asset or one campaign"),
    ]:
        with pytest.raises(InvalidInputError, match=message):
            grant_access(vault, cast.influencer, asset_id=asset, **kwargs)
    assert snapshot() == before


def test_a_deleted_party_is_refused_and_loses_its_grants(
    vault: Vault, cast: Any, tmp_path: Path, snapshot: Snapshot
) -> None:
    asset = _asset(vault, tmp_path, "moodboard.png", sensitivity="internal")
    grant = grant_access(vault, cast.other, asset_id=asset)
    parties.delete_party(vault, cast.other, "left the agency")
    revoked = list_grants(vault, include_inactive=True)
    assert [(g.id, g.state, g.revoke_reason) for g in revoked] == [
        (grant.id, "revoked", "party deleted")
    ]
    before = snapshot()
    with pytest.raises(InvalidInputError, match=r"was deleted on .*cannot be granted access"):
        grant_access(vault, cast.other, asset_id=asset)
    assert snapshot() == before
    assert cast.other not in {p.id for p in parties.list_parties(vault)}
    assert cast.other in {p.id for p in parties.list_parties(vault, include_deleted=True)}


def test_revoke_needs_a_reason_and_happens_once(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _asset(vault, tmp_path, "moodboard.png", sensitivity="internal")
    grant = grant_access(vault, cast.other, asset_id=asset)
    with pytest.raises(InvalidInputError, match="say why"):
        revoke_grant(vault, grant.id, " ")
    done = revoke_grant(vault, grant.id, "campaign over")
    assert (done.state, done.revoke_reason, done.revoked_by) == (
        "revoked",
        "campaign over",
        "owner",
    )
    assert list_grants(vault) == []
    with pytest.raises(InvalidInputError, match="already revoked"):
        revoke_grant(vault, grant.id, "again")
    event = vault.audit.events(limit=2)[1]
    assert (event.action, event.object, event.reason) == ("grant.revoke", grant.id, "campaign over")
