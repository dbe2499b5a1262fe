"""The fact register: built-in facts are sound, every kind of problem is found, user facts reach briefs."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from briefgen import BriefgenError
from briefgen.catalogue import load_catalogue
from briefgen.factcheck import check_facts, fact_lines
from briefgen.facts import STATUSES, read_register, staleness

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes

GOOD_SOURCE = """
[sources.user-source]
title = "A page that reports the news"
publisher = "Example News"
date = "2026-11-20"
url = "https://example.com/news"
"""


def fact(key: str, **fields: str | list[str]) -> str:
    """A user fact table in TOML, with sensible defaults that `fields` override."""
    values: dict[str, str | list[str]] = dict(
        statement="On 20 November 2026 the HKMA said it was reviewing further applications.", date="2026-11-20",
        checked="2026-11-21", jurisdiction="hong-kong", status="in-force", confidence="high", sources=["user-source"])
    values.update(fields)
    lines = [f"[facts.{key}]"]
    for name, value in values.items():
        rendered = "[" + ", ".join(f'"{v}"' for v in value) + "]" if isinstance(value, list) else f'"{value}"'
        lines.append(f"{name} = {rendered}")
    return "\n".join(lines) + "\n"


def write_user(folder, facts: str, sources: str = GOOD_SOURCE) -> None:
    (folder / "facts.toml").write_text(textwrap.dedent(facts), encoding="utf-8")
    (folder / "sources.toml").write_text(textwrap.dedent(sources), encoding="utf-8")


def brief_text(request, fmt: str) -> str:
    data = render_bytes(request, fmt)
    return re.sub(r"\s+", " ", pdf_text(open_pdf(data)) if fmt == "pdf" else docx_text(open_docx(data)))


def test_builtin_register_is_clean(tmp_path):
    assert check_facts(tmp_path) == []


def test_builtin_register_uses_every_status_and_dates_no_fact_after_its_as_of():
    register = load_catalogue(None).register
    assert {f["status"] for f in register.facts.values()} >= set(STATUSES) - {"adopted"}
    as_of = dt.date.fromisoformat(register.as_of)
    assert all(dt.date.fromisoformat(f["checked"]) <= as_of for f in register.facts.values())


@pytest.mark.parametrize("facts, sources, expected", [
    (fact("a", supersedes="no-such-fact"), GOOD_SOURCE, r"facts.toml:\d+: fact 'a': supersedes unknown fact 'no-such-fact'"),
    (fact("old") + fact("new", supersedes="old"), GOOD_SOURCE,
     r"facts.toml:6: fact 'old': is superseded by 'new' but its status is 'in-force'"),
    (fact("a"), GOOD_SOURCE.replace('url = "https://example.com/news"', 'url = ""'),
     r"sources.toml:6: source 'user-source': has no URL"),
    (fact("a"), GOOD_SOURCE.replace('date = "2026-11-20"\n', ""), r"sources.toml:2: source 'user-source': has no date"),
    (fact("a", sources=[]), GOOD_SOURCE, r"facts.toml:8: fact 'a': has no source"),
    (fact("a", sources=["missing"]), GOOD_SOURCE, r"facts.toml:8: fact 'a': cites unknown source 'missing'"),
    (fact("a", confidence="low"), GOOD_SOURCE, r"facts.toml:2: fact 'a': low-confidence fact stated plainly"),
    (fact("a", date="2099-01-01"), GOOD_SOURCE, r"facts.toml:3: fact 'a': date 2099-01-01 is in the future"),
    (fact("a", status="rumoured"), GOOD_SOURCE, r"facts.toml:6: fact 'a': status must be one of in-force"),
    (fact("a", date="last spring"), GOOD_SOURCE, r"facts.toml:3: fact 'a': date must be YYYY-MM-DD"),
    ('[facts.a]\nstatement = "x"\n', GOOD_SOURCE, r"facts.toml:1: fact 'a': has no date"),
    ("[facts.a\n", GOOD_SOURCE, r"facts.toml:1: file: not valid TOML"),
])
def test_check_finds_each_kind_of_problem(tmp_path, facts, sources, expected):
    write_user(tmp_path, facts, sources)
    problems = check_facts(tmp_path)
    assert any(re.search(expected, line) for line in problems), problems
    assert all(str(tmp_path) in line for line in problems), problems  # built-in content stays clean


def test_check_finds_a_missing_fact_and_history_stated_as_current_in_content(tmp_path):
    from briefgen.factcheck import _citation_problem

    register, _ = read_register(None)
    content = tmp_path / "theme.toml"
    content.write_text('findings = ["cn-yinfa-2021-237", "no-such-fact"]\n')
    history = _citation_problem(register, content, "theme 'x'", "findings", "cn-yinfa-2021-237")
    missing = _citation_problem(register, content, "theme 'x'", "findings", "no-such-fact")
    assert re.search(r"theme.toml:1: .*states fact 'cn-yinfa-2021-237' as current, but it is history; "
                     r"cite 'cn-yinfa-2026-42' instead", str(history))
    assert "cites fact 'no-such-fact', which does not exist" in str(missing)


def test_cli_facts_check_exit_status(tmp_path):
    from briefgen.cli import main

    assert main(["facts", "check", str(tmp_path)]) == 0
    write_user(tmp_path, fact("a", confidence="low"))
    assert main(["facts", "check", str(tmp_path)]) == 1


def test_a_broken_user_register_stops_a_render_with_one_line(user_templates, tmp_path):
    write_user(user_templates, fact("a", date="2099-01-01"))
    target = tmp_path / "brief.pdf"
    from briefgen import export

    with pytest.raises(BriefgenError, match=r"facts.toml:3: fact 'a': date 2099-01-01 is in the future") as caught:
        export(make_request(), target)
    assert "\n" not in str(caught.value) and not target.exists()


def test_facts_list_prints_id_date_status_statement():
    lines = fact_lines()
    register = load_catalogue(None).register
    assert len(lines) == len(register.facts)
    fields = [line.split("\t") for line in lines]
    assert all(len(f) == 4 and f[1][:4].isdigit() and f[2] in STATUSES and f[3] for f in fields)
    mainland = {f[0] for f in (line.split("\t") for line in fact_lines(theme="mainland-fintech"))}
    assert "cn-yinfa-2026-42" in mainland and mainland < {f[0] for f in fields}
    with pytest.raises(BriefgenError, match="unknown theme 'nope'"):
        fact_lines(theme="nope")


def _briefs_citing(fact_id: str):
    catalogue = load_catalogue(None)
    themes = [t for t in catalogue.themes if fact_id in [f["id"] for f in catalogue.themes[t].content["findings"]]]
    assert themes, fact_id
    return [make_request(audience=audience, themes=(theme,), length=length)
            for theme in themes for audience in catalogue.audiences for length in ("one-page", "standard")
            if length == "standard" or catalogue.themes[theme].content["findings"][0]["id"] == fact_id]


def test_a_user_fact_replaces_a_builtin_statement_in_every_brief_that_cites_it(user_templates):
    register = load_catalogue(None).register
    old = register.facts["hk-stablecoin-first-licences"]
    new_statement = "On 10 April 2026 the HKMA licensed two issuers, as its public register records today."
    stated = (old["statement"], old["short"])
    # the briefs that state the built-in fact (a brief may leave a theme's later findings out for room)
    requests = [r for r in _briefs_citing("hk-stablecoin-first-licences")
                if any(s in brief_text(r, "docx") for s in stated)]
    assert len(requests) >= 5
    write_user(user_templates, fact("hk-stablecoin-first-licences", statement=new_statement, date=old["date"],
                                    short=new_statement))
    for request in requests:
        for fmt in ("pdf", "docx"):
            text = brief_text(request, fmt)
            assert new_statement in text and old["statement"] not in text, (request.audience, request.length, fmt)
            assert "Example News" in text, "the user's source is cited"


def test_a_user_fact_that_supersedes_a_builtin_one_removes_it(user_templates):
    register = load_catalogue(None).register
    old = register.facts["hk-dealing-custody-regimes"]
    request = make_request(audience="investors", themes=("hk-regulated-hub",), length="extended")
    assert old["statement"] in brief_text(request, "docx")
    new_statement = "On 20 November 2026 the dealing and custody bill was introduced, according to Example News."
    write_user(user_templates, fact("hk-dealing-custody-bill", statement=new_statement,
                                    supersedes="hk-dealing-custody-regimes", status="reported", confidence="medium"))
    catalogue = load_catalogue(user_templates)
    assert catalogue.register.facts["hk-dealing-custody-regimes"]["status"] == "history"
    request = make_request(audience="investors", themes=("hk-regulated-hub",), length="extended")
    for fmt in ("pdf", "docx"):
        text = brief_text(request, fmt)
        assert new_statement in text and old["statement"] not in text


def test_staleness_warning_threshold():
    facts_date = dt.date(2026, 11, 29)
    assert staleness(dt.date(2026, 11, 29), facts_date) is None
    assert staleness(dt.date(2027, 2, 27), facts_date) is None  # 90 days
    warning = staleness(dt.date(2027, 6, 1), facts_date)
    assert warning and "184 days" in warning and "29 November 2026" in warning and "\n" not in warning


@pytest.mark.parametrize("audience", ["policymakers", "investors", "industry", "technologists", "public"])
@pytest.mark.parametrize("length", ["one-page", "standard", "extended"])
def test_page_one_states_the_facts_date_in_both_formats(audience, length):
    request = make_request(audience=audience, length=length, themes=("shifting-attitudes",))
    as_of = load_catalogue(None).facts_date(request.themes)
    line = f"Facts current to {as_of.day} {as_of:%B %Y}"
    first_page = re.sub(r"\s+", " ", open_pdf(render_bytes(request, "pdf")).pages[0].extract_text())
    assert line in first_page
    paragraphs = [p.text for p in open_docx(render_bytes(request, "docx")).paragraphs[:3]]
    assert any(line in p for p in paragraphs)
    assert line in brief_text(request, "docx").split("References", 1)[-1]
