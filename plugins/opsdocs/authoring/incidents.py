"""The edits of an incident's life: declare it, update it (the last update resolves it), start
its postmortem.

Each function checks what it is given (``InputError``, one line) and returns the planned edit
as a ``ChangeSet``; nothing is written here. An existing file is edited in place, through
ruamel.yaml's round trip: a new update goes at the end of ``updates``, and the incident's own
``components``, when the file writes them, are kept in step with the updates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from opsdocs.authoring import inputs, yamldoc
from opsdocs.authoring.changes import ChangeSet, edit_file
from opsdocs.authoring.ids import new_record_id
from opsdocs.derive.published import is_open, published_updates
from opsdocs.model import Layout, Project
from opsdocs.model.components import ComponentStatus
from opsdocs.model.incidents import (
    DetectedBy,
    Incident,
    IncidentUpdate,
    Postmortem,
    UpdateStatus,
    worst_statuses,
)

SCHEMA = "incidents.schema.json"
UPDATE_STATUSES = (UpdateStatus.investigating, UpdateStatus.identified, UpdateStatus.monitoring)
"""What an update may set before the one that resolves the incident."""


@dataclass(frozen=True)
class OpenIncident:
    """An incident open at ``now``, with its latest update and how old that is."""

    incident: Incident
    latest: IncidentUpdate | None
    age: timedelta


def find(project: Project, incident_id: str) -> Incident:
    """The incident ``incident_id``."""
    return inputs.record(
        project.incidents, incident_id, "incident", "`opsdocs incident list` shows the open ones"
    )


def open_incidents(project: Project, now: datetime) -> list[OpenIncident]:
    """Every incident started and not resolved at ``now``, the most recently updated last."""
    found = []
    for incident in project.incidents:
        if not is_open(incident, now):
            continue
        updates = published_updates(incident, now)
        latest = updates[-1] if updates else None
        found.append(OpenIncident(incident, latest, now - (latest.at if latest else incident.started_at)))
    return sorted(found, key=lambda o: (-o.age, o.incident.id))


def current_statuses(incident: Incident) -> dict[str, ComponentStatus]:
    """Each component the incident's updates name, with the status its latest mention gave it."""
    current: dict[str, ComponentStatus] = {}
    for update in sorted(incident.updates, key=lambda u: u.at):
        current.update(update.components)
    return current


def _statuses(project: Project, pairs: list[str], layout: Layout) -> dict[str, ComponentStatus]:
    where = f"{layout.data_dir}/components.yml"
    return inputs.component_statuses(pairs, list(project.components.by_id), list(ComponentStatus), where)


def new_incident(
    project: Project,
    layout: Layout,
    now: datetime,
    *,
    title: str,
    severity: str,
    components: list[str],
    message: str,
    at: datetime | None = None,
    started_at: datetime | None = None,
    status: UpdateStatus = UpdateStatus.investigating,
    internal_note: str = "",
    incident_id: str | None = None,
    detected_by: DetectedBy | None = None,
) -> ChangeSet:
    """A new incident file, ``<data>/incidents/<date>-<slug>.yml``, with its first update;
    ``detected_by`` marks one drafted from failing checks."""
    zone = project.site.zone
    title = inputs.title(title)
    inputs.known(severity, list(project.severities.by_id), "severity", f"{layout.data_dir}/severities.yml")
    statuses = _statuses(project, components, layout)
    if not statuses:
        raise inputs.InputError("name at least one affected component: --component ID=STATUS")
    inputs.choice(status, UpdateStatus, "status", UPDATE_STATUSES)
    text = inputs.message(message)
    note = inputs.note(internal_note)
    at = inputs.not_ahead((at or now).astimezone(zone), now)
    started_at = inputs.not_ahead((started_at or at).astimezone(zone), now, "--started-at")
    inputs.not_before(at, started_at, "the incident started")
    folder = f"{layout.data_dir}/incidents"
    taken = {i.id for i in project.incidents}
    record_id = new_record_id(project.root / folder, taken, started_at, title, incident_id, "incident")

    path = f"{folder}/{record_id}.yml"
    document = yamldoc.new_document(yamldoc.schema_path(project.root / path, project.root, SCHEMA))
    document["id"] = record_id
    document["title"] = yamldoc.text(title)
    document["severity"] = severity
    document["started_at"] = yamldoc.moment(started_at, zone)
    document["updates"] = yamldoc.sequence([_update(at, status, text, statuses, note, zone)])
    if detected_by is not None:
        document["detected_by"] = detected_by.value
    changes = ChangeSet(f"declared incident {record_id}: {title}")
    changes.add(path, None, yamldoc.dump(document).encode("utf-8"))
    return changes


