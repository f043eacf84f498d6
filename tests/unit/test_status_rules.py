"""The status page's rules, at fixed times: component status, overall indicator, uptime, days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from opsdocs.derive.overall import Indicator, overall_indicator
from opsdocs.derive.published import maintenance_status
from opsdocs.derive.timeline import all_intervals, status_at
from opsdocs.derive.uptime import UptimePolicy, daily_history, uptime
from opsdocs.model.components import ComponentStatus as S
from opsdocs.model.incidents import Incident
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceWindow
from opsdocs.model.severities import Impact

SANTIAGO = ZoneInfo("America/Santiago")
POLICY = UptimePolicy()


def at(text: str) -> datetime:
    """A time written in Santiago local time (no offset), as the model stores it (UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=SANTIAGO).astimezone(UTC)


def incident(id_: str, start: str, end: str | None, *updates: tuple[str, str, dict[str, str]]) -> Incident:
    components: dict[str, str] = {}
    for _, _, statuses in updates:
        components.update(statuses)
    raw = {
        "id": id_,
        "title": id_,
        "severity": "sev1",
        "started_at": start,
        "resolved_at": end,
        "components": components or {"api": "major_outage"},
        "updates": [{"at": t, "status": st, "message": "m", "components": c} for t, st, c in updates],
    }
    return Incident.model_validate(raw, context={"timezone": SANTIAGO})


def window(
    id_: str, start: str, end: str, components: list[str], *updates: tuple[str, str, str], **extra: object
) -> MaintenanceWindow:
    """A maintenance window; each of ``updates`` is (at, status, message)."""
    raw = {"id": id_, "title": id_, "scheduled_for": start, "scheduled_until": end, "components": components,
           "message": "m", **extra}  # fmt: skip
    if updates:
        raw["updates"] = [
            {"at": at_, "status": status, "message": message} for at_, status, message in updates
        ]
    return MaintenanceWindow.model_validate(raw, context={"timezone": SANTIAGO})


def episode(id_: str, start: str, end: str, status: str) -> Incident:
    """An incident that puts ``api`` in ``status`` at ``start`` and is resolved at ``end``."""
    return incident(
        id_, start, end, (start, "investigating", {"api": status}), (end, "resolved", {"api": "operational"})
    )


OUTAGE = incident(
    "outage",
    "2026-03-10 10:00",
    "2026-03-10 12:00",
    ("2026-03-10 10:00", "investigating", {"api": "major_outage"}),
    ("2026-03-10 11:00", "identified", {"api": "partial_outage"}),
    ("2026-03-10 12:00", "resolved", {"api": "operational"}),
)


def test_status_follows_the_update_in_force() -> None:
    intervals = all_intervals([OUTAGE], [], at("2026-03-11 00:00"))["api"]
    assert status_at(intervals, at("2026-03-10 09:59")) == S.operational
    assert status_at(intervals, at("2026-03-10 10:00")) == S.major_outage
    assert status_at(intervals, at("2026-03-10 10:59")) == S.major_outage
    assert status_at(intervals, at("2026-03-10 11:30")) == S.partial_outage
    assert status_at(intervals, at("2026-03-10 12:00")) == S.operational


def test_an_update_published_after_now_has_not_happened_yet() -> None:
    now = at("2026-03-10 10:30")
    intervals = all_intervals([OUTAGE], [], now)["api"]
    assert status_at(intervals, now) == S.major_outage
    # The incident is open at 10:30, so its status holds past now.
    assert status_at(intervals, at("2026-03-10 11:30")) == S.major_outage


def test_overlapping_incidents_the_worst_status_wins() -> None:
    other = episode("slow", "2026-03-10 09:00", "2026-03-10 13:00", "degraded_performance")
    intervals = all_intervals([OUTAGE, other], [], at("2026-03-11 00:00"))["api"]
    assert status_at(intervals, at("2026-03-10 09:30")) == S.degraded_performance
    assert status_at(intervals, at("2026-03-10 10:30")) == S.major_outage
    assert status_at(intervals, at("2026-03-10 12:30")) == S.degraded_performance


