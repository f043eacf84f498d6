"""Staff hygiene at ``now``: runbook reviews and postmortem action items that are overdue.

These depend on the clock, not on a commit, so they never fail a build: the build prints
them as notes, the staff pages mark them, and ``opsdocs check`` lists them and fails. This
module is the one place that turns the overdue facts into located messages.
"""

from __future__ import annotations

from datetime import datetime

from opsdocs.derive.postmortems import overdue_action_items
from opsdocs.derive.runbooks import ReviewState, runbook_facts
from opsdocs.model import Project
from opsdocs.problems import Problem

__all__ = ["overdue", "overdue_action_item_problems", "overdue_runbook_problems", "overdue_summary"]


def overdue_runbook_problems(project: Project, now: datetime) -> list[Problem]:
    """A warning per runbook whose review is overdue at ``now``, at its ``last_reviewed`` line."""
    found = []
    for fact in runbook_facts(project.runbooks, [], now, project.site.zone):
        if fact.state != ReviewState.overdue:
            continue
        meta = fact.runbook.meta
        message = (
            f"runbook '{meta.id}' is overdue for review since {fact.due.isoformat()} "
            f"(last reviewed {meta.last_reviewed.isoformat()}, every {meta.review_every.days} days)"
        )
        located = meta.source.problem(("last_reviewed",), message, "warning") if meta.source else None
        found.append(located or Problem(fact.runbook.path, 1, 1, message, "warning"))
    return found


def overdue_action_item_problems(project: Project, now: datetime) -> list[Problem]:
    """A warning per postmortem action item past its due date at ``now``, at its ``due`` line."""
    roles = project.team.role_names
    found = []
    for incident, _index, item in overdue_action_items(project.incidents, now, project.site.zone):
        owner = roles.get(item.owner, item.owner)
        message = f"{incident.id}: action item '{item.text}' (owner {owner}) was due {item.due.isoformat()}"
        located = item.source.problem(("due",), message, "warning") if item.source else None
        found.append(located or Problem(incident.id, 0, 0, message, "warning"))
    return found


def overdue_summary(count: int) -> str:
    """What a build says after the ``count`` overdue items it printed: they are notes."""
    return f"{count} overdue item(s) above: notes, never a build failure; `opsdocs check` fails on them"


def overdue(project: Project, now: datetime) -> list[Problem]:
    """Everything overdue at ``now``, runbooks first, then action items, in file order."""
    return sorted(overdue_runbook_problems(project, now)) + sorted(overdue_action_item_problems(project, now))
