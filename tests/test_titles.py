"""A brief without a given title is titled with its finding: its theme's, or its audience's over several themes."""

from __future__ import annotations

from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_docx, open_pdf, render_bytes

CATALOGUE = load_catalogue(None)
ALL = tuple(CATALOGUE.themes)


def test_a_brief_on_several_themes_is_titled_with_its_audiences_finding_in_both_files():
    for audience in CATALOGUE.audiences:
        request = make_request(audience=audience, themes=ALL, title="")
        headline = CATALOGUE.audience(audience).content["headline"]
        assert open_docx(render_bytes(request, "docx")).core_properties.title == headline
        reader = open_pdf(render_bytes(request, "pdf"))
        assert reader.metadata.title == headline
        assert " ".join(headline.split()[:4]) in reader.pages[0].extract_text().replace("\n", " ")


def test_a_one_theme_brief_is_titled_with_that_themes_finding():
    for theme in ALL:
        request = make_request(audience="investors", themes=(theme,), title="", length="one-page")
        assert open_docx(render_bytes(request, "docx")).paragraphs[0].text == CATALOGUE.theme(theme).content["headline"]


def test_every_headline_states_a_finding_not_a_topic():
    """A finding has a verb and says something of Hong Kong or the mainland; a topic ('Hong Kong as a hub') does not."""
    headlines = [e.content["headline"] for e in (*CATALOGUE.themes.values(), *CATALOGUE.audiences.values())]
    verbs = ("licenses", "licensed", "builds", "cooperate", "bar", "widening", "moved", "turned", "banned", "prohibited",
             "runs", "built", "await", "stands", "growing", "stops", "can be built")
    for headline in headlines:
        assert any(f" {verb}" in f" {headline}" for verb in verbs), headline
        assert "Hong Kong" in headline or "mainland" in headline or "boundary" in headline, headline
        assert len(headline) <= 120, headline


def test_a_given_title_is_kept(tmp_path):
    request = make_request(title="Our own title", themes=ALL)
    assert open_docx(render_bytes(request, "docx")).paragraphs[0].text == "Our own title"


def test_a_user_audience_takes_the_headline_of_the_audience_it_is_based_on(user_templates):
    (user_templates / "audiences.toml").write_text(
        '[audiences.board]\ntitle = "Board"\ndescription = "Directors"\nbased_on = "investors"\n'
        'reader = "directors"\npurpose = "decide"\nclosing = "Decide."\n', encoding="utf-8")
    (user_templates / "audiences").mkdir(exist_ok=True)
    (user_templates / "audiences" / "board.md.j2").write_text('{% extends "audiences/investors.md.j2" %}\n', encoding="utf-8")
    request = make_request(audience="board", themes=ALL, title="")
    assert open_docx(render_bytes(request, "docx")).paragraphs[0].text == CATALOGUE.audience("investors").content["headline"]


def test_english_dates_are_written_as_babel_writes_them_for_en_gb():
    import datetime as dt

    from babel.dates import format_date, format_skeleton

    from briefgen.titles import long_date

    for day in (dt.date(2026, month, 1 + (month * 5) % 28) for month in range(1, 13)):
        assert long_date(day) == format_date(day, "long", locale="en_GB")
        assert long_date(day.isoformat()[:7]) == format_skeleton("yMMMM", day.replace(day=1), locale="en_GB")
