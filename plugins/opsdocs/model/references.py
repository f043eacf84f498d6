"""Checks across files: every id names something that exists, ids are unique, times add up."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from difflib import get_close_matches
from typing import TYPE_CHECKING

from opsdocs.load.source import FieldPath, SourceRef
from opsdocs.model.base import Audience, Record, Step
from opsdocs.model.components import ComponentStatus
from opsdocs.model.incidents import Incident, UpdateStatus, worst_statuses
from opsdocs.model.maintenance import MaintenanceStatus
from opsdocs.problems import Problem

if TYPE_CHECKING:
    from opsdocs.model.project import Layout, Project


class _Checker:
    """Collects problems about one project's references."""

    def __init__(self, project: Project, layout: Layout, broken: set[str]) -> None:
        self.project = project
        self.layout = layout
        self.broken = broken
        self.problems: list[Problem] = []
        self.zone = project.site.zone

    def when(self, moment: datetime) -> str:
        """A time as the site writes it: local, with its offset."""
        return moment.astimezone(self.zone).isoformat()

    def line_of(self, record: Record, field: FieldPath, prefix: str = "") -> str:
        """``prefix`` and ", line N" (N the line of ``field`` of ``record``), then ")" when
        ``prefix`` opened one; just ", line N" without a prefix. Empty when the record has no
        source."""
        source = record.source
        if source is None:
            return prefix + ")" if prefix else ""
        line = source.doc.locate(source.prefix + tuple(field))[0]
        return f"{prefix}, line {line})" if prefix else f", line {line}"

    def at(self, record: Record | None, field: FieldPath, message: str) -> None:
        source = record.source if record is not None else None
        if source is None:
            self.problems.append(Problem("(unknown)", 0, 0, message))
        else:
            self.problems.append(source.problem(field, message))

    def unique(self, kind: str, records: Iterable[Record], key: str = "id") -> set[str]:
        """The ids of ``records``; a second record with the same id is a problem."""
        seen: dict[str, SourceRef | None] = {}
        for record in records:
            value = getattr(record, key)
            if value in seen:
                first = seen[value]
                where = f" (first in {first.path}:{first.doc.locate(first.prefix)[0]})" if first else ""
                self.at(record, (key,), f"{key}: duplicate {kind} id '{value}'{where}")
            else:
                seen[value] = record.source
        return set(seen)

    def known(
        self, record: Record | None, field: FieldPath, value: str | None, kind: str, ids: set[str], where: str
    ) -> None:
        """A problem when ``value`` is not one of ``ids``, with the closest match as a hint.

        Nothing is said when the file that lists the ids could not be read: its own problems
        are reported, and every reference to it would be a false alarm.
        """
        if value is None or value in ids or any(path.startswith(where) for path in self.broken):
            return
        hint = get_close_matches(value, sorted(ids), n=1)
        tail = (
            f"; did you mean '{hint[0]}'?"
            if hint
            else (f" ({where} has none)" if not ids else f" (see {where})")
        )
        label = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in field).replace(".[", "[")
        self.at(record, field, f"{label}: unknown {kind} '{value}'{tail}")


