"""Runbook facts at ``now``: review state, and which incidents used each runbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from opsdocs.derive.published import has_started
from opsdocs.model.incidents import Incident
from opsdocs.model.runbooks import Runbook

DUE_SOON = timedelta(days=14)
"""A runbook whose review falls due within this span is 'due soon'."""


class ReviewState(StrEnum):
    """Whether a runbook's review is current."""

    ok = "ok"
    due_soon = "due_soon"
    overdue = "overdue"


@dataclass(frozen=True)
class RunbookFacts:
    """A runbook with its review state and the incidents that used it, newest first."""

    runbook: Runbook
    due: date
    state: ReviewState
    incidents: tuple[Incident, ...]

    @property
    def id(self) -> str:
        return self.runbook.meta.id


def review_state(last_reviewed: date, every: timedelta, today: date) -> tuple[date, ReviewState]:
    """When the next review is due and whether that is past, near or not."""
    due = last_reviewed + timedelta(days=every.days)
    if due < today:
        return due, ReviewState.overdue
    if due <= today + DUE_SOON:
        return due, ReviewState.due_soon
    return due, ReviewState.ok


def runbook_facts(
    runbooks: list[Runbook], incidents: list[Incident], now: datetime, zone: ZoneInfo
) -> list[RunbookFacts]:
    """Every runbook's facts at ``now``, in title order."""
    today = now.astimezone(zone).date()
    used: dict[str, list[Incident]] = {}
    for incident in sorted(incidents, key=lambda i: i.started_at, reverse=True):
        if has_started(incident, now):
            for runbook_id in incident.runbooks:
                used.setdefault(runbook_id, []).append(incident)
    facts = []
    for runbook in sorted(runbooks, key=lambda r: r.meta.title.lower()):
        due, state = review_state(runbook.meta.last_reviewed, runbook.meta.review_every, today)
        facts.append(RunbookFacts(runbook, due, state, tuple(used.get(runbook.meta.id, []))))
    return facts
