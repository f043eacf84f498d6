"""KPI targets checked against the figures computed from the incident log.

A KPI with a ``measure`` is compared with one figure of a window (see ``derive/reliability``):

- ``uptime``: the overall uptime of the window, in percent:
  100 × (1 − total weighted downtime ÷ total tracked time), summed over every component
  (``overall_uptime``). A component tracked for part of the window weighs for that part only;
  this is not the mean of the components' percentages.
- ``mtta`` and ``mttr``: the mean time to respond and to resolve, in the target's unit
  (minutes, hours or days);
- ``mtbf``: the mean time between failures in the target's unit (usually days). With no
  incident in the window the MTBF is more than the window: that meets a ``>`` or ``>=`` target
  no longer than the window, misses a ``<`` or ``<=`` target no longer than the window, and
  says nothing of a longer target.

The value is compared with the target by the target's operator, exactly: an MTTR of 2 hours
misses ``< 2h`` and meets ``<= 2h``.
"""

from __future__ import annotations

import operator as op
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from opsdocs.derive.reliability import WindowFigures
from opsdocs.derive.uptime import Uptime
from opsdocs.model.kpis import Kpi, Measure

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<": op.lt,
    "<=": op.le,
    ">": op.gt,
    ">=": op.ge,
}
_SECONDS = {"minutes": 60.0, "hours": 3600.0, "days": 86400.0}
_PERCENT_UNITS = ("percent", "number")
"""Units an uptime target may be written in: '> 99.9%', or a bare '> 99.9' read as percent."""


class Verdict(StrEnum):
    """How a figure stands against its target."""

    met = "met"
    missed = "missed"
    no_data = "no_data"
    """Nothing to measure (no incident, nothing tracked) or too short a window to tell."""
    wrong_unit = "wrong_unit"
    """The target's unit cannot be compared with the figure, e.g. '< 5%' for an MTTR."""


@dataclass(frozen=True)
class KpiCheck:
    """One KPI's target against the figure computed over a window."""

    kpi: Kpi
    operator: str
    target: float
    unit: str
    value: float | None
    """The figure in the target's unit; None when there is nothing to measure."""
    lower_bound: bool
    """True when the figure is only known to be more than ``value`` (MTBF of a quiet window)."""
    verdict: Verdict


def meets(operator: str, value: float, target: float) -> bool:
    """Whether ``value`` satisfies ``operator target`` (one of <, <=, >, >=)."""
    return _OPERATORS[operator](value, target)


def in_unit(span: timedelta, unit: str) -> float | None:
    """``span`` in ``unit`` (minutes, hours or days); None for any other unit."""
    size = _SECONDS.get(unit)
    return span.total_seconds() / size if size else None


def overall_uptime(uptimes: Iterable[Uptime]) -> Uptime:
    """Uptime across components: their tracked time and weighted downtime, summed."""
    tracked, down = timedelta(0), timedelta(0)
    for item in uptimes:
        tracked += item.tracked
        down += item.down
    return Uptime(tracked, down)


def check_value(operator: str, target: float, value: float | None, lower_bound: bool = False) -> Verdict:
    """The verdict of ``value`` against ``operator target``.

    With ``lower_bound`` the figure is only known to be more than ``value``: a ``>`` target at
    or under ``value`` is met, a ``<`` target at or under ``value`` is missed, any other target
    cannot be told yet.
    """
    if value is None:
        return Verdict.no_data
    if not lower_bound:
        return Verdict.met if meets(operator, value, target) else Verdict.missed
    if value >= target:
        return Verdict.met if operator in (">", ">=") else Verdict.missed
    return Verdict.no_data


def check_kpi(kpi: Kpi, figures: WindowFigures, uptime: Uptime) -> KpiCheck | None:
    """``kpi``'s target against ``figures`` and the window's overall ``uptime``; None when the
    KPI has no ``measure``."""
    comparison = kpi.comparison()
    if kpi.measure is None or comparison is None:
        return None
    operator, target, unit = comparison
    value: float | None = None
    lower_bound = False
    if kpi.measure == Measure.uptime:
        if unit not in _PERCENT_UNITS:
            return KpiCheck(kpi, operator, target, unit, None, False, Verdict.wrong_unit)
        value = uptime.percent
    else:
        if unit not in _SECONDS:
            return KpiCheck(kpi, operator, target, unit, None, False, Verdict.wrong_unit)
        span = {Measure.mtta: figures.mtta, Measure.mttr: figures.mttr, Measure.mtbf: figures.mtbf}[
            kpi.measure
        ]
        if span is None and kpi.measure == Measure.mtbf:
            span, lower_bound = figures.end - figures.start, True
        value = in_unit(span, unit) if span is not None else None
    return KpiCheck(
        kpi, operator, target, unit, value, lower_bound, check_value(operator, target, value, lower_bound)
    )


def check_kpis(kpis: Iterable[Kpi], figures: WindowFigures, uptime: Uptime) -> list[KpiCheck]:
    """Every measured KPI of ``kpis`` checked against one window, in the order given."""
    return [check for kpi in kpis if (check := check_kpi(kpi, figures, uptime)) is not None]
