"""The maintenance cycle: recurring tasks by cadence (``data/maintenance-cycle.yml``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import Day, Duration, Frequency, Id, Record, internal


class TaskMode(StrEnum):
    """Whether a machine or a person does the task."""

    automated = "automated"
    manual = "manual"


class CycleTask(Record):
    """A recurring task."""

    id: Id
    name: str
    mode: TaskMode
    owner: Id = Field(description="Id of the role that owns the task.")
    description: str = ""


class Cadence(Record):
    """Tasks that recur together, with the first date and time they fall on."""

    id: Id
    name: str
    frequency: Frequency
    purpose: str = ""
    first_date: Day = Field(description="First day this cadence falls on; repeats from it.")
    time: str = Field("09:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="Local time, HH:MM.")
    duration: Duration = Field(default="1h", validate_default=True)
    tasks: list[CycleTask] = Field(min_length=1)


class MaintenanceCycle(Record):
    """``data/maintenance-cycle.yml``; internal."""

    cadences: list[Cadence] = internal(default_factory=list, description="Tasks by cadence.")
