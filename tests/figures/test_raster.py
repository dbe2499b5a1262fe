"""The DOCX's figure pictures: Chinese labels drawn in faces that have their glyphs, English pictures as before."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from briefgen import tree
from briefgen.build import build_document
from briefgen.figures.faces import LabelFaces, coverage, label_faces, runs
from briefgen.figures.layout import layout
from briefgen.figures.model import Label
from briefgen.figures.raster import _draw, png
from briefgen.style import house_style

from ..conftest import make_request, open_docx, render_bytes


def pictures(data: bytes) -> list[bytes]:
    """The DOCX's inline pictures, in the order they appear."""
    document = open_docx(data)
    blobs = []
    for shape in document.inline_shapes:
        embed = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        blobs.append(document.part.related_parts[embed].blob)
    return blobs


def drawings(request) -> list:
    document = build_document(request)
    width = round(house_style().frame_width, 2)
    return [layout(block.spec, width, request.lang) for block in document.blocks if isinstance(block, tree.Figure)]


def latin_only(lang: str) -> LabelFaces:
    return LabelFaces(label_faces(lang).latin, ())


@pytest.mark.parametrize("lang", ["zh-Hant-HK", "zh-Hans-CN"])
def test_a_chinese_docx_draws_its_figure_labels_in_faces_that_have_every_glyph(lang):
    request = make_request(audience="investors", themes=("hk-regulated-hub", "market-impact"), lang=lang, title="",
                           length="extended")
    embedded, drawn = pictures(render_bytes(request, "docx")), drawings(request)
    assert len(embedded) == len(drawn) == 2
    dpi = house_style().figure_dpi
    for picture, drawing in zip(embedded, drawn):
        assert picture == png(drawing, language=lang)
        labels = [shape for shape in drawing.shapes if isinstance(shape, Label)]
        assert any(any("\u4e00" <= c <= "\u9fff" for c in label.text) for label in labels)
        for label in labels:
            for run, path in runs(label.text, label.bold, label_faces(lang)):
                assert {ord(c) for c in run if not c.isspace()} <= coverage(path), (label.text, run, path)
        # drawn with the Latin face alone, every Chinese label would be boxes: the pictures differ there
        boxes = Image.open(io.BytesIO(_draw(drawing, dpi, latin_only(lang))))
        shown = Image.open(io.BytesIO(picture))
        scale = dpi / 72
        for label in labels[:8]:
            if not any("\u4e00" <= c <= "\u9fff" for c in label.text) or label.anchor != "start":
                continue
            region = (int(label.x * scale), int((label.y - label.size) * scale), int((label.x + 40) * scale),
                      int((label.y + 2) * scale))
            assert ImageChops.difference(shown.crop(region), boxes.crop(region)).getbbox(), label.text


def test_an_english_docx_picture_uses_no_chinese_face():
    request = make_request(audience="investors", themes=("hk-regulated-hub", "market-impact"), length="extended")
    dpi = house_style().figure_dpi
    for picture, drawing in zip(pictures(render_bytes(request, "docx")), drawings(request), strict=True):
        assert picture == _draw(drawing, dpi, latin_only("en"))
