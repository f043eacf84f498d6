"""From failing checks to a drafted incident, and from recovered checks to a suggestion.

After ``failures_for_outage`` failed runs in a row of one of a component's checks (a response
slower than ``degraded_above_ms`` counts as failed here), an incident is drafted through the
on-call code (``authoring.incidents``): status investigating, the component's status from the
kind of failure, the message of the communication template, ``detected_by: checks``. Once
every check of the component passes again, a monitoring update is suggested (or, while the draft
is still only a pull request, a comment); nothing is ever resolved here.

``drafts.json`` in the history folder remembers each component's draft until its incident is
resolved, so that a failure lasting many runs drafts one incident, not one per run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from opsdocs.authoring import incidents, messages
from opsdocs.authoring.changes import ChangeSet
from opsdocs.derive.checks import shown_checks
from opsdocs.derive.published import is_open, published_updates, resolved_by
from opsdocs.model import Layout, Project
from opsdocs.model.checks import Check
from opsdocs.model.checks_history import DRAFTS_FILE, History, HistoryError, Result, stamp
from opsdocs.model.components import ComponentStatus, rank
from opsdocs.model.incidents import DetectedBy, Incident, UpdateStatus
from opsdocs.render.labels import Labels

STATUS_OF_ERROR = {
    "timeout": ComponentStatus.major_outage,
    "connection": ComponentStatus.major_outage,
    "other": ComponentStatus.major_outage,
    "status": ComponentStatus.partial_outage,
    "text": ComponentStatus.partial_outage,
    "slow": ComponentStatus.degraded_performance,
}
"""The status a drafted incident gives its component, by the kind of the latest failure."""


@dataclass
class Event:
    """One thing ``opsdocs probe`` did about a component: drafted an incident, or noted that
    its checks pass again."""

    kind: str
    """``drafted`` or ``recovered``."""
    component: str
    incident: str
    summary: str
    changes: ChangeSet | None = None
    """The files it writes (none for a recovery noted only as a comment)."""

    def as_json(self) -> dict[str, Any]:
        """The event as the ``--report`` file lists it."""
        files = [c.path for c in self.changes.changes] if self.changes is not None else []
        return {"kind": self.kind, "component": self.component, "incident": self.incident,
                "summary": self.summary, "files": files}  # fmt: skip


@dataclass
class Drafts:
    """``drafts.json``: each component's open draft, by component id."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Drafts:
        path = folder / DRAFTS_FILE
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            line, column = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
            raise HistoryError(f"{path}:{line}:{column}: error: not JSON: {exc}") from None
        drafts = data.get("drafts") if isinstance(data, dict) else None
        if not isinstance(drafts, dict) or not all(
            isinstance(entry, dict) and isinstance(entry.get("incident"), str) for entry in drafts.values()
        ):
            raise HistoryError(
                f'{path}:1:1: error: expected {{"drafts": {{COMPONENT: {{"incident": ID, …}}}}}}'
            )
        return cls(dict(drafts))

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"drafts": dict(sorted(self.entries.items()))}, indent=2, ensure_ascii=False)
        (folder / DRAFTS_FILE).write_text(text + "\n", encoding="utf-8")


def failure_kind(check: Check, result: Result) -> str:
    """Why ``result`` counts as failed for alerting: its error class, ``slow``, or ''."""
    if result.error:
        return result.error
    slow = (
        check.degraded_above_ms is not None and result.ms is not None and result.ms > check.degraded_above_ms
    )
    return "slow" if slow else ""


def _failing(check: Check, results: list[Result]) -> tuple[str, datetime] | None:
    """The kind of the latest failure and the start of the run of failures, when the check's
    last ``failures_for_outage`` results all failed."""
    last = results[-check.failures_for_outage :]
    if len(last) < check.failures_for_outage or not all(failure_kind(check, r) for r in last):
        return None
    start = len(results) - 1
    while start > 0 and failure_kind(check, results[start - 1]):
        start -= 1
    return failure_kind(check, last[-1]), results[start].at


