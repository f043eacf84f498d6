"""What the repository publishes about the data stays true to the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS
from opsdocs.model.reference import data_reference
from tests.conftest import run_opsdocs
from tests.paths import REPO


def test_committed_schemas_match_the_model(tmp_path: Path) -> None:
    result = run_opsdocs("schema", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    fresh = {p.name: p.read_text() for p in tmp_path.glob("*.json")}
    committed = {p.name: p.read_text() for p in (REPO / "schemas").glob("*.json")}
    assert sorted(fresh) == sorted(committed), "run `make schemas`"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"run `make schemas`: {stale}"


def test_field_reference_matches_the_model() -> None:
    committed = (REPO / "docs" / "opsdocs" / "data-reference.md").read_text(encoding="utf-8")
    assert committed == data_reference(), "run `make schemas`"


def _data_files_table() -> dict[str, str]:
    """The data files' table of ``data-files.md``: each file's last column, by file pattern."""
    guide = (REPO / "docs" / "opsdocs" / "data-files.md").read_text(encoding="utf-8")
    rows = {}
    for line in guide.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if line.startswith("| `") and len(cells) == 3:
            rows[cells[0].strip("`")] = cells[2]
    return rows


def test_the_docs_say_what_the_public_view_keeps() -> None:
    """The docs' table of what reaches the public site says what the model's markers do."""
    from opsdocs.model.reference import audience_summary

    table = _data_files_table()
    assert sorted(table) == sorted(kind.pattern for kind in DATA_KINDS)
    for kind in DATA_KINDS:
        assert table[kind.pattern] == audience_summary(kind), kind.pattern


@pytest.mark.parametrize(
    ("pattern", "internal"),
    [
        ("deployment.yml", "internal"),
        ("continuity.yml", "internal"),
        ("incident-process.yml", "internal"),
        ("maintenance-cycle.yml", "internal"),
        ("severities.yml", "`severities.communication`, `severities.examples`"),
        ("contacts.yml", "internal"),
        ("team.yml", "internal"),
    ],
)
def test_what_the_docs_call_internal_is_internal_in_the_model(pattern: str, internal: str) -> None:
    """Deployment, continuity, the incident process, the maintenance cycle, severities'
    communication and examples, escalation, on-call and role groups are internal data."""
    from opsdocs.model.reference import audience_summary

    kind = next(k for k in DATA_KINDS if k.pattern == pattern)
    assert internal in audience_summary(kind)


def test_every_data_file_is_documented() -> None:
    guide = (REPO / "docs" / "opsdocs" / "data-files.md").read_text(encoding="utf-8")
    for kind in DATA_KINDS:
        assert f"`{kind.pattern}`" in guide, kind.pattern


@pytest.mark.parametrize("kind", [k for k in DATA_KINDS if not k.many], ids=lambda k: k.name)
def test_example_files_point_editors_at_their_schema(kind: object) -> None:
    path = REPO / "data" / kind.pattern  # type: ignore[attr-defined]
    if not path.exists():
        pytest.skip(f"the example has no {path.name}")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{kind.schema_name}"  # type: ignore[attr-defined]


def test_every_plugin_option_is_documented() -> None:
    from opsdocs.mkdocs_plugins.shared import ProjectSettings
    from opsdocs.mkdocs_plugins.status import StatusConfig

    configuration = (REPO / "docs" / "opsdocs" / "configuration.md").read_text(encoding="utf-8")
    status = (REPO / "docs" / "opsdocs" / "status-page.md").read_text(encoding="utf-8")
    for name in dict(ProjectSettings._schema):
        assert f"`{name}`" in configuration, name
    for name in dict(StatusConfig._schema):
        assert name in status, name


def test_every_directive_is_documented() -> None:
    from opsdocs.render.handbook.directives import directive_names

    handbook = (REPO / "docs" / "opsdocs" / "handbook.md").read_text(encoding="utf-8")
    for name in directive_names():
        assert f"`{name}`" in handbook, name


def test_front_matter_kinds_have_schemas() -> None:
    for kind in FRONT_MATTER_KINDS:
        assert (REPO / "schemas" / kind.schema_name).is_file()


def test_every_command_in_the_readme_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "build", "validate", "schemas", "format"):
        assert f"make {target}" in readme, target
        assert f"\n{target}:" in makefile, target


def test_the_public_directives_are_the_ones_documented() -> None:
    from opsdocs.render.handbook.fragments import PUBLIC_FRAGMENTS

    handbook = (REPO / "docs" / "opsdocs" / "handbook.md").read_text(encoding="utf-8")
    listed = handbook.split("only the **public directives**:", 1)[1].split("\n\n", 2)[1]
    assert sorted(name.strip("`.") for name in listed.split(", ")) == sorted(PUBLIC_FRAGMENTS)


def test_the_template_reference_is_current() -> None:
    """``templates.md`` lists the variables each page template receives (every render is held
    to that list) and each macro library's macros, as the code has them."""
    from opsdocs.render.template_reference import BEGIN, END, template_reference

    page = (REPO / "docs" / "opsdocs" / "templates.md").read_text(encoding="utf-8")
    generated = page[page.index(BEGIN) : page.index(END) + len(END)]
    assert generated == template_reference(), "run `make schemas`"


def test_every_template_is_a_page_template_or_a_macro_library() -> None:
    """A template is documented by its variables (a page template) or by its macros."""
    from opsdocs.render.template_context import PAGE_TEMPLATES
    from opsdocs.render.template_reference import shipped_templates
    from opsdocs.render.templates import Templates

    shipped = shipped_templates()
    assert sorted(set(PAGE_TEMPLATES) - set(shipped)) == []
    libraries = [name for name in shipped if name not in PAGE_TEMPLATES]
    assert [name for name in libraries if not Templates().macros(name)] == []
