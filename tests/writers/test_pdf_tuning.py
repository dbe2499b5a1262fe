"""reportlab tuned for briefs draws the same pages as reportlab as it ships."""

from __future__ import annotations

import io
import itertools

import briefgen.writers.pdf  # noqa: F401 - imports reportlab the writer's way, then tunes it
from briefgen.build import build_document
from briefgen.writers import pdf_tuning
from briefgen.writers.pdf import write

from ..conftest import make_request, open_pdf


def _pdf(document) -> bytes:
    stream = io.BytesIO()
    write(document, stream)
    return stream.getvalue()


def test_tuned_and_shipped_reportlab_draw_the_same_pages():
    for request in (make_request(), make_request(lang="zh-Hant-HK", length="one-page")):
        document = build_document(request)
        tuned = open_pdf(_pdf(document))
        with pdf_tuning.as_shipped():
            shipped = open_pdf(_pdf(document))
        assert len(tuned.pages) == len(shipped.pages) >= 1
        for ours, theirs in zip(tuned.pages, shipped.pages):
            assert ours.get_contents().get_data() == theirs.get_contents().get_data()  # every glyph, at its place
        fonts = [sorted(page["/Resources"]["/Font"].keys()) for page in tuned.pages]
        assert fonts == [sorted(page["/Resources"]["/Font"].keys()) for page in shipped.pages]


def test_same_frag_agrees_with_reportlabs_rule_on_every_pair_of_fragments():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10)
    markup = ('plain <b>bold</b> <i>italic <b>both</b></i> <font color="#ff0000">red</font> <font color="red">red'
              '</font> <a href="https://a.example/">link</a> <super>1</super> <font size="12">big</font> x<br/>y '
              '<u>under</u> <strike>struck</strike> <span backColor="#eeeeee">shaded</span> <nobr>no break</nobr>')
    frags = Paragraph(markup, style).frags
    with pdf_tuning.as_shipped():
        from reportlab.platypus.paragraph import sameFrag as shipped
    assert len(frags) > 12
    for f, g in itertools.product(frags, repeat=2):
        assert pdf_tuning.same_frag(f, g) == shipped(f, g), (f, g)


def test_widths_are_remembered_for_one_brief_only():
    from reportlab.platypus import paragraph

    _pdf(build_document(make_request()))
    assert paragraph.stringWidth.cache_info().currsize > 100
    pdf_tuning.forget_widths()
    assert paragraph.stringWidth.cache_info().currsize == 0
