"""Reliability figures on a small hand-made incident log whose answers are worked out here."""

from __future__ import annotations

from datetime import datetime, timedelta

from opsdocs.derive.reliability import incident_times, window_figures
from opsdocs.model.incidents import Incident
from opsdocs.model.severities import Severity
from tests.clock import HAND_MADE_LOG_NOW


def severity(id_: str, level: int, impact: str, respond: str, resolve: str) -> Severity:
    return Severity.model_validate(
        {"id": id_, "level": level, "name": id_, "colour": "#d32f2f", "impact": "x", "status_impact": impact,
         "response_time": respond, "resolution_time": resolve, "communication": "all"}
    )  # fmt: skip


SEV1 = severity("sev1", 1, "critical", "15m", "2h")
SEV2 = severity("sev2", 2, "major", "30m", "4h")


def incident(id_: str, severity: str, start: datetime, first_update: timedelta, resolved: timedelta | None,
             acknowledged: timedelta | None = None) -> Incident:  # fmt: skip
    updates = [{"at": (start + first_update).isoformat(), "status": "investigating", "message": "m"}]
    if resolved is not None:
        updates.append({"at": (start + resolved).isoformat(), "status": "resolved", "message": "ok"})
    return Incident.model_validate(
        {
            "id": id_,
            "title": id_,
            "severity": severity,
            "started_at": start.isoformat(),
            "acknowledged_at": (start + acknowledged).isoformat() if acknowledged else None,
            "resolved_at": (start + resolved).isoformat() if resolved is not None else None,
            "components": {"api": "major_outage"},
            "updates": updates,
        }
    )


# Four incidents in the 30 days before HAND_MADE_LOG_NOW, one before the window, one crossing its start.
LOG = [
    # Crossing the window's start (started 31 days ago): outside every 30-day figure.
    incident(
        "crossing",
        "sev1",
        HAND_MADE_LOG_NOW - timedelta(days=31),
        timedelta(minutes=5),
        timedelta(days=1, hours=1),
    ),
    # Met both targets: responded in 10 min, resolved in 1 h.
    incident("a", "sev1", HAND_MADE_LOG_NOW - timedelta(days=20), timedelta(minutes=10), timedelta(hours=1)),
    # Breached the response target by exactly one minute: 16 min against 15.
    incident("b", "sev1", HAND_MADE_LOG_NOW - timedelta(days=10), timedelta(minutes=16), timedelta(hours=2)),
    # Acknowledged at 20 min although the first update came at 40: response is 20 min. Resolved
    # in 5 h against 4 h: a one-hour resolution breach.
    incident(
        "c",
        "sev2",
        HAND_MADE_LOG_NOW - timedelta(days=5),
        timedelta(minutes=40),
        timedelta(hours=5),
        timedelta(minutes=20),
    ),
    # Still open: counts in MTTA (30 min) but not in MTTR.
    incident("open", "sev2", HAND_MADE_LOG_NOW - timedelta(hours=3), timedelta(minutes=30), None),
]


def test_time_to_respond_uses_acknowledged_at_when_given() -> None:
    times = incident_times(LOG[3], SEV2, HAND_MADE_LOG_NOW)
    assert times.respond == timedelta(minutes=20)
    assert times.resolve == timedelta(hours=5)
    assert times.response_breach is None
    assert times.resolution_breach == timedelta(hours=1)


def test_a_breach_by_exactly_one_minute_is_a_breach() -> None:
    times = incident_times(LOG[2], SEV1, HAND_MADE_LOG_NOW)
    assert times.respond == timedelta(minutes=16)
    assert times.response_breach == timedelta(minutes=1)
    assert times.resolution_breach is None  # exactly 2 h against 2 h: met


def test_thirty_day_window() -> None:
    figures = window_figures(LOG, [SEV1, SEV2], HAND_MADE_LOG_NOW, 30)
    assert [t.incident.id for t in figures.times] == ["a", "b", "c", "open"]
    # MTTA = (10 + 16 + 20 + 30) / 4 = 19 min.
    assert figures.mtta == timedelta(minutes=19)
    # MTTR over resolved incidents only = (1 h + 2 h + 5 h) / 3 = 2 h 40 min.
    assert figures.mttr == timedelta(hours=2, minutes=40)
    # MTBF = 30 days / 4 incidents = 7 days 12 hours.
    assert figures.mtbf == timedelta(days=7, hours=12)
    assert [t.incident.id for t in figures.open] == ["open"]
    assert [t.incident.id for t in figures.breaches] == ["b", "c"]
    sev1, sev2 = figures.by_severity
    assert (sev1.incidents, sev1.respond.median, sev1.respond.worst) == (
        2,
        timedelta(minutes=13),
        timedelta(minutes=16),
    )
    assert (sev1.resolve.median, sev1.resolve.worst) == (timedelta(hours=1, minutes=30), timedelta(hours=2))
    assert (sev2.incidents, sev2.resolve.count, sev2.resolve.worst) == (2, 1, timedelta(hours=5))
    assert [t.incident.id for t in sev2.breaches] == ["c"]


def test_a_window_without_incidents_has_no_mtbf() -> None:
    figures = window_figures(LOG, [SEV1, SEV2], HAND_MADE_LOG_NOW - timedelta(days=40), 5)
    assert figures.times == ()
    assert figures.mtbf is None
    assert figures.mtta is None and figures.mttr is None


def test_figures_are_as_known_at_now() -> None:
    # Two hours into incident "c", it is open and its response is known; its resolution is not.
    at = LOG[3].started_at + timedelta(hours=2)
    figures = window_figures(LOG, [SEV1, SEV2], at, 30)
    c = next(t for t in figures.times if t.incident.id == "c")
    assert c.respond == timedelta(minutes=20)
    assert c.resolve is None
    assert "open" not in [t.incident.id for t in figures.times]