def plan_alerts(
    project: Project, layout: Layout, history: History, drafts: Drafts, now: datetime
) -> list[Event]:
    """What to draft and what to note at ``now``, given the history (with this run's results);
    ``drafts`` is updated to match."""
    by_check: dict[str, list[Result]] = {}
    for result in history.raw:
        if result.at <= now:
            by_check.setdefault(result.check, []).append(result)
    components: dict[str, list[Check]] = {}
    for check in shown_checks(project):
        components.setdefault(check.component, []).append(check)
    labels = Labels(project.site.language)
    found_incidents = {i.id: i for i in project.incidents}
    events: list[Event] = []
    for component_id, checks in components.items():
        entry = drafts.entries.get(component_id)
        if entry is not None:
            incident = found_incidents.get(entry["incident"])
            if incident is not None and resolved_by(incident, now) is not None:
                del drafts.entries[component_id]
                entry = None
        failing = {c.id: f for c in checks if (f := _failing(c, by_check.get(c.id, []))) is not None}
        passing = all(by_check.get(c.id) and not failure_kind(c, by_check[c.id][-1]) for c in checks)
        if entry is None and failing:
            declared = any(is_open(i, now) and component_id in i.affected for i in project.incidents)
            if not declared:
                events.append(_draft(project, layout, labels, component_id, checks, failing, now))
                drafts.entries[component_id] = {"incident": events[-1].incident, "drafted_at": stamp(now),
                                                "recovered_at": None}  # fmt: skip
        elif entry is not None and failing:
            entry["recovered_at"] = None
        elif entry is not None and passing and entry.get("recovered_at") is None:
            incident = found_incidents.get(entry["incident"])
            events.append(_recovered(project, layout, labels, component_id, entry["incident"], incident, now))
            entry["recovered_at"] = stamp(now)
    return events


def _draft(project: Project, layout: Layout, labels: Labels, component_id: str, checks: list[Check],
           failing: dict[str, tuple[str, datetime]], now: datetime) -> Event:  # fmt: skip
    kinds = {check_id: kind for check_id, (kind, _) in failing.items()}
    status = max((STATUS_OF_ERROR[k] for k in kinds.values()), key=rank)
    started = min(since for _, since in failing.values())
    name = project.components.by_id[component_id].name
    title = labels("checks.draft_title", name=name)
    severity = project.checks.severity or max(project.severities.severities, key=lambda s: s.level).id
    message = messages.incident_message(project, UpdateStatus.investigating, title=title, severity=severity,
                                        started_at=started, at=now, components=[component_id])  # fmt: skip
    failed = ", ".join(f"{check_id} ({kind})" for check_id, kind in sorted(kinds.items()))
    note = labels("checks.draft_note", checks=failed, since=stamp(started))
    changes = incidents.new_incident(
        project, layout, now, title=title, severity=severity, components=[f"{component_id}={status.value}"],
        message=message or labels("checks.draft_message", name=name), at=now, started_at=started,
        internal_note=note, detected_by=DetectedBy.checks,
    )  # fmt: skip
    return Event("drafted", component_id, changes.created_id, changes.summary, changes)


def _recovered(project: Project, layout: Layout, labels: Labels, component_id: str, incident_id: str,
               incident: Incident | None, now: datetime) -> Event:  # fmt: skip
    """A monitoring update for the drafted incident when the project has it open; else only a
    note (the draft is still a pull request: the workflow comments on it)."""
    note = labels("checks.recovered_note", since=stamp(now))
    if incident is None or not is_open(incident, now):
        return Event("recovered", component_id, incident_id, note)
    if published_updates(incident, now)[-1].status == UpdateStatus.monitoring:
        return Event("recovered", component_id, incident_id, note)
    template = messages.incident_update_message(
        project, incident, UpdateStatus.monitoring, now, [component_id]
    )
    changes = incidents.add_update(
        project, layout, now, incident_id, status=UpdateStatus.monitoring,
        message=template or labels("checks.recovered_message"), internal_note=note, at=now,
    )  # fmt: skip
    return Event("recovered", component_id, incident_id, f"{changes.summary}: {note}", changes)
