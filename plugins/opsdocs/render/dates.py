"""Dates, times and durations in the site's language and time zone, through Babel."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as babel_time
from babel.units import format_unit


class DateFormatter:
    """Formats moments for people reading in ``locale``, shown in time zone ``zone``."""

    def __init__(self, locale: str, zone: ZoneInfo) -> None:
        # Parsed once: Babel parses a locale given by name on every call it receives.
        self.locale: Locale = Locale.parse(locale)
        self.zone = zone

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the site's time zone."""
        return moment.astimezone(self.zone)

    def datetime(self, moment: datetime) -> str:
        """Date and 24-hour time with the zone, e.g. ``14 mar 2026, 10:05 UTC-03``."""
        local = self.local(moment)
        return f"{_day_text(local.date(), self.locale)}, {self.time(local)} {self.zone_name(local)}"

    def time(self, moment: datetime) -> str:
        """Hour and minute, e.g. ``10:05``."""
        local = self.local(moment)
        return _time_text(local.hour, local.minute, self.locale)

    def date(self, day: date | datetime, style: str = "medium") -> str:
        """A day, e.g. ``14 mar 2026``."""
        if isinstance(day, datetime):
            day = self.local(day).date()
        return _date_text(day, style, self.locale)

    def month(self, day: date) -> str:
        """A month and year, e.g. ``marzo de 2026``."""
        return babel_date(day, "LLLL y", locale=self.locale)

    def duration(self, span: timedelta) -> str:
        """A span of time to two units, e.g. ``2 h 15 min`` or ``3 d 4 h``."""
        return _duration_text(max(0, round(span.total_seconds() / 60)), self.locale)

    @staticmethod
    def zone_name(moment: datetime) -> str:
        """The zone's short name at ``moment``, or its UTC offset when it has none."""
        name = moment.tzname() or ""
        if name and not name.startswith(("+", "-")):
            return name
        offset = moment.utcoffset() or timedelta(0)
        total = int(offset.total_seconds() // 60)
        sign = "+" if total >= 0 else "-"
        hours, minutes = divmod(abs(total), 60)
        return f"UTC{sign}{hours:02d}:{minutes:02d}" if minutes else f"UTC{sign}{hours:02d}"


# A status history shows tens of thousands of moments on a few hundred days and a few hundred
# distinct durations: each text is formatted once per language.


@lru_cache(maxsize=8192)
def _day_text(day: date, locale: Locale) -> str:
    return format_skeleton("yMMMd", day, locale=locale)


@lru_cache(maxsize=8192)
def _date_text(day: date, style: str, locale: Locale) -> str:
    return babel_date(day, style, locale=locale)


@lru_cache(maxsize=2048)
def _time_text(hour: int, minute: int, locale: Locale) -> str:
    return babel_time(time(hour, minute), "HH:mm", locale=locale)


@lru_cache(maxsize=8192)
def _duration_text(minutes: int, locale: Locale) -> str:
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "duration-day"), (hours, "duration-hour"), (minutes, "duration-minute")]
    shown = [(n, unit) for n, unit in parts if n][:2] or [(0, "duration-minute")]
    return " ".join(format_unit(n, unit, length="short", locale=locale) for n, unit in shown)
