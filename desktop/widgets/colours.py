"""The colours that carry meaning across screens (status, warnings, access exceptions)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

SIGNED = QColor("#2b8a3e")
MUTED = QColor("#868e96")
IDENTIFIED = QColor("#e03131")
EXCEPTION_BACKGROUND = QColor(255, 146, 43, 110)
GRANTED_BACKGROUND = QColor(64, 192, 87, 70)
INHERITED_BACKGROUND = QColor(64, 192, 87, 32)
WARNING = QColor("#e8590c")
SENSITIVITY_COLOURS = {"secret": QColor("#e03131"), "confidential": QColor("#d9480f")}
FAILURE_COLOUR = QColor("#d9534f")


def legend_swatch(colour: QColor, text: str) -> QLabel:
    """A legend entry: the cell colour, then what it means."""
    alpha = colour.alphaF()
    solid = QColor.fromRgbF(
        *(alpha * c + (1 - alpha) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    )
    label = QLabel(f"<span style='color:{solid.name()}'>■</span> {text}")
    label.setObjectName("muted")
    return label
