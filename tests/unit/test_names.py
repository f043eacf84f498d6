"""Names a user can guess: each data file's schema is named as the file, the field reference
says which fields each record requires, and a field or value spelled the American way
(``color``, ``canceled``) means what the British spelling opsdocs uses means."""

from __future__ import annotations

import json
import shutil
import typing
from enum import Enum
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from opsdocs.cli import build_parser
from opsdocs.model import read_project
from opsdocs.model.base import SpelledRecord
from opsdocs.model.communication import MaintenancePhase
from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS
from opsdocs.model.maintenance import MaintenanceWindow
from opsdocs.model.notify import EventKind
from opsdocs.model.reference import data_reference
from opsdocs.model.severities import Severity
from opsdocs.model.site import Site
from opsdocs.model.spellings import Spelled
from opsdocs.problems import ProjectInvalid
from opsdocs.spellings import SPELLINGS, other_spelling
from tests.editing import where
from tests.paths import MINIMAL, REPO

SCHEMA_LINE = "# yaml-language-server: $schema="


def _stem(pattern: str) -> str:
    return pattern.split("/")[0].removesuffix(".yml")


@pytest.mark.parametrize("kind", DATA_KINDS, ids=lambda kind: kind.pattern)
def test_each_data_file_has_a_schema_of_the_same_name(kind) -> None:
    assert kind.schema_name == f"{_stem(kind.pattern)}.schema.json"
    assert (REPO / "schemas" / kind.schema_name).is_file()


def test_the_process_and_cycle_schemas_are_named_as_their_files() -> None:
    names = {kind.pattern: kind.schema_name for kind in DATA_KINDS}
    assert names["incident-process.yml"] == "incident-process.schema.json"
    assert names["maintenance-cycle.yml"] == "maintenance-cycle.schema.json"
    assert not (REPO / "schemas" / "process.schema.json").exists()
    assert not (REPO / "schemas" / "cycle.schema.json").exists()


