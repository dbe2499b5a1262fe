"""Save a screenshot of the app with a sample brief: `python -m briefgen.gui.screenshot OUT.png`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.authorEdit.setText("Mei Ling Chan")
    window.organisationEdit.setText("Harbour Policy Institute")
    window.set_chosen_themes(["hk-regulated-hub", "mainland-fintech", "regulatory-navigation"])
    window.show()
    loop = QEventLoop()
    window.previewUpdated.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    loop.exec()
    settle = time.monotonic() + 1.0  # QPdfView draws its pages asynchronously
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.02)
    out = Path(argv[0] if argv else "screenshot.png")
    window.grab().save(str(out))
    window.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
