"""The README's worked example for a new audience works exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.catalogue import load_catalogue
from briefgen.check import check_templates
from briefgen.tree import headings, plain_text
from briefgen.build import build_document

from briefgen.cli import main
from briefgen.factcheck import check_facts

from .conftest import make_request, open_pdf, pdf_text

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


def test_worked_example_third_stablecoin_licence(user_templates, tmp_path):
    section = README.split("### Worked example: news of a third stablecoin licence", 1)[1].split("\n## ", 1)[0]
    sources, facts = (("\n".join(line.removeprefix("   ") for line in block.splitlines()) + "\n")
                      for block in re.findall(r"```toml\n(.*?)```", section, re.S))
    (user_templates / "sources.toml").write_text(sources)
    (user_templates / "facts.toml").write_text(facts)
    assert check_facts(None) == []
    command = re.search(r"`(briefgen render [^`]+)`", section).group(1).split()
    assert main(command[1:-1] + [str(tmp_path / command[-1])]) == 0
    text = " ".join(pdf_text(open_pdf(tmp_path / "third.pdf")).split())
    assert "On 27 November 2026 the HKMA granted a third stablecoin issuer licence, to Example Digital Money Limited" in text
    assert "example.com/hkma/third-stablecoin-licence" in text or "example.com" in text


def test_readme_gives_the_test_command_that_ci_runs():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    command = ci.strip().splitlines()[-1]
    assert f"```\n{command}\n```" in README
