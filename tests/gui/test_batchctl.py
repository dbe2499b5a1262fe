"""Finding 4: batch titles without the current audience's words, clear file names, an overwrite question."""

from __future__ import annotations

import pypdf

from briefgen.gui import dialogs


def test_finding_4_batch_titles_file_names_and_overwrite_question(window, qtbot, tmp_path, shown, monkeypatch):
    window.audienceCombo.setCurrentIndex(window.audienceCombo.findData("investors"))
    window.titleEdit.setText("Stablecoin rules: what they mean for investors")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    existing = tmp_path / "stablecoin-rules-what-they-mean-public-standard.pdf"
    existing.write_bytes(b"old")
    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: shown.append(("confirm", question))
                        or next(answers))
    with qtbot.assertNotEmitted(window.batchFinished, wait=200):
        window.batch_export(tmp_path, ["investors", "public"], ["pdf"])
    assert existing.name in shown[-1][1] and existing.read_bytes() == b"old"
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.batch_export(tmp_path, ["investors", "public"], ["pdf"])
    assert done.args == [2, False]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "stablecoin-rules-what-they-mean-investors-standard.pdf", existing.name]
    public = pypdf.PdfReader(str(existing)).metadata.title
    investors = pypdf.PdfReader(str(tmp_path / "stablecoin-rules-what-they-mean-investors-standard.pdf")).metadata.title
    assert investors == "Stablecoin rules: what they mean for investors"
    assert "investors" not in public.lower() and public == "Stablecoin rules: what they mean for the general public"


def test_retitle_and_file_stem():
    from briefgen.catalogue import load_catalogue
    from briefgen.gui.naming import file_stem, retitle

    audiences = load_catalogue().audiences
    assert retitle("A note for Policymakers", audiences["policymakers"], audiences["industry"]) == \
        "A note for Industry and compliance"
    assert retitle("The General Public and stablecoins", audiences["public"], audiences["technologists"]) == \
        "Technologists and stablecoins"
    assert retitle("Bridging Two Systems", audiences["public"], audiences["investors"]) == "Bridging Two Systems"
    assert file_stem("Stablecoin rules: what they mean for investors", audiences["investors"]) == \
        "stablecoin-rules-what-they-mean"
    assert len(file_stem("word " * 40, audiences["investors"])) <= 40
    assert not file_stem("word " * 40, audiences["investors"]).endswith("-")
    assert file_stem("", audiences["investors"]) == "brief"
