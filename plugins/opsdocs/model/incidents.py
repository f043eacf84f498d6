"""Incidents, their public updates and internal postmortems (``data/incidents/*.yml``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import Audience, Day, Id, Markdown, Record, Timestamp, internal, public_record
from opsdocs.model.components import ComponentStatus


class UpdateStatus(StrEnum):
    """Statuspage's incident update statuses."""

    investigating = "investigating"
    identified = "identified"
    monitoring = "monitoring"
    resolved = "resolved"


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


class Incident(Record):
    """An incident: one file under ``data/incidents/``."""

    id: Id
    title: str
    severity: Id = Field(description="Id of a severity in severities.yml.")
    started_at: Timestamp
    acknowledged_at: Timestamp | None = Field(
        None, description="When someone took the incident; defaults to the first update."
    )
    resolved_at: Timestamp | None = None
    components: dict[Id, ComponentStatus] = Field(
        min_length=1, description="Each affected component with the worst status it reached."
    )
    updates: list[IncidentUpdate] = Field(min_length=1)
    runbooks: list[Id] = internal(default_factory=list, description="Ids of runbooks used.")
    postmortem: Postmortem | None = None
    audience: Audience = public_record()
