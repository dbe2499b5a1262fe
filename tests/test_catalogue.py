"""The catalogue: fixed ids from data files, and audiences a user adds without Python."""

from __future__ import annotations

import pytest

from briefgen import BriefgenError
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.tree import headings, plain_text

from .conftest import docx_text, make_request, open_docx, render_bytes

CENTRAL_BANKERS = """
[audiences.central-bankers]
title = "Central bankers"
description = "Staff of central banks and monetary authorities"
reader = "central bank staff"
purpose = "It weighs what Hong Kong–mainland cooperation means for payment systems and monetary sovereignty. It is intended to help central banks decide which pilots to join."
closing = "Central banks can shape this cooperation through the settlement assets they provide and the pilots they join."
based_on = "policymakers"
"""
TEMPLATE = '{% extends "audiences/policymakers.md.j2" %}\n{% block summary_heading %}Note for central bank staff{% endblock %}\n'


def test_ids_are_fixed():
    catalogue = load_catalogue(None)
    assert list(catalogue.themes) == ["hk-regulated-hub", "mainland-fintech", "complementary-partnership",
                                      "regulatory-navigation", "market-impact", "shifting-attitudes"]
    assert list(catalogue.audiences) == ["policymakers", "investors", "industry", "technologists", "public"]


def test_every_cited_source_exists():
    catalogue = load_catalogue(None)
    cited = {s for t in catalogue.themes.values() for f in t.content["findings"] for s in f["sources"]}
    cited |= {s for t in catalogue.themes.values() for s in t.content["context_sources"]}
    cited |= set(catalogue.comparison["sources"]) | {m["source"] for m in catalogue.timeline}
    assert cited <= set(catalogue.sources)


def test_user_added_audience_works_end_to_end(user_templates):
    (user_templates / "audiences.toml").write_text(CENTRAL_BANKERS)
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "central-bankers.md.j2").write_text(TEMPLATE)
    assert "central-bankers" in load_catalogue(user_templates).audiences
    request = make_request(audience="central-bankers")
    assert plain_text(headings(build_document(request))[0].children) == "Note for central bank staff"
    text = docx_text(open_docx(render_bytes(request, "docx")))
    assert "central bank staff" in text and "Central bankers".lower() in text.lower()


def test_user_audience_needs_a_builtin_basis(user_templates):
    (user_templates / "audiences.toml").write_text(CENTRAL_BANKERS.replace('"policymakers"', '"bankers"'))
    with pytest.raises(BriefgenError, match="needs based_on = one of policymakers"):
        load_catalogue(user_templates)


def test_user_audience_missing_fields(user_templates):
    (user_templates / "audiences.toml").write_text('[audiences.x]\ntitle = "X"\n')
    with pytest.raises(BriefgenError, match="lacks text for description, reader, purpose, closing"):
        load_catalogue(user_templates)


@pytest.mark.parametrize("change", [
    ('based_on = "policymakers"', 'based_on = ["policymakers", "investors"]'),
    ('based_on = "policymakers"', "based_on = 5"),
    ('based_on = "policymakers"', 'based_on = { id = "policymakers" }'),
])
def test_user_audience_with_a_non_text_based_on_is_one_line(user_templates, change):
    (user_templates / "audiences.toml").write_text(CENTRAL_BANKERS.replace(*change))
    with pytest.raises(BriefgenError, match="needs based_on = one of policymakers") as caught:
        load_catalogue(user_templates)
    assert "\n" not in str(caught.value)


def test_audiences_that_are_not_a_table_is_one_line(user_templates):
    (user_templates / "audiences.toml").write_text("audiences = 5\n")
    with pytest.raises(BriefgenError, match="must be a table"):
        load_catalogue(user_templates)


@pytest.mark.parametrize("name", ["audiences.toml", "facts.toml", "sources.toml"])
def test_linked_content_files_in_the_template_folder_are_refused(user_templates, tmp_path, name):
    elsewhere = tmp_path / "secret.toml"
    elsewhere.write_text('token = "s3cret"\n')
    (user_templates / name).symlink_to(elsewhere)
    with pytest.raises(BriefgenError, match="symbolic link") as caught:
        load_catalogue(user_templates)
    assert "s3cret" not in str(caught.value)
