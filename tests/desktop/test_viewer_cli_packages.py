"""The partner's viewer on packages made by the `sealroom share create` command: accept the NDA,
page through, refuse an expired one; the receipt it exports is recorded by the sender's vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sealroom_cli import cli_env, run_json
from sealroom_packages_cli import PARTNER_PASSWORD, identity_file, package_vault

from sealroom.desktop.viewer.pages import (
    PreviewPage,
    RefusedPage,
    TermsPage,
    UnlockPage,
    human_time,
)
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.vault.partner.store import PartnerStore

WAIT_MS = 15_000


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return cli_env("owner-password-1")


def _open(qtbot: QtBot, tmp_path: Path, package: Path, identity: Path) -> ViewerWindow:
    window = ViewerWindow(package, PartnerStore.load(tmp_path / "data" / "partner.json"))
    qtbot.addWidget(window)
    window.show()
    page = window.page
    assert isinstance(page, UnlockPage)
    page.identity.setText(str(identity))
    page.password.setText(PARTNER_PASSWORD)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    return window


def test_viewer_accepts_pages_through_and_its_receipt_is_imported(
    qtbot: QtBot, tmp_path: Path, env: dict[str, str]
) -> None:
    identity = tmp_path / "partner.identity"
    made = package_vault(tmp_path, env, identity_file(identity, env), photos=2)
    package = tmp_path / "spring.sealshare"
    made.share("create", "--party", made.brand, "--asset", *made.assets, "--out", str(package))
    window = _open(qtbot, tmp_path, package, identity)
    qtbot.waitUntil(lambda: isinstance(window.page, TermsPage), timeout=WAIT_MS)
    terms = window.page
    assert isinstance(terms, TermsPage)
    text = terms.terms.toPlainText()
    assert "Spring campaign NDA" in text and "Lumen Cosmetics" in text
    assert not terms.accept_button.isEnabled()
    terms.agree.setChecked(True)
    qtbot.mouseClick(terms.accept_button, Qt.MouseButton.LeftButton)
    previews = window.page
    assert isinstance(previews, PreviewPage)
    assert "page 1 of 2" in previews.caption.text()
    assert not previews.picture.pixmap().isNull()
    qtbot.mouseClick(previews.next_button, Qt.MouseButton.LeftButton)
    assert "look-1" in previews.caption.text() and not previews.next_button.isEnabled()
    receipt = tmp_path / "spring.sealreceipt"
    window.export_receipt(receipt)
    recorded = run_json("share", "receipt", "import", str(receipt), *made.args, env=env)
    assert recorded["status"] == "accepted"
    events = run_json("audit", "list", "--limit", "100", *made.args, env=env)
    assert any(e["action"] == "package.receipt" and e["object"] == recorded["id"] for e in events)


def test_viewer_refuses_an_expired_cli_package(
    qtbot: QtBot, tmp_path: Path, env: dict[str, str]
) -> None:
    identity = tmp_path / "partner.identity"
    made = package_vault(tmp_path, env, identity_file(identity, env), photos=1)
    package = tmp_path / "old.sealshare"
    created = made.share_json(
        "create",
        "--party",
        made.brand,
        "--asset",
        made.assets[0],
        "--out",
        str(package),
        "--not-before",
        "2024-01-01",
        "--not-after",
        "2024-01-05",
        "--zone",
        "UTC",
    )
    window = _open(qtbot, tmp_path, package, identity)
    qtbot.waitUntil(lambda: isinstance(window.page, RefusedPage), timeout=WAIT_MS)
    page = window.page
    assert isinstance(page, RefusedPage)
    assert created["packages"][0]["not_after"] == "2024-01-05T23:59:59Z"
    assert f"expired on {human_time('2024-01-05T23:59:59Z')}" in page.reason.text()