def check_references(project: Project, layout: Layout, broken: set[str] | None = None) -> list[Problem]:
    """Every cross-file problem in ``project``: unknown ids, duplicates, impossible times.

    ``broken`` holds the paths of files that failed to load.
    """
    c = _Checker(project, layout, broken or set())
    data = layout.data_dir
    team, contacts = project.team, project.contacts

    groups = c.unique("role group", team.groups)
    roles = c.unique("role", team.roles)
    people = c.unique("person", team.people)
    contact_ids = c.unique("contact", contacts.contacts)
    severities = c.unique("severity", project.severities.severities)
    c.unique("severity level", project.severities.severities, key="level")
    c.unique("component group", project.components.groups)
    components = c.unique("component", project.components.all_components())
    c.unique("incident", project.incidents)
    c.unique("maintenance window", project.maintenance)
    runbooks = c.unique("runbook", [r.meta for r in project.runbooks])
    flags = c.unique("feature flag", project.roadmap.feature_flags)
    c.unique("release", project.roadmap.releases)
    c.unique("roadmap item", [i for r in project.roadmap.releases for i in r.items])
    c.unique("phase", project.process.phases)
    c.unique("cadence", project.cycle.cadences)
    c.unique("task", [t for cad in project.cycle.cadences for t in cad.tasks])
    c.unique("channel", project.support.channels)
    c.unique("priority", project.support.response_targets, key="priority")
    c.unique("KPI", project.kpis.kpis)
    c.unique("learning path", project.training.paths)

    roles_file, contacts_file = f"{data}/team.yml", f"{data}/contacts.yml"
    for role in team.roles:
        c.known(role, ("group",), role.group, "role group", groups, roles_file)
    for person in team.people:
        for i, role_id in enumerate(person.roles):
            c.known(person, ("roles", i), role_id, "role", roles, roles_file)
    for contact in contacts.contacts:
        c.known(contact, ("role",), contact.role, "role", roles, roles_file)
        c.known(contact, ("person",), contact.person, "person", people, roles_file)
    for level in contacts.escalation:
        for i, contact_id in enumerate(level.contacts):
            c.known(level, ("contacts", i), contact_id, "contact", contact_ids, contacts_file)
    if contacts.on_call is not None:
        c.known(
            contacts.on_call, ("contact",), contacts.on_call.contact, "contact", contact_ids, contacts_file
        )

    steps: list[Step] = [s for p in project.process.phases for s in p.steps]
    steps += project.deployment.checklist + project.deployment.process
    if project.continuity.disaster_recovery is not None:
        steps += project.continuity.disaster_recovery.steps
    for step in steps:
        c.known(step, ("role",), step.role, "role", roles, roles_file)
    for cadence in project.cycle.cadences:
        for task in cadence.tasks:
            c.known(task, ("owner",), task.owner, "role", roles, roles_file)
    for audit in project.security.audits:
        c.known(audit, ("owner",), audit.owner, "role", roles, roles_file)
    for flag in project.roadmap.feature_flags:
        c.known(flag, ("owner",), flag.owner, "role", roles, roles_file)
    for component in project.components.all_components():
        c.known(component, ("owner",), component.owner, "role", roles, roles_file)
    for target in project.support.response_targets:
        c.known(target, ("severity",), target.severity, "severity", severities, f"{data}/severities.yml")
    for release in project.roadmap.releases:
        for item in release.items:
            c.known(item, ("feature_flag",), item.feature_flag, "feature flag", flags, f"{data}/roadmap.yml")
            if item.status == "shipped" and item.shipped_on is None:
                c.at(item, ("status",), "status: a shipped item needs 'shipped_on' (the day it shipped)")

    _check_incidents(c, severities, components, runbooks, roles)
    _check_maintenance(c, components)
    _check_communication(c, severities, components)
    _check_runbooks(c, severities, components, roles)
    _check_training(c, runbooks)
    _check_help(c)
    return c.problems


def _check_incidents(
    c: _Checker, severities: set[str], components: set[str], runbooks: set[str], roles: set[str]
) -> None:
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


def _check_incident_components(c: _Checker, incident: Incident) -> None:
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


def _check_resolution(c: _Checker, incident: Incident) -> None:
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


