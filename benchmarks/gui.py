"""Benchmark the desktop app: process start to window shown, and a change of choice to preview updated.

Run: python benchmarks/gui.py [--runs N] (uses the offscreen platform). Prints medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def start_to_shown(runs: int) -> list[float]:
    """Wall time of `python -m briefgen gui` told to exit as soon as its window is shown."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode cached
    env["BRIEFGEN_EXIT_WHEN_SHOWN"] = "1"
    subprocess.run([sys.executable, "-m", "briefgen", "gui"], env=env, capture_output=True)  # warm the caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefgen", "gui"], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def change_to_preview(runs: int) -> list[float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from briefgen.gui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.set_chosen_themes(["hk-regulated-hub", "mainland-fintech", "market-impact"])
    window.show()
    times = []
    lengths = ["standard", "one-page"]
    for run in range(runs + 2):
        loop = QEventLoop()
        window.previewUpdated.connect(loop.quit)
        QTimer.singleShot(20000, loop.quit)
        start = time.perf_counter()
        window.lengthCombo.setCurrentIndex(window.lengthCombo.findData(lengths[run % 2]))
        loop.exec()
        window.previewUpdated.disconnect(loop.quit)
        if run >= 2:  # warm-up
            times.append(time.perf_counter() - start)
    window.close()
    app.processEvents()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    shown = statistics.median(start_to_shown(max(3, runs // 2)))
    preview = statistics.median(change_to_preview(runs))
    print("briefgen desktop app benchmark (offscreen platform)")
    print(f"  process start to window shown  {shown * 1000:7.0f} ms   target  600 ms")
    print(f"  change of choice to preview     {preview * 1000:7.0f} ms   target  150 ms  "
          "(includes the 80 ms typing debounce)")


if __name__ == "__main__":
    main()
