"""The moment a build describes: ``OPSDOCS_NOW``, else ``SOURCE_DATE_EPOCH``, else the clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime


class ClockError(ValueError):
    """``OPSDOCS_NOW`` or ``SOURCE_DATE_EPOCH`` holds something that is not a time."""


def build_now(environ: dict[str, str] | None = None) -> datetime:
    """The time-zone-aware ``now`` every derived fact is computed at.

    Fixing it (``OPSDOCS_NOW=2026-03-01T12:00:00-03:00``) makes a build reproducible: the same
    inputs and the same ``now`` give byte-identical output.
    """
    env = os.environ if environ is None else environ
    text = env.get("OPSDOCS_NOW", "").strip()
    if text:
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ClockError(f"OPSDOCS_NOW={text!r} is not an ISO 8601 time") from None
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError):
            raise ClockError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    return datetime.now(tz=UTC).replace(microsecond=0)
