"""Dates, times and durations in the site's language and time zone, through Babel."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.dates import format_skeleton
from babel.units import format_unit


class DateFormatter:
    """Formats moments for people reading in ``locale``, shown in time zone ``zone``."""

    def __init__(self, locale: str, zone: ZoneInfo) -> None:
        self.locale = locale
        self.zone = zone

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the site's time zone."""
        return moment.astimezone(self.zone)

    def datetime(self, moment: datetime) -> str:
        """Date and 24-hour time with the zone, e.g. ``14 mar 2026, 10:05 UTC-03``."""
        local = self.local(moment)
        day = format_skeleton("yMMMd", local, tzinfo=self.zone, locale=self.locale)
        return f"{day}, {self.time(local)} {self.zone_name(local)}"

    def time(self, moment: datetime) -> str:
        """Hour and minute, e.g. ``10:05``."""
        return babel_datetime(self.local(moment), "HH:mm", tzinfo=self.zone, locale=self.locale)

    def date(self, day: date | datetime, style: str = "medium") -> str:
        """A day, e.g. ``14 mar 2026``."""
        if isinstance(day, datetime):
            day = self.local(day).date()
        return babel_date(day, style, locale=self.locale)

    def month(self, day: date) -> str:
        """A month and year, e.g. ``marzo de 2026``."""
        return babel_date(day, "LLLL y", locale=self.locale)

    def duration(self, span: timedelta) -> str:
        """A span of time to two units, e.g. ``2 h 15 min`` or ``3 d 4 h``."""
        minutes = max(0, round(span.total_seconds() / 60))
        days, minutes = divmod(minutes, 1440)
        hours, minutes = divmod(minutes, 60)
        parts = [(days, "duration-day"), (hours, "duration-hour"), (minutes, "duration-minute")]
        shown = [(n, unit) for n, unit in parts if n][:2] or [(0, "duration-minute")]
        return " ".join(format_unit(n, unit, length="short", locale=self.locale) for n, unit in shown)

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