@pytest.mark.parametrize("root", [REPO, MINIMAL], ids=["example", "minimal"])
def test_every_schema_line_names_a_schema_that_exists(root) -> None:
    for path in sorted((root / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith(SCHEMA_LINE):
            target = (path.parent / first.removeprefix(SCHEMA_LINE)).resolve()
            assert target.is_file(), f"{path}: {first}"
            kind = (
                "incidents"
                if "incidents" in path.parts
                else "maintenance"
                if "maintenance" in path.parts
                else path.stem
            )
            assert target.name == f"{kind}.schema.json", f"{path}: {first}"


def test_every_required_field_is_listed_in_the_reference() -> None:
    reference = data_reference()
    sections = reference.split("\n#### ")
    for kind in DATA_KINDS:
        section = next(part for part in sections if part.startswith(f"{kind.model.__name__}\n"))
        required = [name for name, info in kind.model.model_fields.items() if info.is_required()]
        line = next(text for text in section.splitlines() if text.startswith("Required: "))
        for name in required:
            assert f"`{name}`" in line, f"{kind.pattern}: {name} not in {line!r}"
        if not required:
            assert line == "Required: none."
        assert f"Schema: `schemas/{kind.schema_name}`." in reference


# --- British and American spellings ---------------------------------------------------------

NOTIFY = """\
channels:
  - name: ops
    kind: webhook
    url_env: OPS_WEBHOOK_URL
    events: [maintenance.cancelled, incident.created]
"""
COMMUNICATION = """\
maintenance:
  - phase: cancelled
    text: {en: "{title} is called off."}
"""
SPELLED_TWO_WAYS = {
    "colour": ("data/severities.yml", '    colour: "#d32f2f"', '    color: "#d32f2f"', "severities"),
    "organisation": ("data/site.yml", "organisation: Example Org", "organization: Example Org", "site"),
    "cancelled": (
        "data/maintenance/2026-04-db-upgrade.yml",
        "cancelled: true",
        "canceled: true",
        "maintenance",
    ),
    "maintenance.cancelled": ("data/notify.yml", "maintenance.cancelled", "maintenance.canceled", "notify"),
    "phase cancelled": ("data/communication.yml", "phase: cancelled", "phase: canceled", "communication"),
}
"""Each spelling pair: the file, the text as opsdocs spells it, the other spelling, and the
project attribute the file becomes."""
FIELDS = {"colour", "organisation", "cancelled"}
"""The cases that spell a field's name; the others spell a value."""


def _project_copy(root: Path) -> Path:
    """A copy of the minimal fixture with a cancelled window, channels and templates."""
    shutil.copytree(MINIMAL, root)
    window = root / "data/maintenance/2026-04-db-upgrade.yml"
    window.write_text(window.read_text(encoding="utf-8") + "cancelled: true\n", encoding="utf-8")
    (root / "data/notify.yml").write_text(NOTIFY, encoding="utf-8")
    (root / "data/communication.yml").write_text(COMMUNICATION, encoding="utf-8")
    return root


def _respell(root: Path, rel: str, ours: str, other: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert ours in text, f"{ours!r} not in {rel}"
    path.write_text(text.replace(ours, other), encoding="utf-8")


@pytest.mark.parametrize("case", list(SPELLED_TWO_WAYS), ids=str)
def test_the_other_spelling_loads_the_same_record(tmp_path: Path, case: str) -> None:
    rel, ours, other, attribute = SPELLED_TWO_WAYS[case]
    british = read_project(_project_copy(tmp_path / "british"))
    american_root = _project_copy(tmp_path / "american")
    _respell(american_root, rel, ours, other)
    american = read_project(american_root)

    def dumped(project: object) -> object:
        value = getattr(project, attribute)
        return [item.model_dump() for item in value] if isinstance(value, list) else value.model_dump()

    assert dumped(american) == dumped(british)


def test_the_values_in_either_spelling_are_one_member() -> None:
    assert EventKind("maintenance.canceled") is EventKind.maintenance_cancelled
    assert MaintenancePhase("canceled") is MaintenancePhase.cancelled
    with pytest.raises(ValueError):
        MaintenancePhase("cancel")


@pytest.mark.parametrize(
    ("rel", "ours", "both", "record"),
    [
        (
            "data/severities.yml",
            '    colour: "#d32f2f"\n',
            '    colour: "#d32f2f"\n    color: "#d32f2f"\n',
            "id: sev1",
        ),
        (
            "data/site.yml",
            "organisation: Example Org\n",
            "organisation: Example Org\norganization: Ex\n",
            "product:",
        ),
    ],
    ids=["colour", "organisation"],
)
def test_both_spellings_in_one_record_are_refused_at_the_record(
    tmp_path: Path, rel: str, ours: str, both: str, record: str
) -> None:
    root = _project_copy(tmp_path / "project")
    _respell(root, rel, ours, both)
    with pytest.raises(ProjectInvalid) as refused:
        read_project(root)
    (problem,) = refused.value.problems
    name = ours.split(":")[0].strip()
    assert (problem.path, problem.line, problem.column) == (rel, *where(root, rel, record))
    assert f"'{name}' and '{other_spelling(name)}' are one field written twice" in problem.message


def test_a_wrong_value_under_the_other_spelling_is_located_where_it_was_written(tmp_path: Path) -> None:
    root = _project_copy(tmp_path / "project")
    _respell(root, "data/severities.yml", '    colour: "#f57c00"', "    color: orange")
    with pytest.raises(ProjectInvalid) as refused:
        read_project(root)
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == where(root, "data/severities.yml", "orange")
    assert problem.message.startswith("severities[1].colour: ")


def _schema(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((REPO / "schemas" / name).read_text(encoding="utf-8")))


def _yaml_file(text: str) -> object:
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.mark.parametrize("case", list(SPELLED_TWO_WAYS), ids=str)
def test_the_schemas_accept_either_spelling_and_not_both(tmp_path: Path, case: str) -> None:
    rel, ours, other, _ = SPELLED_TWO_WAYS[case]
    root = _project_copy(tmp_path / "project")
    kind = next(
        k for k in DATA_KINDS if fnmatch((root / rel).relative_to(root / "data").as_posix(), k.pattern)
    )
    schema = _schema(kind.schema_name)
    british = (root / rel).read_text(encoding="utf-8")
    american = british.replace(ours, other)
    assert list(schema.iter_errors(_yaml_file(british))) == []
    assert list(schema.iter_errors(_yaml_file(american))) == []
    key = ours.strip().split(":")[0]
    if case in FIELDS:  # both in one record, or neither when the field is required, is refused
        both = british.replace(ours, f"{ours}\n{ours.replace(key, other_spelling(key))}", 1)
        assert not schema.is_valid(_yaml_file(both))
        if kind.name in {"site", "severities"}:
            assert not schema.is_valid(_yaml_file(british.replace(ours, "", 1)))
    assert not schema.is_valid(_yaml_file(british.replace(ours, ours.replace(key, "colr"), 1)))


def test_the_reference_names_every_other_spelling() -> None:
    reference = data_reference()
    guide = (REPO / "docs" / "opsdocs" / "data-files.md").read_text(encoding="utf-8")
    for ours, other in SPELLINGS.items():
        assert f"`{other}` for `{ours}`" in reference
        assert f"`{ours}` or `{other}`" in guide
    assert "| `colour` | text | yes |  | Hex colour, e.g. #d32f2f. Also written `color`. |" in reference


def _models_and_enums() -> tuple[set[type], set[type]]:
    """Every record type and enumeration the data files can hold, found from the kinds."""
    models: set[type] = set()
    enums: set[type] = set()
    todo = [kind.model for kind in DATA_KINDS + FRONT_MATTER_KINDS]
    while todo:
        current = todo.pop()
        if isinstance(current, type) and issubclass(current, Enum):
            enums.add(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            if current not in models:
                models.add(current)
                todo += [info.annotation for info in current.model_fields.values()]
        else:
            todo += list(typing.get_args(current))
    return models, enums


def test_every_record_and_value_spelled_two_ways_accepts_both() -> None:
    """A new field or value with a word of the table gets the other spelling too: its record
    derives from SpelledRecord, its enumeration from Spelled."""
    models, enums = _models_and_enums()
    spelled = {m for m in models if any(other_spelling(name) != name for name in m.model_fields)}
    assert spelled == {m for m in models if issubclass(m, SpelledRecord)}
    assert {Severity, Site, MaintenanceWindow} <= spelled
    two_ways = {e for e in enums if any(other_spelling(m.value) != m.value for m in e)}
    assert two_ways == {e for e in enums if issubclass(e, Spelled)} == {MaintenancePhase, EventKind}


@pytest.mark.parametrize("flag", ["--organisation", "--organization"])
def test_init_takes_the_organisation_in_either_spelling(flag: str) -> None:
    args = build_parser().parse_args(["init", "new-project", flag, "Acme Inc."])
    assert args.organisation == "Acme Inc."
