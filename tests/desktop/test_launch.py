"""`sealroom PATH`, as a file manager runs it (`Exec=sealroom %F`): a vault folder opens in the
app, a share package is explained, anything else is one line and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sealroom_cli import cli_env, run

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.viewer.pages import RefusedPage
from sealroom.desktop.views.start import StartDialog
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.session import Vault


def one_line_usage_error(*args: str) -> str:
    result = run(*args, env=cli_env("unused-password"), code=2)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


def test_a_path_is_not_parsed_as_a_subcommand(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a vault")
    assert "neither a vault folder nor a share package" in one_line_usage_error(str(notes))
    assert "not a Sealroom vault" in one_line_usage_error(str(tmp_path))
    missing = one_line_usage_error(str(tmp_path / "lsit"))
    assert "is not a command, a vault folder or a share package" in missing
    two = one_line_usage_error(str(notes), str(notes))
    assert "one vault or share package at a time" in two


def test_subcommands_and_options_still_reach_the_command_line() -> None:
    env = cli_env("unused-password")
    assert "usage: sealroom" in run("--help", env=env).stdout
    assert "invalid choice" in run("asset", "frobnicate", env=env, code=2).stderr


def test_a_vault_folder_opens_on_unlocking_that_vault(
    sealroom: SealroomApp, vault: Vault, tmp_path: Path
) -> None:
    vault.lock()
    other = tmp_path / "other.sealroom"
    Vault.create(other, "someone", "another long password").lock()
    sealroom.prefs.last_vault = other
    sealroom.start(vault.folder)
    dialog = sealroom.dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.folder == vault.folder


def test_a_share_package_opens_in_the_viewer_then_the_app_starts_as_usual(
    sealroom: SealroomApp, qtbot: QtBot, tmp_path: Path
) -> None:
    package = tmp_path / "for-northwind.sealshare"
    package.write_bytes(b"package")
    sealroom.start(package)
    viewer = sealroom.viewer
    assert viewer is not None
    qtbot.addWidget(viewer)
    qtbot.waitUntil(viewer.isVisible)
    assert "for-northwind.sealshare" in viewer.windowTitle()
    page = viewer.page
    assert isinstance(page, RefusedPage)  # not an age file: refused before any password
    assert "not a share package" in page.reason.text().lower()
    assert isinstance(sealroom.dialog, StartDialog)


@pytest.mark.parametrize("name", ["notes.txt", "folder"])
def test_the_app_refuses_what_it_cannot_open(
    sealroom: SealroomApp, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    if name == "folder":
        path.mkdir()
    else:
        path.write_text("x")
    with pytest.raises(InvalidInputError, match="vault"):
        sealroom.open_path(path)
