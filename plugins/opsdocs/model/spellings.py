"""Fields and values written in their other spelling (``color``, ``canceled``), accepted as
the spelling opsdocs uses; the pairs are those of ``opsdocs.spellings``.

A field written the other way is renamed before validation (in the records that derive from
``opsdocs.model.base.SpelledRecord``, those with such a field), so the record is the
same either way and everything downstream (pages, the API, the public view, edits) sees one
name; a record that writes both spellings is refused. The JSON Schemas accept both too.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from pydantic import GetJsonSchemaHandler

from opsdocs.spellings import canonical, other_spelling


@functools.cache
def field_aliases(model: type) -> Mapping[str, str]:
    """The other spelling of each of ``model``'s fields that has one, with the field's name."""
    fields = getattr(model, "model_fields", {})
    return {other_spelling(name): name for name in fields if other_spelling(name) != name}


def respell_fields(model: type, data: Any) -> Any:
    """``data`` (a record's mapping) with each field written in its other spelling renamed to
    the field's name; a ``ValueError`` naming both when both spellings are written."""
    aliases = field_aliases(model)
    if not aliases or not isinstance(data, dict) or not any(other in data for other in aliases):
        return data
    for other, ours in aliases.items():
        if other in data and ours in data:
            raise ValueError(f"'{ours}' and '{other}' are one field written twice; keep one of them")
    return {aliases.get(key, key) if isinstance(key, str) else key: value for key, value in data.items()}


def schema_with_spellings(schema: dict[str, Any], model: type) -> None:
    """Let ``model``'s JSON Schema accept each field in either spelling, never both: the other
    spelling becomes a property of the same schema, and "required" asks for one of the two."""
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    rules = []
    for other, ours in field_aliases(model).items():
        if ours not in properties:
            continue
        meaning = properties[ours].get("description")
        same = f"Same as `{ours}`." + (f" {meaning}" if meaning else "")
        properties[other] = {**properties[ours], "description": same}
        if "title" in properties[ours]:
            properties[other]["title"] = other.replace("_", " ").title()
        if ours in required:
            required.remove(ours)
            rules.append({"oneOf": [{"required": [ours]}, {"required": [other]}]})
        else:
            rules.append({"not": {"required": [ours, other]}})
    if "required" in schema and not required:
        del schema["required"]
    if rules:
        schema["allOf"] = [*schema.get("allOf", []), *rules]


class Spelled(StrEnum):
    """Base of the enumerations with a value a user may spell two ways (``cancelled``,
    ``canceled``): the other spelling is accepted as that value, and listed in the schema."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return cls._value2member_map_.get(canonical(value)) if isinstance(value, str) else None

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        spellings = ((value, other_spelling(value)) for value in target.get("enum", []))
        target["enum"] = list(dict.fromkeys(name for pair in spellings for name in pair))
        return schema
