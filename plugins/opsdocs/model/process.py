"""The incident process: phases, their time windows and steps (``data/incident-process.yml``)."""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Duration, Id, Record, StepItem, internal


class Phase(Record):
    """A phase of handling an incident, from ``starts_after`` to ``ends_after`` the alert."""

    id: Id
    name: str
    starts_after: Duration
    ends_after: Duration
    steps: list[StepItem] = Field(min_length=1)
    description: str = ""


class IncidentProcess(Record):
    """``data/incident-process.yml``; internal."""

    phases: list[Phase] = internal(default_factory=list, description="The phases, in order.")
