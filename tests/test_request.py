"""BriefRequest: immutable, validated, and saved to / loaded from NAME.brief.toml exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import BriefgenError, BriefRequest
from briefgen.catalogue import load_catalogue
from briefgen.textsafe import clean_line

from .conftest import make_request


def test_request_is_immutable_and_normalises_themes():
    request = make_request(themes=["market-impact", "market-impact", "hk-regulated-hub"])
    assert request.themes == ("market-impact", "hk-regulated-hub")
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.audience = "public"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"themes": ()}, "no theme chosen"),
        ({"length": "short"}, "unknown length 'short'; choose one of: one-page, standard, extended"),
        ({"lang": "fr"}, "unsupported language 'fr'"),
        ({"date": "2026-01-01"}, "date must be a calendar date"),
        ({"author": 42}, "author must be text"),
    ],
)
def test_invalid_requests_say_what_is_wrong(changes, message):
    with pytest.raises(BriefgenError, match=message):
        make_request(**changes)


def test_unknown_ids_list_the_valid_ones():
    catalogue = load_catalogue(None)
    with pytest.raises(BriefgenError) as caught:
        make_request(themes=("moon-landing",)).check_ids(catalogue)
    assert str(caught.value).startswith("unknown theme 'moon-landing'; choose --theme from: hk-regulated-hub, ")
    with pytest.raises(BriefgenError, match="unknown audience 'aliens'; choose --audience from: policymakers, investors"):
        make_request(audience="aliens").check_ids(catalogue)


def test_text_fields_are_single_line_and_xml_safe():
    request = make_request(title="First line\r\n  second\x00 line\x0b\x7f", author="a\nb\tc")
    assert (request.title, request.author) == ("First line second line", "a b c")


def test_brief_file_round_trip(tmp_path):
    request = make_request(title='Quote " backslash \\ 中文 🚀 עברית', date=dt.date(2025, 2, 28))
    path = request.save(tmp_path / "mine.brief.toml")
    assert BriefRequest.load(path) == request


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1).filter(lambda t: clean_line(t).strip()), author=st.text(), organisation=st.text())
def test_any_text_survives_a_brief_file(tmp_path_factory, title, author, organisation):
    request = make_request(title=title, author=author, organisation=organisation)
    path = request.save(tmp_path_factory.mktemp("brief") / "x.brief.toml")
    assert BriefRequest.load(path) == request


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("audience = \n", "not valid TOML"),
        ('audience = "policymakers"\n', "missing 'themes'"),
        ('audience = "policymakers"\nthemes = "market-impact"\n', "themes must be a list"),
        ('audience = "policymakers"\nthemes = ["market-impact"]\ncolour = "red"\n', "unknown key 'colour'"),
        ('audience = "policymakers"\nthemes = ["market-impact"]\ndate = "soon"\n', "date must be a calendar date"),
        ('audience = "policymakers"\nthemes = []\n', "no theme chosen"),
    ],
)
def test_malformed_brief_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.brief.toml"
    path.write_text(content)
    with pytest.raises(BriefgenError, match=message) as caught:
        BriefRequest.load(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)