def _update(
    at: datetime,
    status: UpdateStatus,
    message: str,
    components: Mapping[str, ComponentStatus],
    note: str,
    zone: Any,
) -> Any:
    update = yamldoc.mapping(
        {"at": yamldoc.moment(at, zone), "status": status.value, "message": yamldoc.block(message)}
    )
    if components:
        update["components"] = yamldoc.mapping({cid: s.value for cid, s in components.items()})
    if note:
        update["internal_note"] = yamldoc.text(note)
    return update


def _latest(incident: Incident) -> datetime:
    return max((u.at for u in incident.updates), default=incident.started_at)


def _edit(
    project: Project, incident: Incident, summary: str, update: IncidentUpdate, written: Any
) -> ChangeSet:
    """The incident's file with ``written`` (the YAML of ``update``) appended to its updates, and
    its own ``components``, when it writes them, set to what the updates now give."""

    def change(data: Any) -> None:
        data["updates"].append(written)
        declared = data.get("components")
        if incident.declares("components") and isinstance(declared, dict):
            for component_id, status in worst_statuses([*incident.updates, update]).items():
                if declared.get(component_id) != status.value:
                    declared[component_id] = status.value

    return edit_file(project.root, incident.source.path if incident.source else "", summary, change)


def _open(project: Project, incident_id: str) -> Incident:
    """The incident ``incident_id``, when it is not resolved yet."""
    incident = find(project, incident_id)
    if incident.resolved_at is not None:
        when = incident.resolved_at.astimezone(project.site.zone).isoformat(timespec="minutes")
        raise inputs.InputError(f"incident '{incident.id}' is already resolved (at {when})")
    return incident


def add_update(
    project: Project,
    layout: Layout,
    now: datetime,
    incident_id: str,
    *,
    status: UpdateStatus,
    message: str,
    components: list[str] | None = None,
    internal_note: str = "",
    at: datetime | None = None,
) -> ChangeSet:
    """A new update at the end of an open incident's updates. A ``resolved`` one resolves it:
    every affected component is operational again, unless ``components`` (``ID=STATUS``) says
    otherwise."""
    incident = _open(project, incident_id)
    zone = project.site.zone
    if status == UpdateStatus.resolved:
        statuses = {cid: ComponentStatus.operational for cid in incident.affected}
        summary = f"resolved incident {incident.id}"
    else:
        status = inputs.choice(status, UpdateStatus, "status", UPDATE_STATUSES)
        statuses, summary = {}, f"updated incident {incident.id}: {status.value}"
    statuses.update(_statuses(project, components or [], layout))
    text, note = inputs.message(message), inputs.note(internal_note)
    at = _when(incident, at or now, now, zone)
    update = IncidentUpdate(at=at, status=status, message=text, components=statuses)
    written = _update(at, status, text, statuses, note, zone)
    return _edit(project, incident, summary, update, written)


def _when(incident: Incident, at: datetime, now: datetime, zone: Any) -> datetime:
    at = inputs.not_ahead(at.astimezone(zone), now)
    inputs.not_before(at, incident.started_at, "the incident started")
    return inputs.not_before(at, _latest(incident), "its latest update")


def add_postmortem(project: Project, incident_id: str) -> ChangeSet:
    """A postmortem skeleton with every field the model has, its timeline started from the
    incident's updates."""
    incident = find(project, incident_id)
    if incident.postmortem is not None:
        raise inputs.InputError(f"incident '{incident.id}' already has a postmortem")
    zone = project.site.zone

    def blank(name: str) -> Any:
        """The field's empty value: the updates so far for the timeline, else its default
        (an empty list, no date) or, for a text, an empty one."""
        info = Postmortem.model_fields[name]
        if name == "timeline":
            updates = sorted(incident.updates, key=lambda u: u.at)
            return yamldoc.sequence(
                [yamldoc.mapping({"at": yamldoc.moment(u.at, zone), "text": _first_line(u)}) for u in updates]
            )
        if info.default_factory is not None:
            return yamldoc.flow_sequence([])
        return yamldoc.text("") if info.is_required() or isinstance(info.default, str) else info.default

    def change(data: Any) -> None:
        data["postmortem"] = yamldoc.mapping({name: blank(name) for name in Postmortem.model_fields})
        data.yaml_set_comment_before_after_key(
            "postmortem",
            before="Postmortem: only public_summary is published (on the status page); fill in the rest\n"
            "for the team. action_items: - {text: ..., owner: ROLE-ID, due: YYYY-MM-DD}",
        )

    path = incident.source.path if incident.source else ""
    return edit_file(project.root, path, f"started the postmortem of incident {incident.id}", change)


def _first_line(update: IncidentUpdate) -> str:
    line = next((ln.strip() for ln in update.message.splitlines() if ln.strip()), "")
    return yamldoc.text(f"{update.status.value}: {line}")