def test_maintenance_sets_under_maintenance_but_an_incident_outranks_it() -> None:
    maint = window("db", "2026-03-10 11:30", "2026-03-10 14:00", ["api"])
    intervals = all_intervals([OUTAGE], [maint], at("2026-03-11 00:00"))["api"]
    assert status_at(intervals, at("2026-03-10 11:45")) == S.partial_outage
    assert status_at(intervals, at("2026-03-10 13:00")) == S.under_maintenance
    assert status_at(intervals, at("2026-03-10 14:00")) == S.operational


def test_maintenance_lifecycle_is_derived_from_now_and_advanced_by_updates() -> None:
    maint = window(
        "db", "2026-03-10 02:00", "2026-03-10 04:00", ["api"], ("2026-03-10 03:30", "verifying", "checking")
    )
    for moment, stage in (
        ("2026-03-09 12:00", MaintenanceStatus.scheduled),
        ("2026-03-10 02:30", MaintenanceStatus.in_progress),
        ("2026-03-10 03:45", MaintenanceStatus.verifying),
        ("2026-03-10 05:00", MaintenanceStatus.completed),
    ):
        assert maintenance_status(maint, at(moment)) == stage, moment


def test_a_maintenance_completed_early_frees_its_components() -> None:
    maint = window(
        "db", "2026-03-10 02:00", "2026-03-10 06:00", ["api"], ("2026-03-10 03:00", "completed", "done")
    )
    intervals = all_intervals([], [maint], at("2026-03-11 00:00"))["api"]
    assert status_at(intervals, at("2026-03-10 02:30")) == S.under_maintenance
    assert status_at(intervals, at("2026-03-10 04:00")) == S.operational


def test_a_cancelled_maintenance_changes_nothing() -> None:
    maint = window("db", "2026-03-10 02:00", "2026-03-10 06:00", ["api"], cancelled=True)
    assert all_intervals([], [maint], at("2026-03-11 00:00")) == {}


@pytest.mark.parametrize(
    ("statuses", "impacts", "maintenance", "expected"),
    [
        ([S.operational], [], False, Indicator.none),
        ([S.operational], [], True, Indicator.maintenance),
        ([S.under_maintenance], [], True, Indicator.maintenance),
        ([S.degraded_performance], [], False, Indicator.minor),
        ([S.partial_outage, S.degraded_performance], [], False, Indicator.major),
        ([S.major_outage], [], True, Indicator.critical),
        ([S.operational], [Impact.major], False, Indicator.major),
        ([S.degraded_performance], [Impact.critical], False, Indicator.critical),
        ([S.degraded_performance], [Impact.minor], True, Indicator.minor),
    ],
)
def test_overall_indicator(
    statuses: list[S], impacts: list[Impact], maintenance: bool, expected: Indicator
) -> None:
    assert overall_indicator(statuses, impacts, maintenance) == expected


def test_uptime_counts_major_fully_partial_with_its_weight_and_ignores_the_rest() -> None:
    maint = window("m", "2026-03-10 20:00", "2026-03-10 22:00", ["api"])
    slow = episode("slow", "2026-03-10 15:00", "2026-03-10 16:00", "degraded_performance")
    intervals = all_intervals([OUTAGE, slow], [maint], at("2026-03-11 00:00"))["api"]
    day = uptime(intervals, at("2026-03-10 00:00"), at("2026-03-11 00:00"), POLICY)
    # 1 h of major outage + 1 h of partial outage x 0.3 = 78 minutes down of 1440.
    assert day.down == timedelta(minutes=78)
    assert day.display() == f"{100 * (1 - 78 / 1440):.2f}" == "94.58"
    heavier = uptime(intervals, at("2026-03-10 00:00"), at("2026-03-11 00:00"), UptimePolicy(1.0))
    assert heavier.down == timedelta(hours=2)


