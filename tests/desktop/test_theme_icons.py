"""Both themes draw combo-box and spin-box arrows from icons that exist (a missing file leaves
the controls without arrows)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sealroom.desktop.views.theme import Theme


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_image_of_the_theme_exists(qapp: QApplication, name: str) -> None:
    previous = qapp.styleSheet()
    try:
        Theme(qapp, name)
        sheet = qapp.styleSheet()
        images = re.findall(r"url\(([^)]+)\)", sheet)
        assert any("chevron-down" in i for i in images)
        assert any("QSpinBox::up-arrow" in line for line in sheet.splitlines())
        for image in images:
            assert Path(image).is_file(), image
            assert f"-{name}.svg" in image  # each theme its own colour
    finally:
        qapp.setStyleSheet(previous)
