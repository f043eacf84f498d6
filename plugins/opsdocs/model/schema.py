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


def write_schemas(out_dir: Path) -> list[Path]:
    """Write one ``<kind>.schema.json`` per kind of file into ``out_dir``; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in DATA_KINDS + FRONT_MATTER_KINDS:
        path = out_dir / kind.schema_name
        text = json.dumps(schema_for(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
