"""Adding results to a checks' history folder: the raw results of the last days, and the daily
aggregates of every day they touch (kept forever). Each file is replaced in one step."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from opsdocs.model.checks_history import (
    DAILY_FILE,
    DAILY_HEADER,
    RAW_FOLDER,
    RAW_HEADER,
    DayAggregate,
    History,
    Result,
    aggregate_days,
    read_history,
)


@dataclass(frozen=True)
class Recorded:
    """What adding results did."""

    added: int
    """Results new to the history (one already there, same time and check, is not added twice)."""
    skipped: int
    """Results of days whose raw results are gone and whose aggregate exists: left as it was."""
    history: History
    """The history as written, so that it need not be read again."""


def record(folder: Path, results: Iterable[Result], now: datetime, raw_days: int) -> Recorded:
    """Add ``results`` to the history in ``folder``: raw results of the last ``raw_days`` UTC
    days up to ``now`` are kept, older ones dropped; each day a new result falls on gets its
    aggregate recomputed from that day's raw results."""
    history = read_history(folder)
    known = {(r.at, r.check) for r in history.raw}
    new = sorted({r for r in results if (r.at, r.check) not in known})
    first_kept = now.astimezone(UTC).date() - timedelta(days=raw_days - 1)
    raw = sorted([*history.raw, *new])
    daily = {(d.day, d.check): d for d in history.daily}
    touched = {(_day(r), r.check) for r in new}
    touched_days = {day for day, _ in touched}
    covered_days = {_day(r) for r in history.raw}
    """Days the raw results already held: their aggregates are theirs to recompute."""
    skipped = 0
    recomputed = {(a.day, a.check): a for a in aggregate_days([r for r in raw if _day(r) in touched_days])}
    for key in sorted(touched):
        day = key[0]
        if day < first_kept and key in daily and day not in covered_days:
            skipped += sum(1 for r in new if (_day(r), r.check) == key)
            continue
        daily[key] = recomputed[key]
    kept = tuple(r for r in raw if _day(r) >= first_kept)
    aggregates = tuple(sorted(daily.values()))
    _write_raw(folder, kept)
    _write_csv(folder / DAILY_FILE, DAILY_HEADER, [a.row() for a in aggregates])
    return Recorded(len(new) - skipped, skipped, History(kept, aggregates))


def _day(result: Result) -> date:
    return result.at.astimezone(UTC).date()


def _write_raw(folder: Path, results: Sequence[Result]) -> None:
    months: dict[str, list[list[str]]] = {}
    for result in results:
        months.setdefault(result.at.astimezone(UTC).strftime("%Y-%m"), []).append(result.row())
    raw = folder / RAW_FOLDER
    raw.mkdir(parents=True, exist_ok=True)
    for month, rows in months.items():
        _write_csv(raw / f"{month}.csv", RAW_HEADER, rows)
    for path in raw.glob("*.csv"):
        if path.stem not in months:
            path.unlink()


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write a CSV file in one step: a scratch file beside it, then renamed over it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.tmp")
    scratch.write_text(buffer.getvalue(), encoding="utf-8")
    scratch.replace(path)


def write_aggregates(folder: Path, aggregates: Iterable[DayAggregate]) -> None:
    """Replace ``daily.csv`` with ``aggregates`` (for generated or converted histories)."""
    _write_csv(folder / DAILY_FILE, DAILY_HEADER, [a.row() for a in sorted(aggregates)])
