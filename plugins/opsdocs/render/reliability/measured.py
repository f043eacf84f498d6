"""The reliability report's comparison of measured and declared uptime (staff site only): per
component, the uptime its checks measured beside the uptime the declared incidents give and
the uptime KPI's target, and the periods where the two disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from opsdocs.derive.checks import Measured, Tally
from opsdocs.derive.disagreement import Disagreements, disagreements
from opsdocs.derive.kpis import Verdict, check_value
from opsdocs.derive.uptime import Uptime
from opsdocs.model.components import Component
from opsdocs.render.context import RenderContext
from opsdocs.render.reliability.windows import UptimeRules

COMPARED_DAYS = (30, 90)
"""The windows the comparison covers, in days."""


@dataclass(frozen=True)
class ComparedRow:
    """One component over one window: measured, declared, and the measured figure's verdict."""

    component: Component
    measured: Tally
    declared: Uptime
    verdict: Verdict | None


@dataclass(frozen=True)
class Comparison:
    """What the report's "measured by checks" section shows."""

    windows: list[tuple[int, list[ComparedRow]]]
    target: str
    """The uptime KPI's target as written, or ''."""
    disagreements: Disagreements


def measured_comparison(
    ctx: RenderContext, measured: Measured | None, uptimes: UptimeRules
) -> Comparison | None:
    """The comparison, or None when the site reads no checks' history or no check has results."""
    if not measured:
        return None
    windows = []
    for days in COMPARED_DAYS:
        key = f"{days}d"
        rows = []
        for declared in uptimes.components(ctx.now - timedelta(days=days)):
            found = measured.of(declared.component.id)
            if found is None:
                continue
            tally = found.uptime[key]
            target = uptimes.target
            verdict = check_value(target[0], target[1], tally.percent) if target else None
            rows.append(ComparedRow(declared.component, tally, declared.uptime, verdict))
        windows.append((days, rows))
    checks = {cid: found.checks for cid, found in measured.components.items()}
    incident_ids = {i.id for i in ctx.project.incidents}
    found_disagreements = disagreements(measured.history, checks, uptimes.snapshot.intervals, incident_ids,
                                        ctx.now)  # fmt: skip
    kpi = uptimes.kpi
    return Comparison(windows, str(kpi.target) if kpi is not None else "", found_disagreements)
