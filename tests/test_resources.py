"""Templates and assets are found by an editable install and packed into, and found from, a wheel."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from briefgen.resources import assets_dir, builtin_templates_dir
from briefgen.style import house_style

ROOT = Path(__file__).resolve().parents[1]
AUDIENCES = ["policymakers", "investors", "industry", "technologists", "public"]


def test_bundled_files_are_found_in_this_install():
    templates = builtin_templates_dir()
    assert sorted(p.stem.removesuffix(".md") for p in (templates / "audiences").glob("*.md.j2")) == sorted(AUDIENCES)
    assert (templates / "base.md.j2").is_file()
    for name in ("style.toml", "content/themes.toml", "content/facts.toml", "content/audiences.toml", "content/sources.toml"):
        assert (assets_dir() / name).is_file()
    for script in house_style().scripts:
        for faces in (script.pdf_body, script.pdf_display):
            assert all(Path(getattr(faces, v)).is_file() for v in ("regular", "bold", "italic", "bold_italic"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (built,) = out.glob("briefgen-*.whl")
    return built


def test_wheel_contains_templates_and_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"briefgen/templates/audiences/{a}.md.j2" for a in AUDIENCES} | {
        "briefgen/templates/base.md.j2", "briefgen/templates/macros.md.j2", "briefgen/assets/style.toml",
        "briefgen/assets/content/themes.toml", "briefgen/assets/fonts/Caladea-Regular.ttf",
        "briefgen/assets/fonts/Carlito-Bold.ttf", "briefgen/assets/fonts/LICENSE-Carlito.txt",
    }
    assert expected <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "briefgen = briefgen.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_renders_from_its_own_files(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = (
        "import briefgen.resources as r, sys; print(r.builtin_templates_dir()); "
        "from briefgen.cli import main; sys.exit(main(['render','--audience','industry','--theme','market-impact',"
        f"'-o',{str(tmp_path / 'w.pdf')!r}]))"
    )
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert str(env_dir) in done.stdout.splitlines()[0]
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF")
