"""Templates: sandboxed, strict, overridable by the user, with errors that name file and line."""

from __future__ import annotations

import pytest

from briefgen import BriefgenError
from briefgen.build import build_document
from briefgen.errors import TemplateProblem
from briefgen.resources import builtin_templates_dir
from briefgen.templating import round_robin

from .conftest import make_request

BUILTIN_POLICYMAKERS = (builtin_templates_dir() / "audiences" / "policymakers.md.j2").read_text()


def write_template(folder, text: str, name: str = "audiences/policymakers.md.j2"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def first_heading(document) -> str:
    from briefgen.tree import headings, plain_text

    return plain_text(headings(document)[0].children)


def test_user_template_with_same_path_replaces_builtin(user_templates):
    write_template(user_templates, '{% extends "base.md.j2" %}\n{% block summary_heading %}Ministerial summary{% endblock %}\n')
    assert first_heading(build_document(make_request())) == "Ministerial summary"


def test_templates_option_overrides_the_user_folder(user_templates, tmp_path):
    write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}From user dir{% endblock %}')
    other = tmp_path / "other"
    write_template(other, '{% extends "base.md.j2" %}{% block summary_heading %}From option{% endblock %}')
    assert first_heading(build_document(make_request(), other)) == "From option"


def test_user_override_of_base_reaches_every_audience(user_templates):
    base = (builtin_templates_dir() / "base.md.j2").read_text().replace('# {{ _("References") }}', "# Sources")
    write_template(user_templates, base, "base.md.j2")
    from briefgen.tree import headings, plain_text

    titles = [plain_text(h.children) for h in headings(build_document(make_request(audience="investors")))]
    assert titles[-1] == "Sources"


def test_edited_user_template_is_picked_up_without_restart(user_templates):
    path = write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}First{% endblock %}')
    assert first_heading(build_document(make_request())) == "First"
    import os
    import time

    path.write_text('{% extends "base.md.j2" %}{% block summary_heading %}Second{% endblock %}')
    later = time.time() + 5
    os.utime(path, (later, later))
    assert first_heading(build_document(make_request())) == "Second"


def test_syntax_error_names_file_and_line(user_templates):
    path = write_template(user_templates, '{% extends "base.md.j2" %}\n\n{% block summary_heading %}{{ oops( }}{% endblock %}\n')
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert (caught.value.template, caught.value.line) == (str(path), 3)
    assert "syntax error" in str(caught.value)


def test_undefined_name_names_file_and_line(user_templates):
    path = write_template(user_templates, '{% extends "base.md.j2" %}\n{% block summary_heading %}\n{{ audience.nickname }}{% endblock %}\n')
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert (caught.value.template, caught.value.line) == (str(path), 3)
    assert "undefined" in caught.value.message and "nickname" in caught.value.message


def test_unsupported_markdown_names_template_line(user_templates):
    path = write_template(user_templates, '{% extends "base.md.j2" %}\n{% block conclusion %}\n\n> A quotation block\n\n{% endblock %}\n')
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert (caught.value.template, caught.value.line) == (str(path), 4)
    assert "block quotes" in caught.value.message


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cite.__globals__ }}",
        "{{ cite.__self__.catalogue }}",
        "{{ round_robin.__globals__['__builtins__'] }}",
        "{{ self.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'].environ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ request.__class__ }}",
        "{{ ''.format.__self__ }}",
        "{% set x = namespace() %}{{ x.__init__.__globals__ }}",
    ],
)
def test_sandbox_blocks_escapes(user_templates, attack):
    write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}' + attack + "{% endblock %}")
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert "sandbox" in caught.value.message or "undefined" in caught.value.message


def test_templates_cannot_reach_files_or_the_environment(user_templates, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SECRET", "s3cret")
    for attack in ("{% include '/etc/passwd' %}", "{% include '../../../../etc/passwd' %}"):
        write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}' + attack + "{% endblock %}")
        with pytest.raises(TemplateProblem, match="not found"):
            build_document(make_request())


def test_request_is_plain_data_inside_templates(user_templates, tmp_path):
    target = tmp_path / "written.toml"
    write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}{{ request.save("' + str(target) + '") }}{% endblock %}')
    with pytest.raises(TemplateProblem):
        build_document(make_request())
    assert not target.exists()


def test_unknown_source_in_cite_is_an_error(user_templates):
    write_template(user_templates, '{% extends "base.md.j2" %}{% block summary_heading %}X{{ cite("no-such-source") }}{% endblock %}')
    with pytest.raises(BriefgenError, match="unknown source 'no-such-source'"):
        build_document(make_request())


def test_a_citation_of_more_than_three_sources_names_the_template_line(user_templates):
    four = ", ".join(f'"{s}"' for s in ("hkfintech-vatp-circular", "sfc-vatp", "panews-vatp-2024-12", "people-davos-2026"))
    write_template(user_templates, '{% extends "base.md.j2" %}\n{% block summary_heading %}X{{ cite(' + four + ') }}{% endblock %}')
    with pytest.raises(TemplateProblem, match=r"policymakers.md.j2:2: .*cite\(\) takes one to 3 sources, not 4") as caught:
        build_document(make_request())
    assert "\n" not in str(caught.value)


def test_round_robin_interleaves_and_limits():
    assert round_robin([["a1", "a2"], ["b1"], ["c1", "c2", "c3"]], 5) == ["a1", "b1", "c1", "a2", "c2"]
    assert round_robin([[], []], 3) == []


def test_builtin_audience_template_is_a_small_copyable_file():
    assert '{% extends "base.md.j2" %}' in BUILTIN_POLICYMAKERS


SOURCE_TEMPLATE = ('{% extends "base.md.j2" %}\n{% block conclusion %}\n| Side | Rule |\n|---|---|\n| HK | Licensing |\n\n'
                   '::: source\nSources: *our reading*{{ cite("sfc-vatp") }}.\n:::\n\n{% endblock %}\n')


def test_a_user_template_marks_a_table_source_note(user_templates):
    write_template(user_templates, SOURCE_TEMPLATE)
    from briefgen import tree

    blocks = build_document(make_request()).blocks
    (note,) = [b for b in blocks if isinstance(b, tree.SourceNote)]
    assert isinstance(blocks[blocks.index(note) - 1], tree.Table)
    assert tree.plain_text(note.children).startswith("Sources: our reading[")
    assert isinstance(note.children[1], tree.Emphasis)


@pytest.mark.parametrize("inside", ["", "| A |\n|---|\n| 1 |\n"])
def test_a_source_note_without_a_paragraph_names_the_template_line(user_templates, inside):
    path = write_template(user_templates, '{% extends "base.md.j2" %}\n{% block conclusion %}\n\nText.\n\n'
                                          f'::: source\n{inside}:::\n\n{{% endblock %}}\n')
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert (caught.value.template, caught.value.line) == (str(path), 6)
    assert "::: source note must hold one paragraph" in caught.value.message
    assert "\n" not in str(caught.value)
