"""Start the desktop app: `briefgen gui` or `briefgen-gui`."""

from __future__ import annotations

import os
import sys
import time

EXIT_WHEN_SHOWN = "BRIEFGEN_EXIT_WHEN_SHOWN"  # for smoke tests and the start-up benchmark


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow, icon

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("briefgen")
    app.setOrganizationName("briefgen")
    app.setWindowIcon(icon())
    window = MainWindow()
    window.show()
    if os.environ.get(EXIT_WHEN_SHOWN):
        window.previewer.timer.stop()  # leave once shown, before the first preview begins (closing waits for one)

        def report() -> None:
            print(f"window shown {time.perf_counter() - started:.3f} s after main() began", file=sys.stderr)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
