"""Dataclass methods and regular expressions kept across processes: same behaviour, made once, failures are soft."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

PROGRAM = r"""
import dataclasses, inspect, json, re
from briefgen import startcache
startcache.install()

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
word = re.compile(r"(?P<word>[a-zé]+)-(\d+)", re.IGNORECASE)
found = word.search("xx Café-42 yy")
data = re.compile(rb"\x00+(?=end)")
print(json.dumps({
    "repr": repr(p), "equal": p == Point(1, "a", ("t",)), "unequal": p != Point(2),
    "hash": hash(p) == hash(Point(1, "a", ("t",))), "frozen": frozen, "signature": str(inspect.signature(Point)),
    "annotations": repr(Point.__init__.__annotations__),
    "match": [found.group("word"), found.group(2), found.span(), word.groupindex["word"], word.groups, word.flags],
    "bytes": [data.sub(b"-", b"a\x00\x00end").decode(), data.pattern.decode(), data.flags],
    "methods": [len(startcache._methods.new), len(startcache._methods.kept)],
    "patterns": [len(startcache._patterns.new), len(startcache._patterns.kept)],
    "installed": getattr(dataclasses, "exec", None) is startcache._exec,
}))
"""
BEHAVIOUR = ("repr", "equal", "unequal", "hash", "frozen", "signature", "annotations", "match", "bytes")


def _run(cache_home: Path, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFGEN_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(cache_home), **extra)
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _kept(cache_home: Path, kind: str) -> list[Path]:
    return list(cache_home.glob(f"briefgen/*/{kind}/*.marshal"))


def test_classes_and_patterns_behave_the_same_and_are_compiled_once(tmp_path):
    plain = _run(tmp_path / "off", BRIEFGEN_NO_CACHE="1")
    assert not plain["installed"] and not list((tmp_path / "off").rglob("*.marshal"))
    first = _run(tmp_path / "cache")
    assert first["installed"] and first["methods"][0] >= 5 and first["patterns"][0] >= 2
    assert _kept(tmp_path / "cache", "dataclass-code") and _kept(tmp_path / "cache", "pattern-code")
    second = _run(tmp_path / "cache")
    assert second["methods"] == [0, first["methods"][0]] and second["patterns"][0] == 0
    assert second["patterns"][1] >= first["patterns"][0]
    expected = {key: plain[key] for key in BEHAVIOUR}
    for run in (first, second):
        assert {key: run[key] for key in BEHAVIOUR} == expected
    assert expected["frozen"] and expected["repr"] == "Point(x=1, label='a', tags=('t',))"
    assert expected["annotations"] == "{'x': <class 'int'>, 'label': <class 'str'>, 'tags': <class 'tuple'>, 'return': None}"
    assert expected["match"] == ["Café", "42", [3, 10], 1, 2, 34] and expected["bytes"][0] == "a-end"


def test_a_corrupt_or_foreign_file_is_compiled_again(tmp_path):
    _run(tmp_path / "cache")
    (methods,) = _kept(tmp_path / "cache", "dataclass-code")
    (patterns,) = _kept(tmp_path / "cache", "pattern-code")
    methods.write_bytes(b"\x00not marshal")
    patterns.write_bytes(marshal.dumps({("(a)", 0): ("(b)", 0, [1, 2], 0, {}, ()), ("x", 0): "not arguments"}))
    again = _run(tmp_path / "cache")
    assert again["installed"] and again["methods"][1] == 0 and again["patterns"][1] == 0
    assert again["repr"] == "Point(x=1, label='a', tags=('t',))" and again["match"][0] == "Café"
    methods.write_bytes(marshal.dumps({"def f(): pass": "not code", 5: compile("x = 1", "<s>", "exec")}))
    assert _run(tmp_path / "cache")["methods"][1] == 0


def test_the_command_keeps_the_code_of_a_render(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = tmp_path / "brief.pdf"
    done = subprocess.run([sys.executable, "-m", "briefgen", "render", "--audience", "public", "--theme",
                           "market-impact", "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    (methods,) = _kept(tmp_path / "cache", "dataclass-code")
    (patterns,) = _kept(tmp_path / "cache", "pattern-code")
    assert len(marshal.loads(methods.read_bytes())) > 100
    assert len(marshal.loads(patterns.read_bytes())) > 50
    assert out.stat().st_size > 10_000


SET_PATTERN = r"""
import json, random, re, sys
from briefgen import startcache
startcache.install()
names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
random.Random(int(sys.argv[1])).shuffle(names)  # as a set's order changes from one process to the next
pattern = re.compile(r"\b(?:%s)\b" % "|".join(names))
print(json.dumps([bool(pattern.search("a zeta b")), len(startcache._patterns.new)]))
"""


def test_a_pattern_built_from_a_set_in_another_order_is_not_kept_again(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "BRIEFGEN_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    runs = [subprocess.run([sys.executable, "-c", SET_PATTERN, str(seed)], capture_output=True, text=True, env=env,
                           timeout=60) for seed in (1, 2, 3)]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    (patterns,) = _kept(tmp_path / "cache", "pattern-code")
    kept = [key for key in marshal.loads(patterns.read_bytes()) if "epsilon" in key[0]]
    assert len(kept) == 1  # one order kept; the others were compiled as usual, and found what they should
    assert all(json.loads(run.stdout)[0] for run in runs)


def test_a_save_keeps_what_another_process_saved_meanwhile(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFGEN_NO_CACHE", raising=False)
    program = (r"""
import json, re, sys
from briefgen import startcache
startcache.install()
re.compile(sys.argv[1] + "-pattern-[0-9]+")
if len(sys.argv) > 2:  # a second process that started before the first one saved
    sys.stdin.readline()
print(json.dumps(len(startcache._patterns.new)), flush=True)
""")
    env = {**os.environ}
    slow = subprocess.Popen([sys.executable, "-c", program, "slow", "wait"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    fast = subprocess.run([sys.executable, "-c", program, "fast"], capture_output=True, text=True, env=env, timeout=60)
    assert fast.returncode == 0, fast.stderr
    slow.communicate("go\n", timeout=60)
    assert slow.returncode == 0
    (patterns,) = _kept(tmp_path / "cache", "pattern-code")
    keys = {key[0] for key in marshal.loads(patterns.read_bytes())}
    assert {"fast-pattern-[0-9]+", "slow-pattern-[0-9]+"} <= keys