def test_uptime_merges_overlaps_and_clips_to_the_window() -> None:
    twin = episode("twin", "2026-03-10 10:30", "2026-03-10 11:30", "major_outage")
    intervals = all_intervals([OUTAGE, twin], [], at("2026-03-11 00:00"))["api"]
    # Major 10:00-11:30 (merged, not 2 h), then partial 11:30-12:00 (0.3 x 30 min = 9 min).
    result = uptime(intervals, at("2026-03-10 00:00"), at("2026-03-11 00:00"), POLICY)
    assert result.down == timedelta(minutes=99)
    clipped = uptime(intervals, at("2026-03-10 11:00"), at("2026-03-10 11:15"), POLICY)
    assert clipped.down == timedelta(minutes=15)
    assert clipped.display() == "0.00"


def test_uptime_starts_no_earlier_than_tracking() -> None:
    intervals = all_intervals([OUTAGE], [], at("2026-03-11 00:00"))["api"]
    result = uptime(intervals, at("2026-02-01 00:00"), at("2026-03-11 00:00"), POLICY, at("2026-03-10 00:00"))
    assert result.tracked == timedelta(days=1)
    nothing = uptime(
        intervals, at("2026-02-01 00:00"), at("2026-02-02 00:00"), POLICY, at("2026-03-10 00:00")
    )
    assert nothing.percent is None
    assert nothing.display() == "—"


def test_a_little_downtime_never_shows_as_one_hundred_percent() -> None:
    blip = episode("blip", "2026-03-10 10:00", "2026-03-10 10:01", "major_outage")
    intervals = all_intervals([blip], [], at("2026-06-10 00:00"))["api"]
    result = uptime(intervals, at("2026-03-01 00:00"), at("2026-06-01 00:00"), POLICY)
    assert result.down == timedelta(minutes=1)
    assert result.display() == "99.99"


def test_an_incident_spanning_midnight_marks_both_days() -> None:
    night = episode("night", "2026-03-10 23:00", "2026-03-11 01:00", "major_outage")
    now = at("2026-03-12 12:00")
    intervals = all_intervals([night], [], now)["api"]
    days = daily_history(intervals, date(2026, 3, 12), 3, SANTIAGO, POLICY, now)
    assert [d.day for d in days] == [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]
    assert [d.status for d in days] == [S.major_outage, S.major_outage, S.operational]
    assert [d.down for d in days] == [timedelta(hours=1), timedelta(hours=1), timedelta(0)]
    assert days[0].sources == ("night",)


def test_dst_change_in_santiago_gives_a_25_hour_day_and_exact_durations() -> None:
    # Chile leaves DST on 2026-04-05: at 00:00 (-03) clocks go back to 23:00 (-04) on the 4th.
    # An incident from 22:00 on the 4th to 01:00 on the 5th (local) lasts 4 hours, not 3.
    start = datetime(2026, 4, 4, 22, 0, tzinfo=SANTIAGO)
    end = datetime(2026, 4, 5, 1, 0, tzinfo=SANTIAGO)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=4)
    dst = episode("dst", "2026-04-04T22:00:00-03:00", "2026-04-05T01:00:00-04:00", "major_outage")
    now = at("2026-04-06 12:00")
    intervals = all_intervals([dst], [], now)["api"]
    total = uptime(intervals, at("2026-04-01 00:00"), now, POLICY)
    assert total.down == timedelta(hours=4)
    days = daily_history(intervals, date(2026, 4, 5), 2, SANTIAGO, POLICY, now)
    # The 4th is 25 hours long (its 23:00 comes twice) and holds 22:00-24:00 plus the repeated
    # hour: 3 hours. The 5th holds 00:00-01:00: 1 hour.
    assert [d.down for d in days] == [timedelta(hours=3), timedelta(hours=1)]
    assert all(d.status == S.major_outage for d in days)


def test_day_history_marks_untracked_days() -> None:
    now = at("2026-03-12 12:00")
    days = daily_history([], date(2026, 3, 12), 5, SANTIAGO, POLICY, now, at("2026-03-11 00:00"))
    assert [d.tracked for d in days] == [False, False, False, True, True]
