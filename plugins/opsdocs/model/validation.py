"""One YAML document validated as a model: pydantic's errors become problems located in the
file, with a "did you mean" for a misspelt field, and each record learns where it was read."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ValidationError

from opsdocs.load import SourceDoc
from opsdocs.load.source import FieldPath, SourceRef, dotted
from opsdocs.model.base import Record, nested_record_fields
from opsdocs.problems import Problem


def validate_doc(
    doc: SourceDoc,
    model: type[Record],
    context: dict[str, Any],
    problems: list[Problem],
    prefix: FieldPath = (),
) -> Record | None:
    """Validate ``doc`` (at ``prefix``) as ``model``; problems get the file's positions."""
    data = doc.data
    for part in prefix:
        data = data[part]
    if not isinstance(data, dict):
        problems.append(doc.problem(prefix, "expected a mapping of fields here"))
        return None
    try:
        record = model.model_validate(data, context=context)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, doc, model, prefix))
        return None
    attach_sources(record, SourceRef(doc, prefix))
    return record


def attach_sources(record: BaseModel, ref: SourceRef) -> None:
    """Tell ``record`` and every record nested in it where in the file it came from."""
    if isinstance(record, Record):
        record._source = ref
    for name in nested_record_fields(type(record)):
        value = getattr(record, name)
        _attach_value(value, SourceRef(ref.doc, ref.prefix + (name,)))


def _attach_value(value: Any, ref: SourceRef) -> None:
    if isinstance(value, BaseModel):
        attach_sources(value, ref)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                attach_sources(item, SourceRef(ref.doc, ref.prefix + (index,)))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, BaseModel):
                attach_sources(item, SourceRef(ref.doc, ref.prefix + (key,)))


def _problems_from(
    exc: ValidationError, doc: SourceDoc, model: type[BaseModel], prefix: FieldPath
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not _is_validator_tag(part))
        path = prefix + loc
        kind = error["type"]
        if kind == "extra_forbidden":
            field_name = str(loc[-1])
            known = _known_fields(model, loc[:-1])
            hint = get_close_matches(field_name, known, n=1)
            message = unknown_field_message(path, hint[0] if hint else None)
        elif kind == "missing":
            message = f"{dotted(path)}: required field '{loc[-1]}' is missing"
        else:
            reason = error["msg"].removeprefix("Value error, ")
            given = error.get("input")
            shown = (
                f" (got {given!r})" if isinstance(given, (str, int, float)) and len(str(given)) < 80 else ""
            )
            if isinstance(given, bool) and kind != "bool_type":
                shown += "; YAML reads unquoted yes/no/on/off as true/false, so put the word in quotes"
            message = f"{dotted(path)}: {reason}{shown}"
        problems.append(doc.problem(path, message))
    return problems


def unknown_field_message(path: FieldPath, suggestion: str | None) -> str:
    """The message for an unknown field at ``path``, with the field it was probably meant to be."""
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return f"{dotted(path)}: unknown field '{path[-1]}'{hint}"


def _is_validator_tag(part: Any) -> bool:
    """Pydantic puts validator names such as ``function-after[...]`` in error locations."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "dict", "list"})


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model``, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _innermost_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _innermost_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    meta = getattr(annotation, "__origin__", None)
    if meta is not None and not getattr(annotation, "__args__", None):
        return meta
    return annotation
