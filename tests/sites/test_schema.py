"""``opsdocs schema --out DIR``: one valid JSON Schema per kind of file, which real data passes."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from jsonschema import Draft202012Validator

from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS
from tests.paths import MINIMAL

ALL_KINDS = DATA_KINDS + FRONT_MATTER_KINDS


@pytest.fixture(scope="module")
def schemas(tmp_path_factory, opsdocs) -> dict[str, dict[str, Any]]:
    """The schemas ``opsdocs schema --out DIR`` writes, by file name."""
    out = tmp_path_factory.mktemp("schemas")
    result = opsdocs("schema", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    printed = {Path(line).name for line in result.stdout.splitlines()}
    written = {path.name for path in out.iterdir()}
    assert printed == written
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in out.iterdir()}


def jsonable(value: Any) -> Any:
    """What a YAML value looks like to a JSON Schema validator: dates and times as ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    return value


def test_one_schema_per_kind(schemas):
    assert set(schemas) == {kind.schema_name for kind in ALL_KINDS}
    assert len(schemas) == len(DATA_KINDS) + len(FRONT_MATTER_KINDS)


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda kind: kind.name)
def test_each_schema_is_a_valid_json_schema(schemas, kind):
    schema = schemas[kind.schema_name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["description"] == kind.description
    assert schema["type"] == "object"


def minimal_documents() -> list[tuple[str, str, Any]]:
    """(kind's schema name, relative path, data) of every data file and front matter of the fixture."""
    found = []
    for kind in DATA_KINDS:
        for path in sorted((MINIMAL / "data").glob(kind.pattern)):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found.append((kind.schema_name, path.relative_to(MINIMAL).as_posix(), jsonable(data)))
    for kind in FRONT_MATTER_KINDS:
        for path in sorted(MINIMAL.glob(kind.pattern)):
            rel = path.relative_to(MINIMAL).as_posix()
            found.append((kind.schema_name, rel, jsonable(yaml.safe_load(_front_matter(path)) or {})))
    return found


def _front_matter(path: Path) -> str:
    """The YAML between a Markdown file's opening and closing ``---`` lines."""
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[1] if text.startswith("---\n") else ""


DOCUMENTS = minimal_documents()


def test_the_fixture_has_a_file_of_most_kinds():
    covered = {name for name, _, _ in DOCUMENTS}
    assert len(DOCUMENTS) >= 14
    for name in ("site", "incidents", "maintenance", "roadmap", "training", "runbook", "page"):
        assert f"{name}.schema.json" in covered


@pytest.mark.parametrize(("schema_name", "rel", "data"), DOCUMENTS, ids=[rel for _, rel, _ in DOCUMENTS])
def test_minimal_files_validate_against_their_schema(schemas, schema_name, rel, data):
    Draft202012Validator(schemas[schema_name]).validate(data)


def test_schema_rejects_what_the_validator_rejects(schemas):
    path = MINIMAL / "data" / "components.yml"
    data = jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    data["groups"][0]["components"][0]["ownr"] = "tech-lead"
    with pytest.raises(jsonschema.ValidationError, match="ownr"):
        Draft202012Validator(schemas["components.schema.json"]).validate(data)

    incident = jsonable(
        yaml.safe_load((MINIMAL / "data" / "incidents" / "2026-03-10-api-errors.yml").read_text("utf-8"))
    )
    incident["components"]["api"] = "down"
    with pytest.raises(jsonschema.ValidationError, match="'down'"):
        Draft202012Validator(schemas["incidents.schema.json"]).validate(incident)
