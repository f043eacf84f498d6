"""The message an update is prefilled with: the best template of ``communication.yml``, filled.

Times, durations and lists of components are written as the status page writes them, in the
site's language and time zone (``render.dates``, Babel's list patterns).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from babel.lists import format_list

from opsdocs.model.communication import best_template
from opsdocs.model.incidents import Incident, UpdateStatus
from opsdocs.model.maintenance import MaintenanceWindow
from opsdocs.model.project import Project
from opsdocs.render.dates import DateFormatter


def dates_of(project: Project) -> DateFormatter:
    """Dates, times and durations as the site writes them."""
    return DateFormatter(project.site.language, project.site.zone)


def component_names(project: Project, component_ids: Iterable[str]) -> str:
    """The names of the components, as a list in the site's language: ``API, Web y Correo``."""
    by_id = project.components.by_id
    names = [by_id[i].name if i in by_id else i for i in component_ids]
    try:
        return format_list(names, locale=project.site.language) if names else ""
    except (ValueError, LookupError):  # a language Babel does not know
        return ", ".join(names)


def incident_message(
    project: Project,
    phase: UpdateStatus,
    *,
    title: str,
    severity: str,
    started_at: datetime,
    at: datetime,
    components: Iterable[str],
) -> str | None:
    """The message for an update in ``phase`` of the incident described, or None without a
    template for it."""
    component_ids = list(components)
    language = project.site.language
    template = best_template(project.communication.incidents, phase, component_ids, language, severity)
    if template is None:
        return None
    dates = dates_of(project)
    named = project.severities.by_id.get(severity)
    values = {
        "product": project.site.product,
        "title": title,
        "severity": named.name if named is not None else severity,
        "components": component_names(project, component_ids),
        "started_at": dates.datetime(started_at),
        "started_time": dates.time(started_at),
        "duration": dates.duration(at - started_at),
    }
    return template.text[language].format(**values).strip()


def incident_update_message(
    project: Project, incident: Incident, phase: UpdateStatus, at: datetime, components: Iterable[str]
) -> str | None:
    """``incident_message`` for a new update of an existing incident."""
    return incident_message(
        project,
        phase,
        title=incident.title,
        severity=incident.severity,
        started_at=incident.started_at,
        at=at,
        components=components,
    )


def maintenance_message(project: Project, phase: str, window: MaintenanceWindow) -> str | None:
    """The message for ``window`` in ``phase`` (a ``MaintenancePhase``), or None without a
    template for it."""
    language = project.site.language
    template = best_template(project.communication.maintenance, phase, window.components, language)
    if template is None:
        return None
    dates = dates_of(project)
    values = {
        "product": project.site.product,
        "title": window.title,
        "components": component_names(project, window.components),
        "scheduled_for": dates.datetime(window.scheduled_for),
        "scheduled_until": dates.datetime(window.scheduled_until),
        "duration": dates.duration(window.scheduled_until - window.scheduled_for),
    }
    return template.text[language].format(**values).strip()
