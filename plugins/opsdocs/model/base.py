"""Building blocks shared by every record: audience, durations, timestamps, source positions."""

from __future__ import annotations

import functools
import re
import typing
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from opsdocs.load.source import SourceRef
from opsdocs.model.spellings import respell_fields, schema_with_spellings


class Audience(StrEnum):
    """Who may read a record or field: everyone (``public``) or the team (``internal``)."""

    public = "public"
    internal = "internal"


AUDIENCE_KEY = "x-audience"
"""Key in a field's JSON Schema extras that marks the field internal."""


def internal(default: Any = ..., **kwargs: Any) -> Any:
    """A model field whose value never reaches the public site, whatever its record's audience."""
    extra = kwargs.pop("json_schema_extra", {}) or {}
    extra[AUDIENCE_KEY] = Audience.internal.value
    return Field(default, json_schema_extra=extra, **kwargs)


class Record(BaseModel):
    """Base of every model: unknown fields are errors, and each record remembers its source."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        use_enum_values=False,
        json_schema_extra=schema_with_spellings,
    )

    _source: SourceRef | None = PrivateAttr(default=None)

    @property
    def source(self) -> SourceRef | None:
        """Where this record was read from, for error messages and edit links."""
        return self._source


class SpelledRecord(Record):
    """Base of the records with a field a user may spell two ways (``colour``, ``color``):
    the other spelling is renamed to the field's before validation, both are refused
    (``opsdocs.model.spellings``). Only these records pay for the check."""

    @model_validator(mode="before")
    @classmethod
    def _spelled_as_here(cls, data: Any) -> Any:
        return respell_fields(cls, data)


def may_hold_records(annotation: Any) -> bool:
    """Whether a field of this type can hold a record (a model) at any depth: code that walks
    records (source positions, the public view) skips the fields that cannot."""
    if annotation is Any or annotation is object:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(may_hold_records(arg) for arg in typing.get_args(annotation))


@functools.cache
def nested_record_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of ``model``'s fields that can hold records, worked out once per class."""
    return tuple(name for name, info in model.model_fields.items() if may_hold_records(info.annotation))


def audience_field(default: Audience = Audience.public) -> Any:
    """The definition of a record kind's ``audience`` field: who may read each record of the
    kind, ``default`` for a record that does not say (public, except for kinds that are
    internal unless marked otherwise, such as roles and people). The public view
    (``opsdocs.model.audience``) drops every record whose audience is internal."""
    return Field(default, description="Who may read this record: public or internal.")


# --- identifiers ------------------------------------------------------------------------

_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Id = Annotated[
    str,
    Field(
        pattern=_ID_PATTERN,
        max_length=100,
        description="Lowercase letters, digits, '.', '_' and '-'; unique within its kind.",
    ),
]


def page_id(folder: str, reserved: frozenset[str]) -> Any:
    """The type of an id that names a generated page ``<folder>/<id>.md``: an ``Id`` that
    is none of ``reserved``, the names of the part's own pages there. Refusing them keeps
    one record, one page: no two records, and no record and a fixed page, share a path."""

    def not_reserved(value: str) -> str:
        if value in reserved:
            raise ValueError(f"'{value}' is reserved for the page {folder}/{value}.md")
        return value

    names = ", ".join(sorted(reserved))
    return Annotated[
        Id,
        AfterValidator(not_reserved),
        Field(
            description=f"Also the name of its page under {folder}/; not {names}.",
            json_schema_extra={"not": {"enum": sorted(reserved)}},
        ),
    ]


# --- durations ----------------------------------------------------------------------------

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|min|m|s)", re.IGNORECASE)
_DURATION_FULL = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*(?:d|h|min|m|s)\s*)+$", re.IGNORECASE)
_UNIT_SECONDS = {"d": 86400, "h": 3600, "min": 60, "m": 60, "s": 1}


def parse_duration(value: Any) -> Any:
    """Accept ``15m``, ``2h``, ``1h30m``, ``30d`` (and timedeltas); leave other values to fail."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, str) and _DURATION_FULL.match(value):
        seconds = sum(float(n) * _UNIT_SECONDS[unit.lower()] for n, unit in _DURATION_PART.findall(value))
        return timedelta(seconds=seconds)
    if isinstance(value, str):
        raise ValueError(f"'{value}' is not a duration; write it like 15m, 2h, 1h30m or 30d")
    return value


def format_duration(value: timedelta) -> str:
    """The inverse of ``parse_duration``: ``1h30m``, ``2d``."""
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0m"


Duration = Annotated[
    timedelta,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _DURATION_FULL.pattern, "examples": ["15m", "2h", "30d"]}),
]

# --- timestamps ---------------------------------------------------------------------------


def _attach_zone(value: datetime, info: ValidationInfo) -> datetime:
    """Give a timestamp written without an offset the site's time zone, then store it in UTC.

    UTC inside, local time only on display: subtracting two times of one ``ZoneInfo`` ignores
    a DST change between them, so arithmetic on local times would be wrong twice a year.
    """
    if value.tzinfo is None:
        zone = (info.context or {}).get("timezone")
        value = value.replace(tzinfo=zone if isinstance(zone, ZoneInfo) else UTC)
    try:
        value = value.astimezone(UTC)
    except OverflowError:
        value = None
    problem = time_range_problem(value)
    if problem:
        raise ValueError(problem)
    return value


EARLIEST_TIME = datetime(1970, 1, 1, tzinfo=UTC)
LATEST_TIME = datetime(2999, 12, 31, 23, 59, 59, tzinfo=UTC)
"""The times opsdocs accepts, in data and as ``now``: far enough from the calendar's ends that
every date computed from them (a day's start, 90 days of history, a week of calendar) exists."""


def time_range_problem(value: datetime | None) -> str | None:
    """Why ``value`` (aware) is outside the accepted range, or None; None as ``value`` stands
    for a time so far out that it has no UTC equivalent."""
    if value is None or not EARLIEST_TIME <= value <= LATEST_TIME:
        return (
            f"time is out of range; opsdocs accepts {EARLIEST_TIME:%Y-%m-%d} to {LATEST_TIME:%Y-%m-%d} (UTC)"
        )
    return None


def _normalise_timestamp(value: Any) -> Any:
    if isinstance(value, str):
        return (
            value.strip().replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", value.strip()) else value
        )
    return value


Timestamp = Annotated[
    datetime,
    BeforeValidator(_normalise_timestamp),
    AfterValidator(_attach_zone),
    WithJsonSchema(
        {
            "type": "string",
            "description": "ISO 8601 date and time; without an offset the site's time zone applies.",
            "examples": ["2026-03-14T10:05:00-03:00", "2026-03-14 10:05"],
        }
    ),
]

Day = Annotated[date, WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-03-14"]})]

Markdown = Annotated[str, Field(description="Markdown text.")]


class Step(Record):
    """One step of a procedure, optionally done by a role; a plain string is accepted too."""

    text: str
    role: Id | None = Field(None, description="Id of the role that does this step (team.yml).")


def _step_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class _OrText:
    """Tells the JSON Schema what ``_step_from_text`` accepts: a step, or its text alone."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"anyOf": [handler(core_schema), {"type": "string"}]}


StepItem = Annotated[Step, BeforeValidator(_step_from_text), _OrText()]


class Frequency(StrEnum):
    """How often something recurs."""

    daily = "daily"
    weekly = "weekly"
    monthly = "monthly"
    quarterly = "quarterly"
    yearly = "yearly"
    as_needed = "as_needed"


Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="An email address.")]
