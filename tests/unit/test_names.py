"""Names a user can guess: each data file's schema is named as the file, and the field
reference says which fields each record requires."""

from __future__ import annotations

import pytest

from opsdocs.model.files import DATA_KINDS
from opsdocs.model.reference import data_reference
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
