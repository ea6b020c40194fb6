"""The Hebrew translation: loaded into the real app on a real vault, it shows Hebrew texts and
mirrors the layout; the checked-in .ts is complete and in step with the code, the .qm with the
.ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.i18n import Language, translations_dir
from sealroom.desktop.views.campaign_dialog import CampaignDialog
from sealroom.desktop.views.main_window import KEY_ROLE
from sealroom.desktop.views.preferences import Preferences, PreferencesDialog

from .conftest import WAIT_MS, wait_idle

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "sealroom_he.ts"
QM = ROOT / "resources" / "translations" / "sealroom_he.qm"
BIN = Path(sys.executable).parent


@pytest.fixture
def hebrew(qapp: QApplication) -> Iterator[Language]:
    """Hebrew installed on the application (as Preferences → Language → עברית does at start);
    English and left-to-right again afterwards, for the other tests in this process."""
    language = Language(qapp)
    assert language.apply("he") == "he"
    yield language
    language.apply("en")


def test_main_window_in_hebrew_mirrors_and_speaks_hebrew(
    hebrew: Language, unlocked: SealroomApp, qtbot: QtBot
) -> None:
    window = unlocked.window
    window.resize(1240, 780)
    window.show()
    qtbot.waitExposed(window)

    # Sidebar: the screens' titles and the group headers, in Hebrew.
    rows = [window.sidebar.item(r) for r in range(window.sidebar.count())]
    titles = {item.data(KEY_ROLE): item.text() for item in rows if item.data(KEY_ROLE)}
    assert titles["dashboard"] == "לוח בקרה"
    assert titles["assets"] == "נכסים"
    assert titles["audit"] == "יומן ביקורת"
    headers = [item.text() for item in rows if not item.data(KEY_ROLE)]
    assert headers == ["עבודה", "הגנה", "ביקורת"]
    assert [a.text() for a in window.menuBar().actions()] == ["&כספת", "&עריכה", "&מעבר"]

    # A table's header and the screen's heading.
    window.show_section("parties")
    view = window.views["parties"]
    wait_idle(unlocked, qtbot)
    header = view.table.model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "שם", "סוג", "דוא״ל"
    ]
    assert any(label.text() == "אנשים וחברות" for label in view.findChildren(QLabel))

    # Right to left, and mirrored: the sidebar is on the window's right, the screen on its left.
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    sidebar_left = window.sidebar.mapTo(window, QPoint(0, 0)).x()
    stack_left = window.stack.mapTo(window, QPoint(0, 0)).x()
    assert sidebar_left > window.width() / 2
    assert stack_left < sidebar_left


def test_dialog_labels_and_standard_buttons_in_hebrew(
    hebrew: Language, unlocked: SealroomApp, qtbot: QtBot
) -> None:
    dialog = CampaignDialog(unlocked.runner, None, unlocked.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    assert dialog.windowTitle() == "קמפיין חדש"
    form = dialog.form.layout_
    labels = [
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
        for row in range(form.rowCount())
        if form.itemAt(row, QFormLayout.ItemRole.LabelRole) is not None
    ]
    assert labels[:3] == ["&שם", "&מותג", "&השקה"]
    assert dialog.save_button.text() == "הוספה"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "ביטול"  # Qt's own Hebrew, for its standard buttons
    # Mirrored form: each label stands to the right of its field, as Hebrew reads.
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    label = next(
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        for row in range(form.rowCount())
        if form.itemAt(row, QFormLayout.ItemRole.FieldRole) is not None
        and form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget().isAncestorOf(dialog.name)
    )
    assert label.text() == "&שם"
    assert label.mapTo(dialog, QPoint(0, 0)).x() > dialog.name.mapTo(dialog, QPoint(0, 0)).x()


def test_language_is_chosen_in_preferences_and_kept(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert prefs.language == "system"
    parent = QLabel()
    qtbot.addWidget(parent)
    dialog = PreferencesDialog(prefs, parent)
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert offered == ["Follow the system", "English", "עברית"]
    dialog.language.setCurrentIndex(dialog.language.findData("he"))
    assert not dialog.language_note.isHidden()  # "takes effect the next time Sealroom starts"
    dialog.accept()
    again = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.language == "he"


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_string_has_a_hebrew_translation_with_its_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 400
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") is None, (context, source, translation.get("type"))
        assert (translation.text or "").strip(), (context, source)
        placeholders = sorted(re.findall(r"\{\w*\}", source))
        assert sorted(re.findall(r"\{\w*\}", translation.text or "")) == placeholders, source


def test_ts_is_in_step_with_the_sources_and_qm_with_the_ts(tmp_path: Path) -> None:
    lupdate, lrelease = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
    sources = sorted(
        str(p) for p in (ROOT / "desktop").rglob("*.py")
        if not p.relative_to(ROOT / "desktop").as_posix().startswith("cli")
    )
    fresh = tmp_path / "sealroom_he.ts"
    subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True, capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    checked_in = {(c, s) for c, s, _ in _messages(TS)}
    assert in_code - checked_in == set(), "new strings: run `make translations` and translate"
    assert checked_in - in_code == set(), "strings gone from the code: run `make translations`"

    built = tmp_path / "sealroom_he.qm"
    shutil.copy(TS, tmp_path / "source.ts")
    subprocess.run(
        [str(lrelease), str(tmp_path / "source.ts"), "-qm", str(built)],
        check=True, capture_output=True,
    )
    assert built.read_bytes() == QM.read_bytes(), "the .qm is stale: run `make translations`"
    assert (translations_dir() / QM.name).is_file(), "the .qm is not installed with the package"