def _check_maintenance(c: _Checker, components: set[str]) -> None:
    data = c.layout.data_dir
    for window in c.project.maintenance:
        for i, component_id in enumerate(window.components):
            c.known(
                window, ("components", i), component_id, "component", components, f"{data}/components.yml"
            )
        if window.scheduled_until <= window.scheduled_for:
            c.at(
                window,
                ("scheduled_until",),
                f"scheduled_until: {c.when(window.scheduled_until)} is not after scheduled_for "
                f"{c.when(window.scheduled_for)}",
            )
        if window.announced_at is not None and window.announced_at > window.scheduled_for:
            c.at(
                window,
                ("announced_at",),
                f"announced_at: {c.when(window.announced_at)} is after the window starts "
                f"({c.when(window.scheduled_for)}{c.line_of(window, ('scheduled_for',))})",
            )
        start, _ = window.span()
        for i, update in enumerate(window.updates):
            if update.at < window.announced:
                c.at(
                    window,
                    ("updates", i, "at"),
                    f"updates[{i}].at: {c.when(update.at)} is before the window is announced "
                    f"({c.when(window.announced)}); set announced_at earlier",
                )
            elif update.status in (MaintenanceStatus.verifying, MaintenanceStatus.completed) and (
                update.at < start
            ):
                c.at(
                    window,
                    ("updates", i, "status"),
                    f"updates[{i}].status: '{update.status.value}' at {c.when(update.at)}, before the "
                    f"window started ({c.when(start)}); to call a window off, set cancelled: true",
                )


def _check_communication(c: _Checker, severities: set[str], components: set[str]) -> None:
    """Templates name known severities and components, and each has a text in the site's language."""
    data = c.layout.data_dir
    language = c.project.site.language
    communication = c.project.communication
    for templates in (communication.incidents, communication.maintenance):
        for template in templates:
            c.known(
                template,
                ("severity",),
                getattr(template, "severity", None),
                "severity",
                severities,
                f"{data}/severities.yml",
            )
            for i, component_id in enumerate(template.components):
                c.known(
                    template,
                    ("components", i),
                    component_id,
                    "component",
                    components,
                    f"{data}/components.yml",
                )
            if language not in template.text:
                written = ", ".join(sorted(template.text))
                c.at(
                    template,
                    ("text",),
                    f"text: no text in the site's language '{language}' (site.yml), only in {written}",
                )


def _check_runbooks(c: _Checker, severities: set[str], components: set[str], roles: set[str]) -> None:
    data = c.layout.data_dir
    for runbook in c.project.runbooks:
        meta = runbook.meta
        for i, component_id in enumerate(meta.components):
            c.known(meta, ("components", i), component_id, "component", components, f"{data}/components.yml")
        for i, severity_id in enumerate(meta.severities):
            c.known(meta, ("severities", i), severity_id, "severity", severities, f"{data}/severities.yml")
        c.known(meta, ("owner",), meta.owner, "role", roles, f"{data}/team.yml")


def _check_training(c: _Checker, runbooks: set[str]) -> None:
    docs = c.project.root / c.layout.docs_dir
    for path in c.project.training.paths:
        earlier: set[str] = set()
        for module in path.modules:
            for i, needed in enumerate(module.prerequisites):
                if needed not in earlier:
                    c.at(
                        module,
                        ("prerequisites", i),
                        f"prerequisites[{i}]: '{needed}' is not an earlier module of path '{path.id}'",
                    )
            for i, link in enumerate(module.links):
                if link.page is not None and not (docs / link.page.split("#")[0]).is_file():
                    c.at(
                        link, ("page",), f"links[{i}].page: no page '{link.page}' under {c.layout.docs_dir}/"
                    )
                c.known(link, ("runbook",), link.runbook, "runbook", runbooks, f"{c.layout.runbooks_dir}/")
            earlier.add(module.id)


def _check_help(c: _Checker) -> None:
    """Question ids are unique; a question's and a help article's category is one of faq.yml.

    Articles are checked only when faq.yml exists: without it a page's ``category`` is free
    text, as it was before the help center.
    """
    faq_file = f"{c.layout.data_dir}/faq.yml"
    categories = c.unique("help category", c.project.faq.categories)
    c.unique("question", c.project.faq.questions)
    if not (c.project.root / faq_file).is_file():
        return
    for question in c.project.faq.questions:
        c.known(question, ("category",), question.category, "help category", categories, faq_file)
    for meta in c.project.pages.values():
        c.known(meta, ("category",), meta.category, "help category", categories, faq_file)
