"""Start the desktop app: `briefgen gui` or `briefgen-gui`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow, icon

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("briefgen")
    app.setOrganizationName("briefgen")
    app.setWindowIcon(icon())
    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
