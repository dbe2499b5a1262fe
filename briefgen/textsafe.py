"""Make arbitrary user text safe for XML, Markdown and single-line contexts."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (C0 controls except tab, newline and carriage return; lone
# surrogates; U+FFFE and U+FFFF). python-docx and reportlab both reject them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Markdown punctuation that could start markup; a backslash makes each one literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:&^=$\"'])")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad]")  # C0, DEL, C1 and the invisible soft hyphen
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")


def strip_xml_illegal(text: str) -> str:
    """Return `text` without the characters XML cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def strip_controls(text: str) -> str:
    """Return `text` without control characters other than tab and line breaks (PDF cannot carry them)."""
    return _CONTROLS.sub("", strip_xml_illegal(text))


def one_line(text: str) -> str:
    """Fold line breaks (and the spaces around them) into single spaces."""
    return _LINE_BREAKS.sub(" ", text)


def clean_line(text: str) -> str:
    """One line of visible text: no control characters, line breaks and tabs become spaces."""
    return one_line(strip_controls(text)).replace("\t", " ")


def escape_markdown(text: str) -> str:
    """Return `text` as Markdown source that renders back to exactly `text` on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(strip_xml_illegal(text)))


def shorten(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, adding an ellipsis."""
    text = one_line(text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def xml_escape(text: str) -> str:
    """Escape &, < and > for XML text (xml.sax.saxutils pulls in urllib.request, slow to import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(text: str) -> str:
    """`text` as a double-quoted XML attribute value, whitespace kept as character references."""
    escaped = xml_escape(text).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'
