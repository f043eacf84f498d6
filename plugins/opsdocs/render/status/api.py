"""The Statuspage public API v2, as static JSON files.

Same field names, enumerations and nesting as Atlassian Statuspage, so monitors, chat bots and
aggregators that read a Statuspage page read this one unchanged. Serialised with ``json``;
text from data is stripped of markup.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from opsdocs.derive.incidents import IncidentFacts
from opsdocs.derive.status import ComponentFacts, MaintenanceFacts, StatusSnapshot
from opsdocs.model.base import Audience
from opsdocs.model.components import ComponentStatus, rank
from opsdocs.render.context import RenderContext
from opsdocs.render.markdown import plain_text
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan
from opsdocs.render.spec import ApiLanguage

STATUSPAGE_DESCRIPTIONS = {
    "none": "All Systems Operational",
    "minor": "Minor Service Outage",
    "major": "Partial System Outage",
    "critical": "Major System Outage",
    "maintenance": "Service Under Maintenance",
}
"""``status.description`` as Statuspage writes it for each indicator, whatever the page's language."""

LIST_CAP = 50
"""Statuspage lists the 50 most recent incidents and maintenances."""


def timestamp(moment: datetime | None) -> str | None:
    """Statuspage's timestamp form: UTC with milliseconds, ``2026-03-14T13:05:00.000Z``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class ApiWriter:
    """Builds the API objects of one snapshot."""

    def __init__(
        self,
        ctx: RenderContext,
        snapshot: StatusSnapshot,
        pages: StatusPages,
        language: ApiLanguage = ApiLanguage.statuspage,
    ) -> None:
        self.ctx = ctx
        self.language = language
        self.snapshot = snapshot
        self.page_id = _page_id(ctx)
        self.pages = pages

    def page(self) -> dict[str, Any]:
        site = self.ctx.project.site
        return {
            "id": self.page_id,
            "name": site.product,
            "url": self.ctx.site_url or str(site.url),
            "time_zone": site.timezone,
            "updated_at": timestamp(self.snapshot.now),
        }

    def status(self) -> dict[str, str]:
        indicator = self.snapshot.indicator
        return {
            "indicator": indicator.value,
            "description": self.ctx.labels(f"status.indicator.{indicator.value}")
            if self.language == ApiLanguage.site
            else STATUSPAGE_DESCRIPTIONS[indicator.value],
        }

    def component(self, facts: ComponentFacts, position: int) -> dict[str, Any]:
        component = facts.component
        return {
            "id": component.id,
            "name": component.name,
            "status": facts.status.value,
            "created_at": timestamp(facts.tracking.began),
            "updated_at": timestamp(facts.updated_at),
            "position": position,
            "description": component.description or None,
            "showcase": True,
            "start_date": facts.tracking.first_day.isoformat() if facts.tracking.first_day else None,
            "group_id": facts.group.id if facts.group else None,
            "page_id": self.page_id,
            "group": False,
            "only_show_if_degraded": False,
        }

    def components(self) -> list[dict[str, Any]]:
        """Groups and components in page order; a group's status is its worst component's."""
        result: list[dict[str, Any]] = []
        position = 1
        seen_groups: set[str] = set()
        for facts in self.snapshot.components:
            group = facts.group
            if group is not None and group.id not in seen_groups:
                seen_groups.add(group.id)
                members = [
                    c for c in self.snapshot.components if c.group is not None and c.group.id == group.id
                ]
                worst = max((c.status for c in members), key=rank, default=ComponentStatus.operational)
                result.append(
                    {
                        "id": group.id,
                        "name": group.name,
                        "status": worst.value,
                        "created_at": timestamp(min(c.tracking.began for c in members)),
                        "updated_at": timestamp(max(c.updated_at for c in members)),
                        "position": position,
                        "description": group.description or None,
                        "showcase": False,
                        "start_date": None,
                        "group_id": None,
                        "page_id": self.page_id,
                        "group": True,
                        "only_show_if_degraded": False,
                        "components": [c.component.id for c in members],
                    }
                )
                position += 1
            result.append(self.component(facts, position))
            position += 1
        return result

    def _affected(self, component_ids: list[str]) -> list[dict[str, Any]]:
        return [
            self.component(facts, index + 1)
            for index, facts in enumerate(self.snapshot.components)
            if facts.component.id in component_ids
        ]

    def incident(self, facts: IncidentFacts) -> dict[str, Any]:
        incident = facts.incident
        chronological = list(reversed(facts.updates))
        previous: dict[str, str] = {}
        updates: list[dict[str, Any]] = []
        for index, update in enumerate(chronological):
            affected = []
            for component_id, status in update.components.items():
                shown = self.snapshot.component(component_id)
                if shown is not None:
                    old = previous.get(component_id, ComponentStatus.operational.value)
                    affected.append({"code": component_id, "name": shown.component.name, "old_status": old,
                                     "new_status": status.value})  # fmt: skip
                    previous[component_id] = status.value
            updates.append(
                {
                    "id": f"{incident.id}-{index + 1}",
                    "status": update.status.value,
                    "body": plain_text(update.message),
                    "incident_id": incident.id,
                    "created_at": timestamp(update.at),
                    "updated_at": timestamp(update.at),
                    "display_at": timestamp(update.at),
                    "affected_components": affected or None,
                    "deliver_notifications": True,
                    "custom_tweet": None,
                    "tweet_id": None,
                }
            )
        return {
            "id": incident.id,
            "name": incident.title,
            "status": facts.status.value,
            "created_at": timestamp(incident.started_at),
            "updated_at": timestamp(facts.updated_at),
            "monitoring_at": timestamp(facts.first_at(facts.status.__class__.monitoring)),
            "resolved_at": timestamp(facts.resolved_at),
            "impact": facts.impact.value,
            "shortlink": self.ctx.absolute(self.pages.incident(incident.id)),
            "started_at": timestamp(incident.started_at),
            "page_id": self.page_id,
            "incident_updates": list(reversed(updates)),
            "components": self._affected(list(facts.components)),
        }

    def maintenance(self, facts: MaintenanceFacts) -> dict[str, Any]:
        """A window as Statuspage serves it: its published lifecycle updates, each with what it
        did to the window's components, and its status that of the latest (``derive.maintenance``)."""
        window = facts.window
        shown = [c.component for i in window.components if (c := self.snapshot.component(i)) is not None]
        listed = [
            {
                "id": f"{window.id}-{step.key}",
                "status": step.status.value,
                "body": plain_text(step.message)
                if step.message is not None
                else self.ctx.labels(f"maintenance.automatic.{step.status.value}"),
                "incident_id": window.id,
                "created_at": timestamp(step.at),
                "updated_at": timestamp(step.at),
                "display_at": timestamp(step.at),
                "affected_components": [
                    {
                        "code": component.id,
                        "name": component.name,
                        "old_status": step.old_status.value,
                        "new_status": step.new_status.value,
                    }
                    for component in shown
                ]
                or None,
                "deliver_notifications": True,
                "custom_tweet": None,
                "tweet_id": None,
            }
            for step in facts.steps
        ]
        return {
            "id": window.id,
            "name": window.title,
            "status": facts.status.value,
            "created_at": timestamp(facts.announced_at),
            "updated_at": timestamp(facts.updated_at),
            "monitoring_at": None,
            "resolved_at": timestamp(facts.completed_at),
            "impact": "maintenance",
            "shortlink": self.ctx.absolute(self.pages.maintenance(window.id)),
            # Statuspage dates a window that has not begun from its creation.
            "started_at": timestamp(facts.started_at or facts.announced_at),
            "page_id": self.page_id,
            "incident_updates": list(reversed(listed)),
            "components": self._affected(window.components),
            "scheduled_for": timestamp(window.scheduled_for),
            "scheduled_until": timestamp(window.scheduled_until),
        }

    def files(self) -> dict[str, dict[str, Any]]:
        """Every API file's content by path."""
        snap = self.snapshot
        page, status, components = self.page(), self.status(), self.components()
        incidents = [self.incident(i) for i in snap.incidents[:LIST_CAP]]
        unresolved = [self.incident(i) for i in snap.active_incidents]
        maintenances = [self.maintenance(m) for m in snap.maintenance[:LIST_CAP]]
        upcoming = [self.maintenance(m) for m in snap.upcoming_maintenance]
        active = [self.maintenance(m) for m in snap.active_maintenance]
        return {
            "api/v2/summary.json": {
                "page": page,
                "components": components,
                "incidents": unresolved,
                "scheduled_maintenances": active + upcoming,
                "status": status,
            },
            "api/v2/status.json": {"page": page, "status": status},
            "api/v2/components.json": {"page": page, "components": components},
            "api/v2/incidents.json": {"page": page, "incidents": incidents},
            "api/v2/incidents/unresolved.json": {"page": page, "incidents": unresolved},
            "api/v2/scheduled-maintenances.json": {"page": page, "scheduled_maintenances": maintenances},
            "api/v2/scheduled-maintenances/upcoming.json": {"page": page, "scheduled_maintenances": upcoming},
            "api/v2/scheduled-maintenances/active.json": {"page": page, "scheduled_maintenances": active},
        }


def _page_id(ctx: RenderContext) -> str:
    site = ctx.project.site
    return "".join(ch for ch in f"{site.organisation}-{site.product}".lower() if ch.isalnum() or ch == "-")


def render_api(
    ctx: RenderContext,
    snapshot: StatusSnapshot,
    plan: SitePlan,
    pages: StatusPages,
    language: ApiLanguage = ApiLanguage.statuspage,
) -> None:
    """Add the API files to ``plan``, linking to the incident and maintenance pages of ``pages``.

    The files are at the site's root (``api/v2/``), where Statuspage clients look, wherever the
    status pages are. ``language`` chooses the language of the API's fixed texts.
    """
    writer = ApiWriter(ctx, snapshot, pages, language)
    for path, content in writer.files().items():
        text = json.dumps(content, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        plan.add(path, text, Audience.public)
