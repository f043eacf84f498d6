"""The public view of a project: internal records dropped, internal fields emptied.

Driven by the model itself (each record's ``audience`` and the fields marked with
``internal()``), so a new kind of data or a new internal field is covered without code here.
Public renderers only ever see this view; nothing internal can leak through them.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from opsdocs.model.base import AUDIENCE_KEY, Audience, may_hold_records

_DROP = object()


def is_internal_field(info: FieldInfo) -> bool:
    """Whether a model field is marked internal."""
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get(AUDIENCE_KEY) == Audience.internal.value


@dataclasses.dataclass(frozen=True)
class _Field:
    """What the public view does with one field of a model class."""

    name: str
    internal: bool
    required: bool
    may_hold_records: bool
    info: FieldInfo

    def empty(self) -> Any:
        """The value an internal field takes in the public view: its default, or empty."""
        info = self.info
        if not info.is_required():
            # The model's factories take no arguments; calling them directly spares pydantic
            # inspecting each factory's signature on every record.
            return info.default_factory() if info.default_factory is not None else info.default  # type: ignore[call-arg]
        origin = typing.get_origin(info.annotation)
        if origin is list:
            return []
        if origin is dict:
            return {}
        return "" if info.annotation is str else None


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[_Field, ...]:
    """The fields of ``model`` as the public view treats them, worked out once per class."""
    return tuple(
        _Field(name, is_internal_field(info), info.is_required(), may_hold_records(info.annotation), info)
        for name, info in model.model_fields.items()
    )


def _project(value: Any) -> Any:
    if isinstance(value, BaseModel):
        if getattr(value, "audience", None) == Audience.internal:
            return _DROP
        update = {}
        for field in _fields(type(value)):
            if field.internal:
                empty = field.empty()
                if getattr(value, field.name) != empty:  # copy only what has something to hide
                    update[field.name] = empty
            elif field.may_hold_records:
                current = getattr(value, field.name)
                projected = _project(current)
                if projected is _DROP and field.required:
                    # A record whose required part is internal (a runbook's front matter) is
                    # internal as a whole.
                    return _DROP
                if projected is not current:
                    update[field.name] = None if projected is _DROP else projected
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_project(item) for item in value]
        kept = [item for item in items if item is not _DROP]
        return (
            kept
            if any(a is not b for a, b in zip(kept, value, strict=False)) or len(kept) != len(value)
            else value
        )
    if isinstance(value, dict):
        projected = {key: _project(item) for key, item in value.items()}
        kept = {key: item for key, item in projected.items() if item is not _DROP}
        same = len(kept) == len(value) and all(kept[k] is value[k] for k in kept)
        return value if same else kept
    return value


def public_view(project: Any) -> Any:
    """A copy of ``project`` holding only what the public may read."""
    changes = {}
    for field in dataclasses.fields(project):
        if field.name in {"root", "warnings"}:
            continue
        value = getattr(project, field.name)
        projected = _project(value)
        if projected is not value:
            changes[field.name] = projected
    return dataclasses.replace(project, **changes)
