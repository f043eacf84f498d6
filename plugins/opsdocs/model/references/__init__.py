"""Checks across files: every id names something that exists, ids are unique, times add up.

``check_references`` gathers the ids each file defines and checks every reference to them;
the checks of incidents, maintenance windows, learning paths and the help center, which also
check times and order, have a module each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opsdocs.model.base import Step
from opsdocs.model.references.checker import Checker
from opsdocs.model.references.checks import check_checks
from opsdocs.model.references.communication import check_communication
from opsdocs.model.references.helpcenter import check_help
from opsdocs.model.references.incidents import check_incidents
from opsdocs.model.references.maintenance import check_maintenance
from opsdocs.model.references.training import check_training
from opsdocs.problems import Problem

if TYPE_CHECKING:
    from opsdocs.model.project import Layout, Project


def check_references(project: Project, layout: Layout, broken: set[str] | None = None) -> list[Problem]:
    """Every cross-file problem in ``project``: unknown ids, duplicates, impossible times.

    ``broken`` holds the paths of files that failed to load.
    """
    c = Checker(project, layout, broken or set())
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
    c.unique("notification channel", project.notify.channels, key="name")

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

    check_incidents(c, severities, components, runbooks, roles)
    check_maintenance(c, components)
    check_communication(c, severities, components)
    check_checks(c, severities, components)
    _check_runbooks(c, severities, components, roles)
    check_training(c, runbooks)
    check_help(c)
    _check_channels(c, components | {g.id for g in project.components.groups})
    return c.problems


def _check_runbooks(c: Checker, severities: set[str], components: set[str], roles: set[str]) -> None:
    data = c.layout.data_dir
    for runbook in c.project.runbooks:
        meta = runbook.meta
        for i, component_id in enumerate(meta.components):
            c.known(meta, ("components", i), component_id, "component", components, f"{data}/components.yml")
        for i, severity_id in enumerate(meta.severities):
            c.known(meta, ("severities", i), severity_id, "severity", severities, f"{data}/severities.yml")
        c.known(meta, ("owner",), meta.owner, "role", roles, f"{data}/team.yml")


def _check_channels(c: Checker, components: set[str]) -> None:
    """A notification channel's components name components or groups of components.yml."""
    where = f"{c.layout.data_dir}/components.yml"
    for channel in c.project.notify.channels:
        for i, component_id in enumerate(channel.components):
            c.known(channel, ("components", i), component_id, "component", components, where)
