"""The moment a build describes: ``OPSDOCS_NOW``, else ``SOURCE_DATE_EPOCH``, else the clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo

from opsdocs.model.base import time_range_problem


class ClockError(ValueError):
    """``OPSDOCS_NOW`` or ``SOURCE_DATE_EPOCH`` holds something that is not a time."""


def now_is_fixed(environ: dict[str, str] | None = None) -> bool:
    """Whether ``now`` is set by ``OPSDOCS_NOW`` or ``SOURCE_DATE_EPOCH`` rather than the clock.

    Only a build at the real clock can tell that a date in the data is a typo for the past: a
    fixed ``now`` is often a moment chosen on purpose (a preview, a reproducible build).
    """
    env = os.environ if environ is None else environ
    return bool(env.get("OPSDOCS_NOW", "").strip() or env.get("SOURCE_DATE_EPOCH", "").strip())


def build_now(environ: dict[str, str] | None = None, zone: tzinfo | None = None) -> datetime:
    """The time-zone-aware ``now`` every derived fact is computed at.

    Fixing it (``OPSDOCS_NOW=2026-03-01T12:00:00-03:00``) makes a build reproducible: the same
    inputs and the same ``now`` give byte-identical output. An ``OPSDOCS_NOW`` without an
    offset is read in ``zone`` (the site's time zone, as times in the data are), else UTC.
    """
    env = os.environ if environ is None else environ
    text = env.get("OPSDOCS_NOW", "").strip()
    if text:
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ClockError(f"OPSDOCS_NOW={text!r} is not an ISO 8601 time") from None
        return _in_range(
            value if value.tzinfo else value.replace(tzinfo=zone or UTC), f"OPSDOCS_NOW={text!r}"
        )
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            value = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ClockError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
        return _in_range(value, f"SOURCE_DATE_EPOCH={epoch!r}")
    return datetime.now(tz=UTC).replace(microsecond=0)


def _in_range(value: datetime, source: str) -> datetime:
    try:
        problem = time_range_problem(value.astimezone(UTC))
    except OverflowError:
        problem = time_range_problem(None)
    if problem:
        raise ClockError(f"{source}: {problem}")
    return value
