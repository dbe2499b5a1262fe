"""Whole `briefgen` processes of this code against another checkout, in one run: render DOCX, render PDF, batch.

Run: python benchmarks/processes.py --baseline DIR [--runs N] (DIR a checkout of an earlier commit, such as
`git worktree add --detach /tmp/base main`). Every round runs each command once with each code, alternating
which goes first, so load on a shared machine hits both alike. Prints medians of wall time and of CPU time
(user + system, the process and the workers it waited for) and this code's ratio to the baseline's. Each
code has its own cache folder, filled by one run of each command first (as after a first run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
RENDER = ["render", "--audience", "policymakers", "--all-themes", "--length", "standard", "--date", "2026-11-24"]
TARGETS_S = {"render docx": 0.12, "render pdf": 0.15, "batch 5 x 3 x 2": 1.0}


def commands(work: Path) -> dict[str, list[str]]:
    briefgen = [sys.executable, "-m", "briefgen"]
    (work / "batch").mkdir(exist_ok=True)
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "render docx": briefgen + RENDER + ["-o", str(work / "brief.docx")],
        "render pdf": briefgen + RENDER + ["-o", str(work / "brief.pdf")],
        "batch 5 x 3 x 2": briefgen + ["batch", "--all-themes", "--date", "2026-11-24", "-o", str(work / "batch")],
    }


def timed(command: list[str], root: Path, cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one process running the code in `root` with the cache folder `cache`."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEFGEN_NO_CACHE")}
    env.update(PYTHONPATH=str(root), XDG_CACHE_HOME=str(cache))
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    problem = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if status != 0:
        raise SystemExit(f"failed ({root}): {' '.join(command)}\n{problem}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="DIR", required=True, help="a checkout of the code to compare with")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefgen-processes-"))
    roots = {"this code": HERE, "baseline": Path(args.baseline).resolve()}
    caches = {name: work / f"cache-{number}" for number, name in enumerate(roots)}
    runs = commands(work)
    print(f"Whole processes, this code ({HERE}) against {roots['baseline']}: medians of {args.runs} rounds "
          f"({max(3, args.runs // 3)} for the batch), {os.cpu_count()} cores")
    for label, command in runs.items():
        times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in roots}
        for name in roots:
            timed(command, roots[name], caches[name])  # fill the cache folder
        for round_ in range(args.runs if label != "batch 5 x 3 x 2" else max(3, args.runs // 3)):
            for name in (list(roots) if round_ % 2 == 0 else list(roots)[::-1]):
                wall, cpu = timed(command, roots[name], caches[name])
                times[name][0].append(wall)
                times[name][1].append(cpu)
        (wall, cpu), (base_wall, base_cpu) = ([statistics.median(m) for m in times[name]] for name in roots)
        target = f"   target <= {TARGETS_S[label]:.2f} s" if label in TARGETS_S else ""
        print(f"{label:16} wall {wall:6.3f} s, baseline {base_wall:6.3f} s ({wall / base_wall:.2f}x);  "
              f"CPU {cpu:6.3f} s, baseline {base_cpu:6.3f} s ({cpu / base_cpu:.2f}x){target}")


if __name__ == "__main__":
    main()
