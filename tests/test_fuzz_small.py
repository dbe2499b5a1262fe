"""A small run of benchmarks/fuzz.py: hostile text fields and malformed files end in a brief or one line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("briefgen_fuzz", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("family", ["title", "author", "organisation", "brief-file", "audiences-file",
                                    "facts-file", "sources-file"])
def test_small_fuzz_run_has_no_failures(fuzz, family):
    result = fuzz.run_family(family, examples=50, pdf_every=10)
    counts = result["counts"]
    assert counts["examples"] >= 40
    assert counts.get("failures", 0) == 0, "\n".join(result["failures"])
