"""The tests' "now": the one fixed instant every test builds and renders at, and the instants
that differ from it on purpose, each named for why.

A test that builds a site passes ``NOW`` as ``OPSDOCS_NOW``; a test that renders in-process
passes ``NOW_AT``. Both are the same instant.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

NOW = "2026-11-28T12:00:00-03:00"
"""The fixed instant, as ``OPSDOCS_NOW`` spells it: noon in Santiago on 28 November 2026, after
every example and fixture record began and before the windows scheduled for December."""

NOW_AT = datetime.fromisoformat(NOW)
"""``NOW`` as an aware datetime (offset -03:00), for the functions that render in-process."""

YEARS_AHEAD = ("2029-06-01T12:00:00-03:00", "2031-01-01T09:00:00-03:00")
"""Instants years after ``NOW``, when every runbook review and every open action item of the
example is overdue and nothing is scheduled any more: the sites must still build."""

HAND_MADE_LOG_NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
"""The now of the small hand-made incident log (``tests/unit/test_reliability_metrics.py``,
reused by the reliability report's tests): its incidents stand at offsets before it, so the
figures worked out by hand do not depend on ``NOW`` or on the example's data."""


def env_at(now: str | None = NOW) -> dict[str, str]:
    """This process's environment for a command (``opsdocs``, ``mkdocs``) that runs at ``now``:
    ``OPSDOCS_NOW`` set to it, or left unset with ``now=None`` so the command reads the real
    clock; ``SOURCE_DATE_EPOCH`` dropped, since it would fix "now" too; Material's notice about
    MkDocs 2, which is not about these sites, turned off."""
    env = {k: v for k, v in os.environ.items() if k not in {"OPSDOCS_NOW", "SOURCE_DATE_EPOCH"}}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if now is not None:
        env["OPSDOCS_NOW"] = now
    return env
