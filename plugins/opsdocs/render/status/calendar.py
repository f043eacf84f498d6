"""Maintenance windows as iCalendar files to subscribe to, built with icalendar: the site's,
and one per component (the windows that include it).

One event per window, past and upcoming, in the site's time zone (with its VTIMEZONE).
A cancelled window stays in the file with ``STATUS:CANCELLED`` so subscribed calendars drop
it; a moved window raises its ``SEQUENCE`` (``revision`` in the data) so they update it. The
file depends only on the data and ``now`` (``DTSTAMP``): the same inputs give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from opsdocs.derive.published import announced_windows
from opsdocs.derive.status import StatusSnapshot
from opsdocs.model.base import Audience
from opsdocs.model.components import Component
from opsdocs.model.maintenance import MaintenanceWindow
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import plain_text
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.urls import absolute_context


def _event(
    ctx: RenderContext, snapshot: StatusSnapshot, window: MaintenanceWindow, pages: StatusPages, host: str
) -> Event:
    """The event of one window; times in the site's zone."""
    zone = ctx.project.site.zone
    url = ctx.absolute(pages.maintenance(window.id))
    details = ctx.labels("calendar.details", url=url)
    message = plain_text(window.message)
    event = Event()
    event.add("uid", f"{window.id}@{host}")
    event.add("dtstamp", snapshot.now.astimezone(UTC))
    event.add("dtstart", window.scheduled_for.astimezone(zone))
    event.add("dtend", window.scheduled_until.astimezone(zone))
    event.add("sequence", window.revision)
    event.add("summary", window.title)
    event.add("description", f"{message}\n\n{details}" if message else details)
    event.add("url", url)
    event.add("status", "CANCELLED" if window.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def _timezone(ctx: RenderContext, windows: list[MaintenanceWindow]) -> Timezone:
    """The site's VTIMEZONE, covering every window (whole years, so it is the same each build)."""
    site = ctx.project.site
    first = min(w.scheduled_for for w in windows).astimezone(site.zone).year
    last = max(w.scheduled_until for w in windows).astimezone(site.zone).year
    return Timezone.from_tzinfo(site.zone, site.timezone, date(first, 1, 1), date(last + 1, 1, 1))


def maintenance_calendar(
    ctx: RenderContext, snapshot: StatusSnapshot, pages: StatusPages, component: Component | None = None
) -> Calendar:
    """The calendar of every maintenance window announced by ``now``, cancelled ones included,
    each event linking to its page among ``pages``; with ``component``, of the windows that
    include it only."""
    ctx = absolute_context(ctx)
    site = ctx.project.site
    host = urlsplit(ctx.site_url).hostname or ""
    if component is None:
        name = ctx.labels("calendar.name", product=site.product)
    else:
        name = ctx.labels("calendar.component_name", product=site.product, name=component.name)
    calendar = Calendar()
    calendar.add("prodid", f"-//opsdocs//status//{ctx.labels.language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", site.timezone)
    announced = announced_windows(ctx.project.maintenance, snapshot.now)
    if component is not None:
        announced = [w for w in announced if component.id in w.components]
    windows = sorted(announced, key=lambda w: (w.scheduled_for, w.id))
    if windows:
        calendar.add_component(_timezone(ctx, windows))
    for window in windows:
        calendar.add_component(_event(ctx, snapshot, window, pages, host))
    return calendar


def render_calendar(ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, pages: StatusPages) -> None:
    """Add ``maintenance.ics`` to ``plan``, among the status ``pages``, and a calendar per
    component the site shows (``components/<id>.ics``) of the windows that include it."""
    calendar = maintenance_calendar(ctx, snapshot, pages)
    plan.add(pages.feed("ics"), calendar.to_ical(), Audience.public)
    for facts in snapshot.components:
        component = facts.component
        calendar = maintenance_calendar(ctx, snapshot, pages, component)
        plan.add(pages.feed("ics", component.id), calendar.to_ical(), Audience.public)
