"""Deployment checklist, process and rollback strategies (``data/deployment.yml``)."""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Id, Record, StepItem, internal


class RollbackStrategy(Record):
    """How to undo a change at one level, from a flag switch to a full system rollback."""

    id: Id
    name: str
    action: str
    level: int = Field(ge=1, description="1 is the lightest; higher levels undo more.")
    when: str = ""


class Deployment(Record):
    """``data/deployment.yml``; internal."""

    checklist: list[StepItem] = internal(default_factory=list, description="Checks before deploying.")
    process: list[StepItem] = internal(default_factory=list, description="Steps of a deployment.")
    monitoring_after: str = internal("", description="What to watch after deploying.")
    rollback: list[RollbackStrategy] = internal(default_factory=list, description="Lightest first.")
