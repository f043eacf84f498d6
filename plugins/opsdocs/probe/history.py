"""The checks' history: what one result and one day's aggregate are, and how each is written
as a line of CSV. Documented for importers in ``docs/opsdocs/health-checks.md``.

A history is a folder::

    raw/2026-11.csv     one result per line, for the last ``raw_days`` (UTC) days
    daily.csv           one aggregate per check and UTC day, kept forever
    drafts.json         the incidents drafted and not resolved yet (``probe.alerts``)

``raw/YYYY-MM.csv``: ``time,check,code,error,ms``; ``time`` in UTC (``2026-11-28T15:00:00Z``),
``code`` the HTTP status (empty without an answer), ``error`` empty for a success or one of
``ERRORS``, ``ms`` the response time in milliseconds (empty without an answer).

``daily.csv``: ``day,check,checks,failures,p50_ms,p95_ms,max_ms``; the percentiles are of the
response times of that day's answered requests, by nearest rank (empty when none answered).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

RAW_HEADER = ("time", "check", "code", "error", "ms")
DAILY_HEADER = ("day", "check", "checks", "failures", "p50_ms", "p95_ms", "max_ms")
ERRORS = ("timeout", "connection", "status", "text", "other")
"""Why a check failed: no answer in time, no connection, an unexpected status code, the
expected text missing from the body, anything else."""
RAW_FOLDER = "raw"
DAILY_FILE = "daily.csv"
DRAFTS_FILE = "drafts.json"


class HistoryError(ValueError):
    """A line of a history or import file that cannot be read; the message is located."""


@dataclass(frozen=True, order=True)
class Result:
    """One run of one check."""

    at: datetime
    """When the check ran, aware, in UTC, to the second."""
    check: str
    code: int | None = None
    error: str = ""
    """'' for a success, else one of ``ERRORS``."""
    ms: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the check passed."""
        return not self.error

    def row(self) -> list[str]:
        """This result as a line of ``raw/YYYY-MM.csv``."""
        return [stamp(self.at), self.check, _opt(self.code), self.error, _opt(self.ms)]


@dataclass(frozen=True, order=True)
class DayAggregate:
    """One check's results over one UTC day."""

    day: date
    check: str
    checks: int
    failures: int
    p50_ms: int | None = None
    p95_ms: int | None = None
    max_ms: int | None = None

    def row(self) -> list[str]:
        """This aggregate as a line of ``daily.csv``."""
        figures = (self.p50_ms, self.p95_ms, self.max_ms)
        return [self.day.isoformat(), self.check, str(self.checks), str(self.failures), *map(_opt, figures)]


def stamp(moment: datetime) -> str:
    """A time as the history writes it: UTC, to the second, with ``Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _opt(value: int | None) -> str:
    return "" if value is None else str(value)


def nearest_rank(values: Sequence[int], share: float) -> int | None:
    """The ``share`` percentile of sorted ``values`` by nearest rank; None without values."""
    if not values:
        return None
    return values[max(0, math.ceil(share * len(values)) - 1)]


def aggregate(day: date, check: str, results: Sequence[Result]) -> DayAggregate:
    """The aggregate of one check's ``results`` on ``day``."""
    times = sorted(r.ms for r in results if r.ms is not None and r.code is not None)
    return DayAggregate(
        day,
        check,
        len(results),
        sum(1 for r in results if not r.ok),
        nearest_rank(times, 0.5),
        nearest_rank(times, 0.95),
        times[-1] if times else None,
    )


def aggregate_days(results: Sequence[Result]) -> list[DayAggregate]:
    """An aggregate per check and UTC day of ``results``, sorted by day and check."""
    by_key: dict[tuple[date, str], list[Result]] = {}
    for result in results:
        by_key.setdefault((result.at.astimezone(UTC).date(), result.check), []).append(result)
    return [aggregate(day, check, found) for (day, check), found in sorted(by_key.items())]


@dataclass(frozen=True)
class History:
    """A history folder as read: its raw results, oldest first, and its daily aggregates."""

    raw: tuple[Result, ...] = ()
    daily: tuple[DayAggregate, ...] = ()

    @property
    def raw_since(self) -> datetime | None:
        """The start of the first UTC day the raw results cover (whole days are kept)."""
        if not self.raw:
            return None
        first = self.raw[0].at.astimezone(UTC).date()
        return datetime(first.year, first.month, first.day, tzinfo=UTC)

    def is_empty(self) -> bool:
        """Whether there is nothing measured."""
        return not self.raw and not self.daily
