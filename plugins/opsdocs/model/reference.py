"""The data files' field reference in Markdown, generated from the model so it cannot drift."""

from __future__ import annotations

import types
import typing
from enum import Enum

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from opsdocs.model.audience import is_internal_field
from opsdocs.model.base import AUDIENCE_KEY, Audience
from opsdocs.model.files import DATA_KINDS, FRONT_MATTER_KINDS, DataKind
from opsdocs.spellings import SPELLINGS, other_spelling

_SCALARS = {
    "str": "text",
    "int": "whole number",
    "float": "number",
    "bool": "true/false",
    "date": "date",
    "datetime": "date and time",
    "timedelta": "duration",
    "HttpUrl": "web address",
}


def _type_name(annotation: typing.Any) -> tuple[str, list[type[BaseModel]]]:
    """A readable type name, and the nested models it mentions."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names, models = [], []
        for arg in args:
            if arg is type(None):
                continue
            name, found = _type_name(arg)
            names.append(name)
            models += found
        return " or ".join(names), models
    if origin is list:
        name, models = _type_name(args[0])
        return f"list of {name}", models
    if origin is dict:
        key, _ = _type_name(args[0])
        value, models = _type_name(args[1])
        return f"mapping of {key} to {value}", models
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})", [annotation]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " \\| ".join(_value_name(m.value) for m in annotation), []
    name = getattr(annotation, "__name__", str(annotation))
    return _SCALARS.get(name, name), []


def _value_name(value: str) -> str:
    """An enumerated value as the reference shows it, with its other spelling if it has one."""
    other = other_spelling(value)
    return f"`{value}` (or `{other}`)" if other != value else f"`{value}`"


def _row(name: str, info: FieldInfo) -> tuple[str, list[type[BaseModel]]]:
    kind, models = _type_name(info.annotation)
    if name == "id" or ("Id" in str(info.annotation) and "id" in name):
        kind = kind.replace("text", "id")
    required = "yes" if info.is_required() else "no"
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    audience = "internal" if extra.get(AUDIENCE_KEY) == "internal" else ""
    description = (info.description or "").replace("|", "\\|")
    if other_spelling(name) != name:
        description = f"{description} Also written `{other_spelling(name)}`.".strip()
    return f"| `{name}` | {kind} | {required} | {audience} | {description} |", models


def _section(model: type[BaseModel], seen: set[type[BaseModel]]) -> list[str]:
    lines = [f"#### {model.__name__}", ""]
    doc = (model.__doc__ or "").strip().splitlines()
    if doc:
        lines += [doc[0], ""]
    required = [f"`{name}`" for name, info in model.model_fields.items() if info.is_required()]
    lines += [f"Required: {', '.join(required) if required else 'none'}.", ""]
    lines += ["| field | type | required | audience | meaning |", "|---|---|---|---|---|"]
    nested: list[type[BaseModel]] = []
    for name, info in model.model_fields.items():
        row, models = _row(name, info)
        lines.append(row)
        nested += [m for m in models if m not in seen]
    lines.append("")
    for child in nested:
        if child not in seen:
            seen.add(child)
            lines += _section(child, seen)
    return lines


def data_reference() -> str:
    """Every data file kind with its fields, as Markdown."""
    lines = [
        "---",
        "audience: internal",
        "---",
        "",
        "# Data file reference",
        "",
        "<!-- Generated from the model by `make schemas`; do not edit by hand. -->",
        "",
        "Fields marked *internal* never reach the public site, whatever the record's audience.",
        "Durations are written like `15m`, `2h`, `1h30m`, `30d`; times in ISO 8601 "
        "(`2026-03-14T10:05:00-03:00`; without an offset the site's time zone applies).",
        "A field or value spelled the British way is accepted in its American spelling too: "
        + ", ".join(f"`{other}` for `{ours}`" for ours, other in SPELLINGS.items())
        + "; one record may use only one of the two.",
        "",
    ]
    seen: set[type[BaseModel]] = set()
    for kind in DATA_KINDS + FRONT_MATTER_KINDS:
        where = kind.pattern if kind.name in {"runbook", "page"} else f"data/{kind.pattern}"
        lines += [f"## `{where}`", "", kind.description + (" Required." if kind.required else ""), ""]
        lines += [f"Schema: `schemas/{kind.schema_name}`.", ""]
        seen.add(kind.model)
        lines += _section(kind.model, seen)
    return "\n".join(lines).rstrip() + "\n"


def _record_type(annotation: typing.Any) -> type[BaseModel] | None:
    """The record a field holds (alone, in a list or as a mapping's values), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _record_type(arg)
        if found is not None:
            return found
    return None


def _internal_parts(model: type[BaseModel], prefix: str = "") -> tuple[list[str], list[str]]:
    """The dotted paths under ``model`` the public view empties (fields marked internal), and
    those holding records that are internal unless they say ``audience: public``."""
    fields: list[str] = []
    records: list[str] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        if is_internal_field(info):
            fields.append(path)
            continue
        held = _record_type(info.annotation)
        if held is None:
            continue
        audience = held.model_fields.get("audience")
        if audience is not None and audience.default == Audience.internal:
            records.append(path)
            continue
        more_fields, more_records = _internal_parts(held, path + ".")
        fields += more_fields
        records += more_records
    return fields, records


def audience_summary(kind: DataKind) -> str:
    """What of a data file reaches the public site, worked out from the model's markers: the
    "audience by default" column of the data files' table in the docs, which a test compares."""
    audience = kind.model.model_fields.get("audience")
    if audience is not None and audience.default == Audience.internal:
        return "internal, unless a record says `audience: public`"
    fields, records = _internal_parts(kind.model)
    top = [path for path in fields + records if "." not in path]
    if len(top) == len(kind.model.model_fields):
        if not records:
            return "internal"
        return (
            "internal, unless a record of "
            + ", ".join(f"`{r}`" for r in records)
            + " says `audience: public`"
        )
    parts = [f"`{path}`" for path in fields] + [
        f"`{path}` (unless a record says `audience: public`)" for path in records
    ]
    return "public, except " + ", ".join(parts) if parts else "public"
