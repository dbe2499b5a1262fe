"""Templates and assets are found by an editable install and packed into, and found from, a wheel."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
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


def test_source_checkout_reads_its_own_templates_and_assets():
    """Run from a checkout, briefgen must not take templates from another checkout installed in editable mode."""
    assert builtin_templates_dir() == ROOT / "templates"
    assert assets_dir() == ROOT / "assets"


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
    assert "briefgen = briefgen.cli:command" in zipfile.ZipFile(wheel).read(entry_points).decode()


def _dependency_dirs() -> list[str]:
    """Where this interpreter finds briefgen's dependencies: its site-packages (a venv's own included) and the user's."""
    found = [*site.getsitepackages(), sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
    if site.ENABLE_USER_SITE:
        found.append(site.getusersitepackages())
    return [d for d in dict.fromkeys(found) if os.path.isdir(d)]


def test_installed_wheel_renders_from_its_own_files(wheel, tmp_path):
    """In an isolated venv, so it works from the system Python and from inside a user's own venv alike.

    Nothing is downloaded: the wheel goes in with --no-deps, and a .pth file lets the new venv
    import the dependencies this interpreter already has, after its own site-packages.
    """
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=True)
    python = str(env_dir / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}  # no PYTHONPATH to this checkout
    run = dict(capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    own_site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], **run)
    (Path(own_site.stdout.strip()) / "outer-dependencies.pth").write_text("\n".join(_dependency_dirs()) + "\n")
    installed = subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall",
                                "--disable-pip-version-check", "-q", str(wheel)], **run)
    assert installed.returncode == 0, installed.stderr
    code = (
        "import briefgen, briefgen.resources as r, sys; print(briefgen.__file__); print(r.builtin_templates_dir()); "
        "from briefgen.cli import main; sys.exit(main(['render','--audience','industry','--theme','market-impact',"
        f"'-o',{str(tmp_path / 'w.pdf')!r}]))"
    )
    done = subprocess.run([python, "-c", code], **run)
    assert done.returncode == 0, done.stderr
    module, templates = done.stdout.splitlines()[:2]
    assert module.startswith(str(env_dir)) and templates.startswith(str(env_dir))
    assert (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF")
