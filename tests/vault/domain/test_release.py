"""The release guard and lifting embargoes, with a second person's approval for secret assets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sealroom.crypto.keyslots import Role
from sealroom.vault import users
from sealroom.vault.assets.catalog import ImportOptions, add_version, get_asset, import_files
from sealroom.vault.assets.details import edit_asset
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.release.approvals import (
    ReleaseBlockedError,
    approve_release,
    check_release,
    list_release_requests,
    release_asset,
)
from sealroom.vault.release.guard import check_text
from sealroom.vault.session import Vault

PASSWORD = "correct horse battery"


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Use code **** at checkout", "placeholder", "****"),
        ("Final line TODO", "draft", "TODO"),
        ("Price: tbd", "draft", "tbd"),
        ("Lorem  ipsum dolor sit amet", "placeholder", "Lorem  ipsum"),
        ("Shop now via [link]", "placeholder", "[link]"),
        ("Shop now: [LINK TO STORE]", "placeholder", "[LINK TO STORE]"),
        ("Second paragraph: need copy", "draft", "need copy"),
        ("Hi {{ first_name }}!", "template", "{{ first_name }}"),
        ("Thanks @rivalbrand!", "handle", "@rivalbrand"),
    ],
)
def test_each_rule_finds_its_problem(text: str, rule: str, found: str) -> None:
    (finding,) = check_text(f"Out now with @northwind.\n{text}\n", ["northwind"])
    assert (finding.rule, finding.text, finding.line) == (rule, found, 2)


def test_clean_text_passes() -> None:
    text = (
        "Glow like you mean it. With @Northwind and @ines.k.\n"
        "Questions: press@northwind.example. Todos los colores, 20% off {code}.\n"
    )
    assert check_text(text, ["northwind", "@INES.K"]) == []


def _caption(vault: Vault, tmp_path: Path, text: str, **options: Any) -> str:
    path = tmp_path / f"caption-{len(text)}.txt"
    path.write_text(text, encoding="utf-8")
    return import_files(vault, [path], ImportOptions(**options))[0].id


def test_a_caption_with_placeholders_is_not_released_until_fixed(
    vault: Vault, cast: Any, tmp_path: Path
) -> None:
    draft = "Out now! @northwind x @ines.k\nCode TODO, shop via [link] @rival\n"
    asset = _caption(vault, tmp_path, draft, campaign_id=cast.campaign)
    with pytest.raises(ReleaseBlockedError) as blocked:
        release_asset(vault, asset)
    assert [f.text for f in blocked.value.report.findings] == ["TODO", "[link]", "@rival"]
    assert "3 problems in the text" in str(blocked.value)
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.outcome) == ("asset.release", "denied")
    assert "rival" not in event.reason and "draft (line 2)" in event.reason
    assert get_asset(vault, asset).embargoed
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("Out now! @northwind x @ines.k\nCode INES15, shop via the link in bio\n")
    add_version(vault, asset, fixed, "placeholders filled")
    assert check_release(vault, asset).ok
    outcome = release_asset(vault, asset)
    assert outcome.state == "released" and outcome.report.checked
    released = get_asset(vault, asset)
    assert not released.embargoed and released.released_by == "owner"
    event = vault.audit.events(limit=1)[0]
    assert (event.action, event.outcome, event.reason) == (
        "asset.release",
        "success",
        "release guard passed",
    )
    with pytest.raises(InvalidInputError, match="was already released"):
        release_asset(vault, asset)


def test_an_asset_without_embargo_has_nothing_to_release(vault: Vault, tmp_path: Path) -> None:
    asset = _caption(vault, tmp_path, "Hello\n")
    with pytest.raises(InvalidInputError, match="has no embargo to lift"):
        release_asset(vault, asset)


def test_a_secret_asset_needs_a_second_person(vault: Vault, cast: Any, tmp_path: Path) -> None:
    path = tmp_path / "packshot.png"
    Image.new("RGB", (64, 64), "gold").save(path)
    options = ImportOptions(campaign_id=cast.campaign, sensitivity="secret")
    asset = import_files(vault, [path], options)[0].id
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    users.add_user(vault, "ada", Role.AUDITOR, PASSWORD)
    with pytest.raises(NotFoundError, match=r"no release of .* is waiting"):
        approve_release(vault, asset)
    outcome = release_asset(vault, asset)
    assert outcome.state == "awaiting_approval" and get_asset(vault, asset).embargoed
    assert vault.audit.events(limit=1)[0].action == "asset.release.request"
    with pytest.raises(InvalidInputError, match="already asked by you"):
        release_asset(vault, asset)
    with pytest.raises(PermissionDeniedError, match="another owner or manager must approve"):
        approve_release(vault, asset)
    assert vault.audit.events(limit=1)[0].outcome == "denied"
    vault.lock()
    with (
        Vault.unlock(vault.folder, "ada", PASSWORD) as auditor,
        pytest.raises(PermissionDeniedError, match="an auditor cannot"),
    ):
        approve_release(auditor, asset)
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        (request,) = list_release_requests(manager)
        assert (request.asset_id, request.requested_by) == (asset, "owner")
        approved = approve_release(manager, asset)
        assert approved.state == "released"
        released = get_asset(manager, asset)
        assert (released.embargoed, released.released_by) == (False, "mia")
        approve, lift = manager.audit.events(limit=2)[::-1]
        assert (approve.action, approve.actor, approve.reason) == (
            "asset.release.approve",
            "mia",
            "asked by owner",
        )
        assert lift.action == "asset.release" and "approved by mia, asked by owner" in lift.reason
        assert list_release_requests(manager) == []


def test_a_changed_asset_needs_a_new_request(vault: Vault, cast: Any, tmp_path: Path) -> None:
    asset = _caption(vault, tmp_path, "Hello @northwind\n", campaign_id=cast.campaign)
    edit_asset(vault, asset, sensitivity="secret")
    release_asset(vault, asset)
    changed = tmp_path / "changed.txt"
    changed.write_text("Hello @northwind, TBD\n")
    add_version(vault, asset, changed)
    users.add_user(vault, "mia", Role.MANAGER, PASSWORD)
    vault.lock()
    with Vault.unlock(vault.folder, "mia", PASSWORD) as manager:
        with pytest.raises(InvalidInputError, match="changed since its release was asked"):
            approve_release(manager, asset)
        assert get_asset(manager, asset).embargoed
        assert list_release_requests(manager) == []
        with pytest.raises(ReleaseBlockedError, match="TBD"):
            release_asset(manager, asset)
