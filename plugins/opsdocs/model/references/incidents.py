"""Checks of each incident against the rest of the project and against itself: the ids it
names exist, its times add up, its components and resolution agree with its updates."""

from __future__ import annotations

from opsdocs.model.base import Audience
from opsdocs.model.components import ComponentStatus
from opsdocs.model.incidents import Incident, UpdateStatus, worst_statuses
from opsdocs.model.references.checker import Checker


def check_incidents(
    c: Checker, severities: set[str], components: set[str], runbooks: set[str], roles: set[str]
) -> None:
    """Each incident names known severities, components, runbooks and owners, and its times,
    components and resolution agree with its updates."""
    data = c.layout.data_dir
    for incident in c.project.incidents:
        c.known(incident, ("severity",), incident.severity, "severity", severities, f"{data}/severities.yml")
        for component_id in incident.affected:
            if not incident.declares("components"):
                continue  # derived from the updates, whose ids are checked below
            c.known(
                incident,
                ("components", component_id),
                component_id,
                "component",
                components,
                f"{data}/components.yml",
            )
        for i, runbook_id in enumerate(incident.runbooks):
            c.known(incident, ("runbooks", i), runbook_id, "runbook", runbooks, f"{c.layout.runbooks_dir}/")
        start, end = incident.started_at, incident.resolved_at
        if end is not None and end < start:
            c.at(
                incident,
                ("resolved_at",),
                f"resolved_at: {c.when(end)} is before started_at {c.when(start)}",
            )
        if incident.acknowledged_at is not None and incident.acknowledged_at < start:
            c.at(incident, ("acknowledged_at",), "acknowledged_at: is before started_at")
        for i, update in enumerate(incident.updates):
            if update.at < start:
                c.at(
                    incident,
                    ("updates", i, "at"),
                    f"updates[{i}].at: {c.when(update.at)} is before the incident started ({c.when(start)})",
                )
            if end is not None and update.at > end:
                c.at(
                    incident,
                    ("updates", i, "at"),
                    f"updates[{i}].at: {c.when(update.at)} is after the incident was resolved "
                    f"({c.when(end)}{c.line_of(incident, ('resolved_at',))})",
                )
            for component_id in update.components:
                if component_id not in components:
                    c.known(
                        incident,
                        ("updates", i, "components", component_id),
                        component_id,
                        "component",
                        components,
                        f"{data}/components.yml",
                    )
        if incident.audience == Audience.public and not any(u.message.strip() for u in incident.updates):
            c.at(
                incident,
                ("updates",),
                "updates: a public incident needs at least one update with a message; the status "
                "page and its API publish an incident through its updates",
            )
        _check_incident_components(c, incident)
        _check_resolution(c, incident)
        if incident.postmortem is not None:
            for i, item in enumerate(incident.postmortem.action_items):
                c.known(
                    incident,
                    ("postmortem", "action_items", i, "owner"),
                    item.owner,
                    "role",
                    roles,
                    f"{data}/team.yml",
                )


def _check_incident_components(c: Checker, incident: Incident) -> None:
    """The incident's ``components`` agree with its updates: same components, same worst status.

    Left out, they are derived from the updates; the updates must then name at least one.
    """
    derived = worst_statuses(incident.updates)
    if not derived:
        c.at(
            incident,
            ("updates",),
            "updates: no update names a component; give the first update 'components' (component id: status)",
        )
        return
    if not incident.declares("components"):
        return
    where = _worst_update(incident)
    for component_id, status in incident.affected.items():
        reached = derived.get(component_id)
        if reached is None:
            c.at(
                incident,
                ("components", component_id),
                f"components.{component_id}: no update gives '{component_id}' a status; add it to an "
                "update's components, or leave the incident's components out (they follow the updates)",
            )
        elif reached != status:
            i = where[component_id]
            c.at(
                incident,
                ("components", component_id),
                f"components.{component_id}: '{status.value}' but the worst status the updates give "
                f"it is '{reached.value}' (updates[{i}].components.{component_id}"
                f"{c.line_of(incident, ('updates', i, 'components', component_id))}); make them agree, "
                "or leave the incident's components out (they follow the updates)",
            )
    for component_id in derived:
        if component_id not in incident.affected:
            i = where[component_id]
            c.at(
                incident,
                ("updates", i, "components", component_id),
                f"updates[{i}].components: '{component_id}' is not listed in the incident's components"
                f"{c.line_of(incident, ('components',))}; add it, or leave the incident's components "
                "out (they follow the updates)",
            )


def _worst_update(incident: Incident) -> dict[str, int]:
    """For each component, the index of the first update that gave it its worst status."""
    worst = worst_statuses(incident.updates)
    found: dict[str, int] = {}
    for i, update in sorted(enumerate(incident.updates), key=lambda pair: pair[1].at):
        for component_id, status in update.components.items():
            if component_id not in found and status == worst.get(component_id):
                found[component_id] = i
    return found


def _check_resolution(c: Checker, incident: Incident) -> None:
    """``resolved_at`` is the time of the resolving update, the latest one, whose status is
    'resolved' and which leaves every component operational."""
    if not incident.updates:
        return
    latest_index, latest = max(enumerate(incident.updates), key=lambda pair: pair[1].at)
    end = incident.resolved_at
    if end is None:
        return
    if latest.status != UpdateStatus.resolved:
        c.at(
            incident,
            ("updates", latest_index, "status"),
            f"updates[{latest_index}].status: the incident is resolved"
            f"{c.line_of(incident, ('resolved_at',), ' (resolved_at')}, so its last update must "
            "have status 'resolved'",
        )
    elif latest.at != end and end >= incident.started_at:
        c.at(
            incident,
            ("resolved_at",),
            f"resolved_at: {c.when(end)} but the resolving update is dated {c.when(latest.at)} "
            f"(updates[{latest_index}].at{c.line_of(incident, ('updates', latest_index, 'at'))}); "
            "make them agree, or leave resolved_at out (it follows the resolving update)",
        )
    for component_id, status in latest.components.items():
        if status != ComponentStatus.operational:
            c.at(
                incident,
                ("updates", latest_index, "components", component_id),
                f"updates[{latest_index}].components.{component_id}: still '{status.value}' in the "
                "resolving update; a resolved incident leaves components operational",
            )
