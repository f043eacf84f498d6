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

Reading checks every line; a bad one is a ``HistoryError`` naming ``path:line:col``. A missing
folder or file is an empty history: a site built before the first probe has nothing measured.
Results to import from another monitor are read here too (``read_import``). Writing is
``opsdocs.probe.writer``'s.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

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


def read_history(folder: Path) -> History:
    """The history in ``folder``: every raw result (oldest first) and every daily aggregate."""
    raw: list[Result] = []
    for path in sorted((folder / RAW_FOLDER).glob("*.csv")) if (folder / RAW_FOLDER).is_dir() else []:
        raw.extend(read_raw(path))
    daily_path = folder / DAILY_FILE
    daily = read_daily(daily_path) if daily_path.is_file() else []
    # Sorted by key tuples: compared in C, not through the dataclasses' own ordering.
    raw.sort(key=lambda r: (r.at, r.check, r.error))
    daily.sort(key=lambda d: (d.day, d.check))
    return History(tuple(raw), tuple(daily))


def _rows(path: Path, header: tuple[str, ...]) -> Iterable[tuple[int, list[str]]]:
    """The data lines of a CSV file written with ``header``, with their line numbers."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        first = next(reader, None)
        if first is not None and tuple(first) != header:
            raise HistoryError(f"{path}:1:1: error: expected the header {','.join(header)}")
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise HistoryError(
                    f"{path}:{reader.line_num}:1: error: expected {len(header)} fields "
                    f"({','.join(header)}), found {len(row)}"
                )
            yield reader.line_num, row


def read_raw(path: Path) -> list[Result]:
    """The results of one ``raw/YYYY-MM.csv`` file (or a CSV import in the same format)."""
    return [
        result_of(dict(zip(RAW_HEADER, row, strict=True)), f"{path}:{line}")
        for line, row in _rows(path, RAW_HEADER)
    ]


def read_daily(path: Path) -> list[DayAggregate]:
    """The aggregates of ``daily.csv``."""
    found = []
    for line, row in _rows(path, DAILY_HEADER):
        where = f"{path}:{line}"
        values = dict(zip(DAILY_HEADER, row, strict=True))
        try:
            day = date.fromisoformat(values["day"])
        except ValueError:
            raise HistoryError(
                f"{where}:1: error: day: '{values['day']}' is not a date (YYYY-MM-DD)"
            ) from None
        numbers = [_int(values, key, where, key in ("checks", "failures")) for key in DAILY_HEADER[2:]]
        checks, failures = numbers[0], numbers[1]
        if checks is None or failures is None or failures > checks:
            raise HistoryError(f"{where}:1: error: checks and failures are counts, failures at most checks")
        found.append(DayAggregate(day, _check(values["check"], where), checks, failures, *numbers[2:]))
    return found


def read_import(path: Path) -> list[Result]:
    """Results to import: a CSV file in the raw format, or JSON (an array of objects, or one
    object per line) with the same keys; ``code``, ``error`` and ``ms`` may be left out or null."""
    if path.suffix.lower() == ".csv":
        return read_raw(path)
    text = path.read_text(encoding="utf-8")
    try:
        items = json.loads(text)
        numbered = list(enumerate(items if isinstance(items, list) else [items], start=1))
    except json.JSONDecodeError:
        numbered = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    numbered.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise HistoryError(f"{path}:{number}:{exc.colno}: error: not JSON: {exc.msg}") from None
    results = []
    for number, item in numbered:
        if not isinstance(item, dict):
            raise HistoryError(
                f"{path}:{number}:1: error: a result is an object with time, check, code, error, ms"
            )
        values = {key: "" if item.get(key) is None else str(item[key]) for key in RAW_HEADER}
        results.append(result_of(values, f"{path}:{number}"))
    return results


def result_of(values: Mapping[str, Any], where: str) -> Result:
    """One result from its fields as text (``RAW_HEADER``); ``where`` is ``path:line``."""
    text = str(values.get("time", ""))
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise HistoryError(f"{where}:1: error: time: '{text}' is not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise HistoryError(f"{where}:1: error: time: '{text}' has no offset; write it in UTC, ending with Z")
    error = str(values.get("error", ""))
    if error and error not in ERRORS:
        raise HistoryError(f"{where}:4: error: error: '{error}' is none of '' (success), {', '.join(ERRORS)}")
    return Result(
        at.astimezone(UTC).replace(microsecond=0),
        _check(str(values.get("check", "")), where),
        _int(values, "code", where),
        error,
        _int(values, "ms", where),
    )


def _check(value: str, where: str) -> str:
    if not value or value != value.strip() or "," in value:
        raise HistoryError(f"{where}:1: error: check: '{value}' is not a check id")
    return value


def _int(values: Mapping[str, Any], key: str, where: str, required: bool = False) -> int | None:
    text = str(values.get(key, "")).strip()
    if not text and not required:
        return None
    try:
        number = int(float(text)) if "." in text else int(text)
    except ValueError:
        raise HistoryError(f"{where}:1: error: {key}: '{text}' is not a whole number") from None
    if number < 0:
        raise HistoryError(f"{where}:1: error: {key}: {number} is negative")
    return number
