"""briefgen's desktop app (PySide6): the only package that imports Qt."""

from .window import MainWindow

__all__ = ["MainWindow"]
