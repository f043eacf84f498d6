"""What a person types into an on-call command, checked: each mistake is one line that names it.

These checks run before any edit is planned, so a typo costs one message and nothing is
written; what they leave to ``opsdocs validate`` (which runs on every edit) is what only the
whole project can tell.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, time
from difflib import get_close_matches
from enum import StrEnum
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from opsdocs.load.yaml_source import MAX_TEXT_CHARS
from opsdocs.model.base import time_range_problem

E = TypeVar("E", bound=StrEnum)


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


class InputError(ValueError):
    """A value given to a command that cannot be used; its message is one line naming it."""


def close_match(value: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` ``value`` was probably meant to be, if any is close."""
    close = get_close_matches(value, sorted(choices), n=1)
    return close[0] if close else None


def hint(value: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest of ``choices``, else ``; choose one of a, b``."""
    options = sorted(choices)
    close = close_match(value, options)
    if close:
        return f"; did you mean '{close}'?"
    return f"; choose one of {', '.join(options)}" if options else ""


def record(records: Sequence[R], record_id: str, kind: str, after: str = "") -> R:
    """The one of ``records`` whose id is ``record_id``; else one line naming the closest id
    (and ``after``, a pointer to where the ids are listed)."""
    for item in records:
        if item.id == record_id:
            return item
    close = close_match(record_id, [item.id for item in records])
    rest = " ".join(part for part in (f"did you mean '{close}'?" if close else "", after) if part)
    raise InputError(f"no {kind} '{record_id}'" + (f"; {rest}" if rest else ""))


def known(value: str, choices: Collection[str], kind: str, where: str) -> str:
    """``value`` when it is one of ``choices`` (the ids of ``kind`` in ``where``)."""
    if value not in choices:
        raise InputError(f"unknown {kind} '{value}'{hint(value, choices)} ({where})")
    return value


def choice(value: str, enum: type[E], kind: str, allowed: Collection[E] | None = None) -> E:
    """``value`` as a member of ``enum`` (only ``allowed`` ones, when given)."""
    options = [member.value for member in (allowed if allowed is not None else enum)]
    if value not in options:
        raise InputError(f"unknown {kind} '{value}'{hint(value, options)}")
    return enum(value)


def message(value: str | None, flag: str = "--message") -> str:
    """A public message or other text: not empty, and within the data's bound on one text."""
    text = (value or "").strip()
    if not text:
        raise InputError(f"{flag} is empty; write what customers should read")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{flag} is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}")
    return text


def note(value: str | None, flag: str = "--internal-note") -> str:
    """An optional text (empty is fine), within the data's bound on one text."""
    text = (value or "").strip()
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{flag} is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}")
    return text


def title(value: str | None) -> str:
    """A title: one line, not empty."""
    text = " ".join((value or "").split())
    if not text:
        raise InputError("--title is empty; say in a few words what is wrong")
    if len(text) > 200:
        raise InputError(f"--title is {len(text)} characters long; keep it under 200")
    return text


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def moment(value: str, zone: ZoneInfo, now: datetime, flag: str = "--at") -> datetime:
    """A time as people type it: ISO 8601 (``2026-03-14T10:05:00-03:00``, ``2026-03-14 10:05``),
    or ``HH:MM`` for today; without an offset in the site's time zone. Aware, in ``zone``."""
    text = value.strip()
    clock = _CLOCK.match(text)
    try:
        if clock:
            parsed = datetime.combine(now.astimezone(zone).date(), time(int(clock[1]), int(clock[2])))
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"{flag} {value!r} is not a time; write 2026-03-14T10:05, 2026-03-14 10:05-03:00 or 10:05"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    problem = time_range_problem(parsed)
    if problem:
        raise InputError(f"{flag} {value!r}: {problem}")
    return parsed.astimezone(zone)


def not_ahead(at: datetime, now: datetime, flag: str = "--at") -> datetime:
    """``at`` when it is not after ``now``: an update is written about what has happened."""
    if at > now:
        raise InputError(f"{flag} {_shown(at)} is in the future (now is {_shown(now, at)})")
    return at


def not_before(at: datetime, earliest: datetime, what: str, flag: str = "--at") -> datetime:
    """``at`` when it is not before ``earliest`` (``what`` says what happened then)."""
    if at < earliest:
        raise InputError(f"{flag} {_shown(at)} is before {what} ({_shown(earliest, at)})")
    return at


def _shown(value: datetime, like: datetime | None = None) -> str:
    """``value`` to the minute, in the time zone of ``like`` (default: its own)."""
    zone = (like or value).tzinfo
    return value.astimezone(zone).isoformat(timespec="minutes")


def component_statuses(
    pairs: Iterable[str],
    components: Collection[str],
    statuses: Collection[E],
    where: str,
    flag: str = "--component",
) -> dict[str, E]:
    """``ID=STATUS`` pairs as a mapping, each id one of ``components`` and each status one of
    ``statuses`` (members of one enum)."""
    result: dict[str, E] = {}
    for pair in pairs:
        component_id, sign, status = pair.partition("=")
        component_id, status = component_id.strip(), status.strip()
        if not sign or not component_id or not status:
            raise InputError(f"{flag} {pair!r}: write it as ID=STATUS, e.g. api=major_outage")
        known(component_id, components, "component", where)
        values = {member.value: member for member in statuses}
        if status not in values:
            raise InputError(f"{flag} {pair!r}: unknown status '{status}'{hint(status, values)}")
        result[component_id] = values[status]
    return result
