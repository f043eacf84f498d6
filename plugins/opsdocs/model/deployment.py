"""Deployment checklist, process and rollback strategies (``data/deployment.yml``)."""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Id, Record, StepItem


class RollbackStrategy(Record):
    """How to undo a change at one level, from a flag switch to a full system rollback."""

    id: Id
    name: str
    action: str
    level: int = Field(ge=1, description="1 is the lightest; higher levels undo more.")
    when: str = ""


class Deployment(Record):
    """``data/deployment.yml``; internal."""

    checklist: list[StepItem] = Field(default_factory=list)
    process: list[StepItem] = Field(default_factory=list)
    monitoring_after: str = ""
    rollback: list[RollbackStrategy] = Field(default_factory=list)
