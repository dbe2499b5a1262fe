"""The README's worked example for a new audience works exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.catalogue import load_catalogue
from briefgen.check import check_templates
from briefgen.tree import headings, plain_text
from briefgen.build import build_document

from .conftest import make_request

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _block(language: str) -> str:
    section = README.split("### Worked example", 1)[1]
    code = re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)
    return "\n".join(line.removeprefix("   ") for line in code.splitlines()) + "\n"


def test_worked_example_audience(user_templates):
    (user_templates / "audiences.toml").write_text(_block("toml"))
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "central-bankers.md.j2").write_text(_block("jinja"))
    assert "central-bankers" in load_catalogue(user_templates).audiences
    assert check_templates(None) == []
    titles = [plain_text(h.children) for h in headings(build_document(make_request(audience="central-bankers")))]
    assert titles[0] == "Note for central bank staff" and "Settlement infrastructure to watch" in titles


def test_readme_gives_the_test_command_that_ci_runs():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    command = ci.strip().splitlines()[-1]
    assert f"```\n{command}\n```" in README
