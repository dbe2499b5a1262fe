"""`briefgen gui` and `briefgen-gui` start the app (told to exit once its window is shown)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.gui.app import EXIT_WHEN_SHOWN


def _run(command: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{EXIT_WHEN_SHOWN: "1"})
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_briefgen_gui_command_shows_the_window():
    done = _run([sys.executable, "-m", "briefgen", "gui"])
    assert done.returncode == 0, done.stderr
    assert "window shown" in done.stderr and "Traceback" not in done.stderr


def test_gui_entry_point_script():
    script = Path(sys.executable).with_name("briefgen-gui")
    if not script.exists():
        pytest.skip("entry point scripts are not installed next to this interpreter")
    done = _run([str(script)])
    assert done.returncode == 0, done.stderr
