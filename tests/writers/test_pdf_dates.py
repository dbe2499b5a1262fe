"""The PDF is created and modified on the brief's date, as the DOCX's core properties say."""

from __future__ import annotations

import datetime as dt

import pytest

from ..conftest import make_request, open_docx, open_pdf, render_bytes


@pytest.mark.parametrize("day", [dt.date(2026, 11, 24), dt.date(2031, 2, 3)])
def test_pdf_creation_and_modification_dates_are_the_briefs_date(day):
    request = make_request(date=day, length="one-page")
    info = open_pdf(render_bytes(request, "pdf")).metadata
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    assert info.creation_date == midnight and info.modification_date == midnight
    core = open_docx(render_bytes(request, "docx")).core_properties
    assert core.created == core.modified == midnight.replace(tzinfo=core.created.tzinfo)


def test_pdf_is_still_reproducible_byte_for_byte():
    request = make_request(length="one-page")
    assert render_bytes(request, "pdf") == render_bytes(request, "pdf")
