"""The investors' own content: dated, sourced market figures, the five risks, peer regimes, and checks apart from findings."""

from __future__ import annotations

from briefgen.catalogue import load_catalogue

CATALOGUE = load_catalogue(None)
INVESTORS = CATALOGUE.audiences["investors"].content


def test_every_market_figure_rests_on_a_dated_fact_with_a_source_and_a_status():
    for row in INVESTORS["market_figures"]:
        (fact_id,) = row["facts"]
        fact = CATALOGUE.register.fact(fact_id)
        assert fact["date"] and row["sources"] == [fact["sources"][0]], row["figure"]
        assert row["status"] in {"official", "reported", "estimate"}
        if fact["confidence"] == "low":  # never a low-confidence figure presented as official
            assert row["status"] != "official", row["figure"]
    assert {row["status"] for row in INVESTORS["market_figures"]} == {"official", "reported", "estimate"}


def test_risk_taxonomy_has_the_five_risks_each_with_evidence_sources():
    risks = [row["risk"] for row in INVESTORS["risks"]]
    assert risks[:5] == ["Policy reversal", "Custody", "Liquidity", "Peg and redemption", "Enforceability"]
    assert all(row["sources"] and row["check"].endswith("?") for row in INVESTORS["risks"])


def test_peer_comparison_cites_singapore_mica_and_genius_facts_from_law_firms_or_regulators():
    names = [row["jurisdiction"] for row in INVESTORS["peers"]]
    assert names == ["Hong Kong SAR", "Singapore", "European Union (MiCA)", "United States (GENIUS Act)"]
    for fact_id in ("intl-sg-dtsp", "intl-sg-stablecoins", "intl-mica", "intl-mica-transition", "intl-genius-act"):
        fact = CATALOGUE.register.fact(fact_id)
        assert fact["confidence"] == "high" and fact["date"] <= CATALOGUE.register.as_of
        assert CATALOGUE.sources[fact["sources"][0]]["type"] in {"primary", "law-firm"}


def test_checks_and_key_messages_share_no_sentence():
    key_messages = {line for theme in CATALOGUE.themes.values() for line in theme.content["key_messages"]}
    checks = {row["text"] for row in INVESTORS["checks"]}
    checks |= {line for theme in CATALOGUE.themes.values() for line in theme.content["recommendations"]["investors"]}
    assert key_messages.isdisjoint(checks)
