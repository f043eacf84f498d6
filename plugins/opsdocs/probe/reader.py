"""Reading a checks' history folder, and results to import from another monitor.

Every line is checked; a bad one is a ``HistoryError`` naming ``path:line:col``. A missing
folder or file is an empty history: a site built before the first probe has nothing measured.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from opsdocs.probe.history import (
    DAILY_FILE,
    DAILY_HEADER,
    ERRORS,
    RAW_FOLDER,
    RAW_HEADER,
    DayAggregate,
    History,
    HistoryError,
    Result,
)


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
