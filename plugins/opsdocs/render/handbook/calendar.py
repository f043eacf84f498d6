"""The maintenance cycle as an iCalendar file the team subscribes to, built with icalendar.

One recurring event per cadence: it starts on the cadence's first date at its local time in
the site's time zone (with the zone's VTIMEZONE), lasts the cadence's duration, and repeats
by the cadence's frequency; an ``as_needed`` cadence has no date to put in a calendar. The
file depends only on the data and ``now`` (``DTSTAMP``): the same inputs give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from opsdocs.model.base import Audience, Frequency
from opsdocs.model.cycle import Cadence
from opsdocs.render.context import RenderContext
from opsdocs.render.handbook.view import CALENDAR_PATH, HandbookView
from opsdocs.render.plan import SitePlan
from opsdocs.render.urls import absolute_context

RECURRENCE: dict[Frequency, dict[str, object] | None] = {
    Frequency.daily: {"freq": "DAILY"},
    Frequency.weekly: {"freq": "WEEKLY"},
    Frequency.monthly: {"freq": "MONTHLY"},
    Frequency.quarterly: {"freq": "MONTHLY", "interval": 3},
    Frequency.yearly: {"freq": "YEARLY"},
    Frequency.as_needed: None,
}
"""The RRULE of each frequency; None: the cadence has no event."""

ZONE_YEARS_AHEAD = 5
"""The VTIMEZONE covers the years from the first cadence to this many years after ``now``."""


def _start(ctx: RenderContext, cadence: Cadence) -> datetime:
    hour, minute = (int(part) for part in cadence.time.split(":"))
    return datetime.combine(cadence.first_date, time(hour, minute), tzinfo=ctx.project.site.zone)


def _description(view: HandbookView, cadence: Cadence) -> str:
    labels = view.labels
    lines = [cadence.purpose] if cadence.purpose else []
    lines += [
        labels(
            "handbook.cycle.ics_task",
            task=task.name,
            mode=labels(f"handbook.cycle.mode.{task.mode.value}"),
            owner=view.role_name(task.owner),
        )
        for task in cadence.tasks
    ]
    return "\n".join(lines)


def _event(ctx: RenderContext, view: HandbookView, cadence: Cadence, host: str) -> Event:
    event = Event()
    event.add("uid", f"cycle-{cadence.id}@{host}")
    event.add("dtstamp", ctx.now.astimezone(UTC))
    event.add("dtstart", _start(ctx, cadence))
    event.add("duration", cadence.duration)
    event.add("rrule", RECURRENCE[cadence.frequency])
    event.add("summary", cadence.name)
    event.add("description", _description(view, cadence))
    event.add("transp", "TRANSPARENT")
    return event


def cycle_calendar(ctx: RenderContext) -> Calendar:
    """The calendar of every cadence of the maintenance cycle that recurs on a schedule."""
    ctx = absolute_context(ctx)
    site = ctx.project.site
    host = urlsplit(ctx.site_url).hostname or "opsdocs.invalid"
    view = HandbookView(ctx, CALENDAR_PATH)
    calendar = Calendar()
    calendar.add("prodid", f"-//opsdocs//handbook//{ctx.labels.language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ctx.labels("handbook.cycle.calendar_name", product=site.product))
    calendar.add("x-wr-timezone", site.timezone)
    cadences = [c for c in ctx.project.cycle.cadences if RECURRENCE[c.frequency] is not None]
    if cadences:
        first = min(c.first_date for c in cadences).year
        last = max(ctx.now.astimezone(site.zone).year, max(c.first_date for c in cadences).year)
        until = date(last + ZONE_YEARS_AHEAD + 1, 1, 1)
        calendar.add_component(Timezone.from_tzinfo(site.zone, site.timezone, date(first, 1, 1), until))
    for cadence in cadences:
        calendar.add_component(_event(ctx, view, cadence, host))
    return calendar


def render_cycle_calendar(ctx: RenderContext, plan: SitePlan) -> None:
    """Add ``handbook/maintenance-cycle.ics`` to ``plan``, for staff only."""
    plan.add(CALENDAR_PATH, cycle_calendar(ctx).to_ical(), Audience.internal)
