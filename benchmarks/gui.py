"""Benchmark the desktop app: process start to window shown, and a change of choice to preview updated.

Run: python benchmarks/gui.py [--runs N] [--baseline DIR] (uses the offscreen platform). Prints medians; with
--baseline (a checkout of an earlier commit, e.g. `git worktree add /tmp/base <commit>`), measures that code in the
same run, alternating with this one, and prints each median and the ratio to the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def environment(root: str) -> dict[str, str]:
    """The environment for a process running the code in `root` (bytecode cached, as installed)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = root
    return env


def start_to_shown(runs: int, root: str = HERE) -> list[float]:
    """Wall time of `python -m briefgen gui` told to exit as soon as its window is shown."""
    env = environment(root)
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


def preview_in_process(runs: int, root: str) -> list[float]:
    """change_to_preview run by the code in `root`, in a process of its own."""
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--preview-times", str(runs)],
                          env=environment(root), check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def compare(runs: int, baseline: str) -> None:
    """Both measures for this code and the baseline's, alternating rounds so load affects both alike."""
    roots = {"this code": HERE, "baseline": os.path.abspath(baseline)}
    shown: dict[str, list[float]] = {name: [] for name in roots}
    preview: dict[str, list[float]] = {name: [] for name in roots}
    for round_ in range(max(3, runs // 2)):
        for name in (list(roots) if round_ % 2 == 0 else list(roots)[::-1]):
            shown[name] += start_to_shown(2, roots[name])
            preview[name].append(statistics.median(preview_in_process(5, roots[name])))
    print(f"briefgen desktop app benchmark (offscreen platform), against {roots['baseline']}")
    for label, times in (("process start to window shown", shown), ("change of choice to preview", preview)):
        mine, base = statistics.median(times["this code"]), statistics.median(times["baseline"])
        print(f"  {label:31} {mine * 1000:7.0f} ms   baseline {base * 1000:7.0f} ms   ratio {mine / base:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--baseline", metavar="DIR", help="a checkout of the code to compare with")
    parser.add_argument("--preview-times", type=int, help=argparse.SUPPRESS)  # a child of --baseline
    args = parser.parse_args()
    if args.preview_times:
        print(json.dumps(change_to_preview(args.preview_times)))
        return
    if args.baseline:
        compare(args.runs, args.baseline)
        return
    shown = statistics.median(start_to_shown(max(3, args.runs // 2)))
    preview = statistics.median(change_to_preview(args.runs))
    print("briefgen desktop app benchmark (offscreen platform)")
    print(f"  process start to window shown  {shown * 1000:7.0f} ms   target  600 ms")
    print(f"  change of choice to preview     {preview * 1000:7.0f} ms   target  150 ms  "
          "(a pick of length: rendered at once; typing waits 80 ms more)")


if __name__ == "__main__":
    main()
