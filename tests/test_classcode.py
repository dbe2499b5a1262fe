"""Compiled dataclass methods kept across processes: the classes behave as before, the code is reused, failures are soft."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

PROGRAM = r"""
import dataclasses, inspect, json, sys
from briefgen import classcode
classcode.install()

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str = "origin"
    tags: tuple = dataclasses.field(default=())

p = Point(1, "a", ("t",))
try:
    p.x = 2
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({
    "repr": repr(p), "equal": p == Point(1, "a", ("t",)), "unequal": p != Point(2), "hash": hash(p) == hash(Point(1, "a", ("t",))),
    "frozen": frozen, "signature": str(inspect.signature(Point)), "annotations": repr(Point.__init__.__annotations__),
    "installed": getattr(dataclasses, "exec", None) is classcode._exec, "compiled": len(classcode._new), "reused": len(classcode._kept),
}))
"""


def _run(cache_home: Path, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFGEN_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(cache_home), **extra)
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _kept_files(cache_home: Path) -> list[Path]:
    return list(cache_home.glob("briefgen/*/dataclass-code/*.marshal"))


def test_classes_behave_the_same_and_their_code_is_compiled_once(tmp_path):
    plain = _run(tmp_path / "off", BRIEFGEN_NO_CACHE="1")
    assert not plain["installed"] and not _kept_files(tmp_path / "off")
    first = _run(tmp_path / "cache")
    assert first["installed"] and first["compiled"] >= 5 and _kept_files(tmp_path / "cache")
    second = _run(tmp_path / "cache")
    assert second["compiled"] == 0 and second["reused"] >= first["compiled"]
    expected = {key: plain[key] for key in ("repr", "equal", "unequal", "hash", "frozen", "signature", "annotations")}
    for run in (first, second):
        assert {key: run[key] for key in expected} == expected
    assert expected["frozen"] and expected["repr"] == "Point(x=1, label='a', tags=('t',))"
    assert expected["annotations"] == "{'x': <class 'int'>, 'label': <class 'str'>, 'tags': <class 'tuple'>, 'return': None}"


def test_a_corrupt_or_foreign_file_is_compiled_again(tmp_path):
    _run(tmp_path / "cache")
    (kept,) = _kept_files(tmp_path / "cache")
    kept.write_bytes(b"\x00not marshal")
    again = _run(tmp_path / "cache")
    assert again["installed"] and again["compiled"] >= 5 and again["reused"] == 0
    assert again["repr"] == "Point(x=1, label='a', tags=('t',))"
    kept.write_bytes(marshal.dumps({"def f(): pass": "not code", 5: compile("x = 1", "<s>", "exec")}))
    assert _run(tmp_path / "cache")["reused"] == 0


def test_the_command_keeps_the_code_of_a_render(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = tmp_path / "brief.docx"
    done = subprocess.run([sys.executable, "-m", "briefgen", "render", "--audience", "public", "--theme",
                           "market-impact", "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    (kept,) = _kept_files(tmp_path / "cache")
    sources = marshal.loads(kept.read_bytes())
    assert len(sources) > 100 and all("def " in source for source in sources)
    assert out.stat().st_size > 10_000
