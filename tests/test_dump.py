"""Golden dumps of document trees: any change to templates, content or parsing shows up as a diff.

Regenerate after an intended change with BRIEFGEN_UPDATE_GOLDEN=1, then review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefgen.build import build_document
from briefgen.dump import dump

from .conftest import make_request

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "policymakers-standard-hk-mainland": make_request(),
    "public-one-page-market": make_request(audience="public", length="one-page", themes=("market-impact",)),
}


@pytest.mark.parametrize("name", CASES)
def test_tree_matches_golden_dump(name):
    actual = dump(build_document(CASES[name]))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_dump_shows_structure():
    text = dump(build_document(CASES["policymakers-standard-hk-mainland"]))
    assert text.splitlines()[0].startswith("Document lang='en-GB'")
    assert "  Callout 'Key messages'" in text and "  Table header=['Dimension' | 'Hong Kong' | 'Mainland China']" in text
    assert "  References" in text and re.search(r"Cite\[\d+(, \d+)*\]", text)
