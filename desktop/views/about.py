"""About Sealroom: its version, licence, and the libraries it runs on with their versions."""

from __future__ import annotations

import re
from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sealroom.desktop.i18n import translate

DISTRIBUTION = "sealroom"
LICENCE = "GPL-3.0-or-later"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return translate("AboutDialog", "unknown")


def licence() -> str:
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return LICENCE
    return str(meta["License-Expression"] or meta["License"] or LICENCE)


def dependencies() -> list[tuple[str, str]]:
    """(name, installed version) of each runtime dependency, as the package metadata lists."""
    try:
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    found: list[tuple[str, str]] = []
    for requirement in required:
        if "extra ==" in requirement:
            continue  # test and optional tools
        match = _NAME.match(requirement)
        if match is None:
            continue
        name = match.group(1)
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, translate("AboutDialog", "not installed")))
    return sorted(found, key=lambda pair: pair[0].casefold())


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sealroom"))
        self.setMinimumSize(460, 420)
        self.heading = QLabel(self.tr("Sealroom {version}").format(version=version()))
        self.heading.setObjectName("sectionTitle")
        summary = QLabel(self.tr(
            "Keeps confidential creator and brand work in an encrypted local vault, issues "
            "watermarked previews per recipient, and traces leaks back to a recipient."
        ))
        summary.setWordWrap(True)
        self.licence = QLabel(self.tr(
            "Licence: {licence} (GNU General Public License, version 3 or later). "
            "Free software: you may share and change it under its terms."
        ).format(licence=licence()))
        self.licence.setWordWrap(True)
        self.licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.libraries = QTreeWidget()
        self.libraries.setRootIsDecorated(False)
        self.libraries.setHeaderLabels([self.tr("Library"), self.tr("Version")])
        self.libraries.setAccessibleName(self.tr("Libraries"))
        for name, installed in [*dependencies(), ("Qt", qVersion())]:
            self.libraries.addTopLevelItem(QTreeWidgetItem([name, installed]))
        self.libraries.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(22, 18, 22, 18)
        column.addWidget(self.heading)
        column.addWidget(summary)
        column.addWidget(self.licence)
        column.addWidget(QLabel(self.tr("Runs on:")))
        column.addWidget(self.libraries, 1)
        column.addWidget(buttons)

    def library_versions(self) -> dict[str, str]:
        items = (self.libraries.topLevelItem(i) for i in range(self.libraries.topLevelItemCount()))
        return {item.text(0): item.text(1) for item in items if item is not None}
