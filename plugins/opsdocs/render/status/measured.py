"""What the checks measured, as the status pages show it and as ``api/opsdocs/checks.json``.

Only the components of the site's snapshot have figures: on the public site that is the public
view, so an internal component, or an internal check of a public one, shows nowhere. The page
labels the figures as measured by checks, beside the declared statuses; the JSON file is
separate from the Statuspage API, whose shape stays Statuspage's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from opsdocs.derive.checks import CHART_DAYS, WINDOWS, DayTimes, Measured, MeasuredComponent, Tally
from opsdocs.derive.status import StatusSnapshot
from opsdocs.model.base import Audience
from opsdocs.render.context import RenderContext
from opsdocs.render.plan import SitePlan
from opsdocs.render.status.api import timestamp
from opsdocs.render.status.response_chart import response_chart

CHECKS_JSON = "api/opsdocs/checks.json"
"""Where the measured figures are published, beside (not inside) the Statuspage API."""


@dataclass(frozen=True)
class MeasuredView:
    """One component's measured figures as a template shows them."""

    windows: list[str]
    """Each window's uptime as text: "7 days: 99.95 %", or that it had no checks."""
    chart: Markup
    compact_chart: Markup
    days: list[DayTimes]
    """The chart's days, newest first, for its table."""


def measured_views(
    ctx: RenderContext, measured: Measured | None, snapshot: StatusSnapshot
) -> dict[str, MeasuredView]:
    """The view of each component of ``snapshot`` that checks measure, by component id."""
    if not measured:
        return {}
    labels = ctx.labels
    views = {}
    for facts in snapshot.components:
        found = measured.of(facts.component.id)
        if found is None or all(tally.percent is None for tally in found.uptime.values()):
            continue  # no check of it ran in the last 90 days: nothing measured to show
        name = facts.component.name
        windows = [_window_text(ctx, labels(f"checks.window.{key}"), found.uptime[key]) for key, _ in WINDOWS]
        days = list(found.days)
        first, last = (ctx.dates.date(days[0].day), ctx.dates.date(days[-1].day)) if days else ("", "")
        title = labels("checks.chart_title", name=name, days=CHART_DAYS)
        desc = labels("checks.chart_desc", first=first, last=last)
        names = (labels("checks.p50"), labels("checks.p95"))
        tips = [_tooltip(ctx, day) for day in days]
        marks = [ctx.dates.date(day.day) for day in days]
        chart_id = f"opsdocs-rt-{facts.component.id}"
        views[facts.component.id] = MeasuredView(
            windows,
            response_chart(chart_id, title, desc, days, names, tips, marks),
            response_chart(f"{chart_id}-compact", title, desc, days, names, tips, marks, compact=True),
            list(reversed(days)),
        )
    return views


def _window_text(ctx: RenderContext, window: str, uptime: Tally) -> str:
    if uptime.percent is None:
        return ctx.labels("checks.no_data", window=window)
    return ctx.labels("checks.uptime", window=window, value=uptime.display())


def _tooltip(ctx: RenderContext, day: DayTimes) -> str:
    labels = ctx.labels
    figures = [
        f"{labels('checks.p50')} {_ms(ctx, day.p50_ms)}",
        f"{labels('checks.p95')} {_ms(ctx, day.p95_ms)}",
    ]
    return f"{ctx.dates.date(day.day)}: " + ", ".join(figures)


def _ms(ctx: RenderContext, value: int | None) -> str:
    return "—" if value is None else ctx.labels("checks.ms", value=value)


def render_checks_json(
    ctx: RenderContext, measured: Measured | None, snapshot: StatusSnapshot, plan: SitePlan
) -> None:
    """Add ``api/opsdocs/checks.json`` to ``plan`` when the site has a checks' history."""
    if measured is None:
        return
    components = []
    for facts in snapshot.components:
        found = measured.of(facts.component.id)
        if found is not None:
            components.append(_component_json(facts.component.id, facts.component.name, found))
    document = {
        "generated_at": timestamp(measured.now),
        "source": "checks",
        "note": "Measured by automated health checks; the component statuses of api/v2 are declared.",
        "windows": [key for key, _ in WINDOWS],
        "components": components,
    }
    plan.add(CHECKS_JSON, json.dumps(document, ensure_ascii=False, indent=1) + "\n", Audience.public)


def _tally_json(tally: Tally) -> dict[str, Any]:
    percent = tally.percent
    return {
        "percent": None if percent is None else round(percent, 4),
        "checks": tally.checks,
        "failures": tally.failures,
    }


def _day_json(day: DayTimes) -> dict[str, Any]:
    return {
        "day": day.day.isoformat(),
        "checks": day.tally.checks,
        "failures": day.tally.failures,
        "p50": day.p50_ms,
        "p95": day.p95_ms,
        "max": day.max_ms,
    }


def _component_json(component_id: str, name: str, found: MeasuredComponent) -> dict[str, Any]:
    latest = found.latest
    return {
        "id": component_id,
        "name": name,
        "uptime": {key: _tally_json(found.uptime[key]) for key, _ in WINDOWS},
        "last_checked_at": timestamp(latest.at) if latest is not None else None,
        "last_result": None if latest is None else ("ok" if latest.ok else latest.error),
        "response_time_ms": [_day_json(day) for day in found.days],
    }
