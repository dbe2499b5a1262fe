"""Output paths: anything at the target that is not a writable regular file is refused and left alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefgen import BriefgenError, export
from briefgen.cli import main

from .conftest import make_request, open_pdf


def _render(capsys, target: Path | str, *extra: str) -> tuple[int, list[str]]:
    code = main(["render", "--audience", "industry", "--theme", "market-impact", "--format", "pdf",
                 "-o", str(target), *extra])
    return code, capsys.readouterr().err.splitlines()


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "pipe.pdf")
    return tmp_path / "pipe.pdf"


def _read_only(tmp_path: Path) -> Path:
    target = tmp_path / "kept.pdf"
    target.write_bytes(b"previous brief")
    target.chmod(0o444)
    return target


def _link(tmp_path: Path) -> Path:
    (tmp_path / "real.pdf").write_bytes(b"previous brief")
    (tmp_path / "link.pdf").symlink_to("real.pdf")
    return tmp_path / "link.pdf"


def _dangling_link(tmp_path: Path) -> Path:
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    return tmp_path / "gone.pdf"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.pdf").mkdir()
    return tmp_path / "folder.pdf"


@pytest.mark.parametrize("make, words", [
    (_fifo, "named pipe"), (_read_only, "read-only"), (_link, "symbolic link"),
    (_dangling_link, "symbolic link"), (_folder, "is a folder"),
], ids=["fifo", "read-only", "symlink", "dangling-symlink", "folder"])
def test_non_file_or_read_only_target_is_refused_and_left_alone(tmp_path, capsys, make, words):
    target = make(tmp_path)
    before = {p.name: (os.lstat(p).st_mode, p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    code, err = _render(capsys, target)
    assert code == 1
    assert len(err) == 1 and str(target) in err[0] and words in err[0]
    after = {p.name: (os.lstat(p).st_mode, p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    assert after == before  # same kinds, same bytes, and no temporary file left


def test_device_node_is_refused_and_stays_a_device(tmp_path, capsys):
    """Like `-o /dev/null` as root, but on a copy of the node, so a regression cannot break the machine."""
    target = tmp_path / "null.pdf"
    try:
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here (not root)")
    code, err = _render(capsys, target)
    assert code == 1 and len(err) == 1 and f"'{target}' is a device" in err[0]
    assert stat.S_ISCHR(os.lstat(target).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null.pdf"]


def test_api_refuses_a_fifo_with_a_briefgen_error(tmp_path):
    with pytest.raises(BriefgenError, match="not a regular file"):
        export(make_request(), _fifo(tmp_path))
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.pdf").st_mode)


@pytest.mark.parametrize("name", [
    "a" * 237 + ".pdf",          # 241 bytes
    "b" * 251 + ".pdf",          # 255 bytes, the usual NAME_MAX
    "é" * 125 + "x.pdf",         # 255 bytes of UTF-8 in 131 characters
], ids=["241-bytes", "255-bytes", "255-bytes-utf8"])
def test_long_legal_file_names_are_written(tmp_path, name):
    target = tmp_path / name
    assert export(make_request(), target) == target
    assert len(open_pdf(target).pages) >= 1
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_long_name_replaces_an_existing_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / ("c" * 250 + ".docx")
    target.write_bytes(b"previous brief")
    target.chmod(0o640)
    export(make_request(), target)
    assert target.read_bytes().startswith(b"PK")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
