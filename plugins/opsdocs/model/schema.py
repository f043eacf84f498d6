"""JSON Schemas of the data files, generated from the model, for editors and CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS, DataKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: DataKind) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    schema = kind.model.model_json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": kind.schema_name,
        "title": kind.pattern,
        **schema,
        "description": kind.description,
    }


def schema_texts() -> dict[str, str]:
    """The text of each kind of file's JSON Schema, by its file name (``site.schema.json``):
    what ``opsdocs schema`` writes and ``opsdocs init`` puts in a new project's ``schemas/``."""
    return {
        kind.schema_name: json.dumps(schema_for(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for kind in DATA_KINDS + FRONT_MATTER_KINDS
    }


def write_schemas(out_dir: Path) -> list[Path]:
    """Write one ``<kind>.schema.json`` per kind of file into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
