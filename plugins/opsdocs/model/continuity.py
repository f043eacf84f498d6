"""Disaster recovery and business continuity (``data/continuity.yml``)."""

from __future__ import annotations

from pydantic import Field

from opsdocs.model.base import Duration, Record, StepItem, internal


class DisasterRecovery(Record):
    """How the product is restored after losing a region or its data."""

    backup_interval: Duration
    backup_retention: str = ""
    steps: list[StepItem] = Field(min_length=1)


class BusinessContinuity(Record):
    """How the business keeps working while the product is impaired."""

    critical_functions: list[str] = Field(min_length=1)
    degraded_mode: str
    manual_processes: str = ""
    recovery_time_objective: Duration
    recovery_point_objective: Duration


class Continuity(Record):
    """``data/continuity.yml``; internal."""

    disaster_recovery: DisasterRecovery | None = internal(None)
    business_continuity: BusinessContinuity | None = internal(None)
