"""Plant a unique canary string in every internal field and record of a project.

The internal fields are found from the model (fields marked ``internal()`` and records with an
``audience``), so a new kind of data or a new internal field is covered without a change here.
"""

from __future__ import annotations

import itertools
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from opsdocs.model.audience import is_internal_field
from opsdocs.model.files import DATA_KINDS

_counter = itertools.count(1)


def _loader() -> type[yaml.SafeLoader]:
    """A loader that keeps dates and times as text, so files are written back as they were."""

    class TextTimes(yaml.SafeLoader):
        pass

    TextTimes.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
    )
    return TextTimes


def canary(kind: str) -> str:
    """A fresh canary; every one contains ``CANARY``."""
    return f"CANARY{next(_counter)}-{kind}"


def _unwrap(annotation: Any) -> tuple[str, Any]:
    """('str' | 'strlist' | 'model' | 'modellist' | 'modeldict' | 'other', model class)."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        metadata = typing.get_args(annotation)[1:]
        if any(getattr(m, "pattern", None) for m in metadata) or any(
            getattr(getattr(m, "metadata", None), "__iter__", None) for m in metadata
        ):
            return "other", None
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0])
    if annotation is str:
        return "str", None
    if origin is list and args:
        inner, model = _unwrap(args[0])
        if inner == "str":
            return "strlist", None
        if inner == "model":
            return "modellist", model
    if origin is dict and len(args) == 2:
        inner, model = _unwrap(args[1])
        if inner == "model":
            return "modeldict", model
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", None


REFERENCE_FIELDS = {"page", "url", "link", "target"}
"""Text fields that point at something (a page, an address) or are parsed (a KPI target)."""


def _fresh_ids(twin: dict[str, Any]) -> None:
    """Give the twin and every record nested in it a new id, and follow the renames inside it
    (a module's prerequisites name modules of the same path)."""
    renames: dict[str, str] = {}

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                renames[value["id"]] = f"canary-twin-{next(_counter)}"
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    def rename(value: Any) -> Any:
        # Ids, and lists of ids such as prerequisites; a scalar field equal to an id (a
        # contact's role 'tech-lead', a KPI's measure 'uptime') names something else.
        if isinstance(value, dict):
            return {
                key: renames.get(item, item) if key == "id" else rename(item) for key, item in value.items()
            }
        if isinstance(value, list):
            return [renames.get(item, item) if isinstance(item, str) else rename(item) for item in value]
        return value

    collect(twin)
    twin.update(rename(twin))


def _has_pattern(info: Any) -> bool:
    return any(getattr(m, "pattern", None) for m in info.metadata)


def plant(data: dict[str, Any], model: type[BaseModel], found: list[str], internal: bool = False) -> None:
    """Put a canary in every internal text field of ``data`` (validated by ``model``)."""
    for name, info in model.model_fields.items():
        kind, inner = _unwrap(info.annotation)
        field_internal = internal or is_internal_field(info)
        skip = name in ("id", "audience") or name in REFERENCE_FIELDS or _has_pattern(info)
        if kind in ("str", "strlist") and field_internal and not skip:
            if kind == "str" and (name in data or info.is_required()):
                data[name] = canary(name)
                found.append(data[name])
            elif kind == "strlist":
                data[name] = [*data.get(name, []), canary(name)]
                found.append(data[name][-1])
        elif kind == "model" and isinstance(data.get(name), dict):
            plant(data[name], inner, found, field_internal)
        elif kind == "modellist" and isinstance(data.get(name), list):
            _plant_list(data[name], inner, found, field_internal)
        elif kind == "modeldict" and isinstance(data.get(name), dict):
            for item in data[name].values():
                if isinstance(item, dict):
                    plant(item, inner, found, field_internal)


def _plant_list(items: list[Any], model: type[BaseModel], found: list[str], internal: bool) -> None:
    for item in items:
        if isinstance(item, dict):
            plant(item, model, found, internal or item.get("audience") == "internal")
    # An internal twin of the first record, for every kind of record that has an audience.
    if (
        "audience" in model.model_fields
        and items
        and isinstance(items[0], dict)
        and "id" in model.model_fields
    ):
        twin = yaml.safe_load(yaml.safe_dump(items[0]))
        _fresh_ids(twin)
        found.append(twin["id"])
        twin["audience"] = "internal"
        plant(twin, model, found, internal=True)
        items.append(twin)


def plant_project(root: Path) -> list[str]:
    """Plant canaries in every data file, internal page and runbook under ``root``."""
    found: list[str] = []
    for kind in DATA_KINDS:
        paths = sorted((root / "data").glob(kind.pattern))
        for path in paths:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())
            if not isinstance(data, dict):
                continue
            if kind.many and "audience" in kind.model.model_fields and data.get("audience") == "internal":
                plant(data, kind.model, found, internal=True)
            else:
                plant(data, kind.model, found)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if kind.many and paths and "audience" in kind.model.model_fields:
            # An internal twin of the first file of a folder kind (incidents, maintenance).
            data = yaml.load(paths[0].read_text(encoding="utf-8"), Loader=_loader())
            data["id"] = f"canary-file-{next(_counter)}"
            found.append(data["id"])
            data["audience"] = "internal"
            plant(data, kind.model, found, internal=True)
            for field in ("title", "name"):
                if field in data:
                    data[field] = canary(field)
                    found.append(data[field])
            (paths[0].parent / f"{data['id']}.yml").write_text(
                yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
            )
    for page in sorted((root / "docs").rglob("*.md")) + sorted((root / "runbooks").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        internal = page.parent.name == "runbooks" or "audience: internal" in text.split("\n---", 1)[0]
        if internal:
            mark = canary("page")
            page.write_text(text.rstrip() + f"\n\n{mark}\n", encoding="utf-8")
            found.append(mark)
    return found
