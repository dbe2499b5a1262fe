"""The app's few colours in one place, and the WCAG contrast ratio that tests hold them to."""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT = "#1F2328"
MUTED = "#4A5560"  # descriptions: 7.6:1 on white, 5.8:1 on the selection colour
BASE = "#FFFFFF"
SELECTION = "#CFE3F7"
SELECTED_TEXT = "#102A43"
FOCUS = "#0B5CAD"
BORDER = "#8C959F"
ERROR = "#B3261E"
NOTICE = "#7A4F00"


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2 defines it."""
    return 0.2126 * _channel(colour.redF()) + 0.7152 * _channel(colour.greenF()) + 0.0722 * _channel(colour.blueF())


def contrast(first: QColor | str, second: QColor | str) -> float:
    """The contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(QColor(first)), luminance(QColor(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)
