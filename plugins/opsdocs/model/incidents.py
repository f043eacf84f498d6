"""Incidents, their public updates and internal postmortems (``data/incidents/*.yml``)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import Field, PrivateAttr, model_validator

from opsdocs.model.base import (
    Audience,
    Day,
    Id,
    Markdown,
    Record,
    Timestamp,
    audience_field,
    internal,
    page_id,
)
from opsdocs.model.components import ComponentStatus, rank


class UpdateStatus(StrEnum):
    """Statuspage's incident update statuses."""

    investigating = "investigating"
    identified = "identified"
    monitoring = "monitoring"
    resolved = "resolved"


class DetectedBy(StrEnum):
    """What noticed an incident first, when it was not a person."""

    checks = "checks"


class IncidentUpdate(Record):
    """A message published during an incident, and the component statuses it sets."""

    at: Timestamp
    status: UpdateStatus
    message: Markdown
    components: dict[Id, ComponentStatus] = Field(
        default_factory=dict,
        description="Status of each affected component from this update on (component id: status).",
    )
    internal_note: str = internal("", description="Context for the team; never published.")


def worst_statuses(updates: Iterable[IncidentUpdate]) -> dict[str, ComponentStatus]:
    """Each component the updates name, with the worst status they gave it, in order of mention.

    This is what an incident's ``components`` says: derived from its updates when omitted, and
    checked against them when written.
    """
    worst: dict[str, ComponentStatus] = {}
    for update in sorted(updates, key=lambda u: u.at):
        for component_id, status in update.components.items():
            known = worst.get(component_id)
            if known is None or rank(status) > rank(known):
                worst[component_id] = status
    return worst


def resolving_update(updates: Iterable[IncidentUpdate]) -> IncidentUpdate | None:
    """The update that resolved the incident: its latest one, when its status is ``resolved``."""
    latest = max(updates, key=lambda u: u.at, default=None)
    return latest if latest is not None and latest.status == UpdateStatus.resolved else None


class TimelineEntry(Record):
    """A moment in a postmortem's timeline."""

    at: Timestamp
    text: Markdown


class ActionItem(Record):
    """Something to do so that the incident does not happen again."""

    text: str
    owner: Id = Field(description="Id of the role that owns it.")
    due: Day
    done: bool = False
    link: str = ""


class Postmortem(Record):
    """What happened and why, for the team; only ``public_summary`` is ever published."""

    summary: Markdown = internal()
    public_summary: Markdown = Field("", description="Summary published on the status page.")
    timeline: list[TimelineEntry] = internal(default_factory=list)
    root_cause: Markdown = internal()
    contributing_factors: list[Markdown] = internal(default_factory=list)
    action_items: list[ActionItem] = internal(default_factory=list)
    published_on: Day | None = None


IncidentId = page_id("postmortems", frozenset({"index"}))
"""An incident's id names its pages (``status/incidents/<id>.md``, ``postmortems/<id>.md``);
``postmortems/index.md`` is the list of postmortems."""


class Incident(Record):
    """An incident: one file under ``data/incidents/``."""

    id: IncidentId
    title: str
    severity: Id = Field(description="Id of a severity in severities.yml.")
    started_at: Timestamp
    acknowledged_at: Timestamp | None = Field(
        None, description="When someone took the incident; defaults to the first update."
    )
    resolved_at: Timestamp | None = Field(
        None,
        description="When it was resolved. Optional: it is the time of the last update when that "
        "update's status is 'resolved'; when written, it must be that time.",
    )
    components: dict[Id, ComponentStatus] | None = Field(
        None,
        description="Each affected component with the worst status it reached. Optional: it is "
        "derived from the updates; when written, it must agree with them.",
    )
    updates: list[IncidentUpdate] = Field(min_length=1)
    runbooks: list[Id] = internal(default_factory=list, description="Ids of runbooks used.")
    detected_by: DetectedBy | None = internal(
        None, description="'checks' when `opsdocs probe` drafted it from failing health checks."
    )
    postmortem: Postmortem | None = None
    audience: Audience = audience_field()

    _declared: frozenset[str] = PrivateAttr(default=frozenset())

    @model_validator(mode="after")
    def _derive_from_updates(self) -> Incident:
        """Fill ``components`` and ``resolved_at`` from the updates when the file leaves them out.

        What the file wrote is remembered (``declared``) so that the cross-file check can
        compare it with the updates; every reader sees one set of facts.
        """
        self._declared = frozenset(
            name for name in ("components", "resolved_at") if getattr(self, name) is not None
        )
        if self.components is None:
            self.components = worst_statuses(self.updates)
        if self.resolved_at is None:
            resolution = resolving_update(self.updates)
            self.resolved_at = resolution.at if resolution is not None else None
        return self

    def declares(self, field: str) -> bool:
        """Whether the data file wrote ``field`` itself (``components``, ``resolved_at``)."""
        return field in self._declared

    @property
    def affected(self) -> dict[str, ComponentStatus]:
        """Each affected component with the worst status it reached (never None once loaded)."""
        return self.components or {}
