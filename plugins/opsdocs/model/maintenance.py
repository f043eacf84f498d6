"""Scheduled maintenance windows (``data/maintenance/*.yml``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import Field

from opsdocs.model.base import (
    Audience,
    Id,
    Markdown,
    Record,
    SpelledRecord,
    Timestamp,
    audience_field,
    internal,
)

ANNOUNCEMENT_LEAD = timedelta(hours=72)
"""How long before a window without ``announced_at`` it is announced."""


class MaintenanceStatus(StrEnum):
    """Statuspage's scheduled-maintenance update statuses."""

    scheduled = "scheduled"
    in_progress = "in_progress"
    verifying = "verifying"
    completed = "completed"


class MaintenanceUpdate(Record):
    """A message published about a window, e.g. that it started or was extended."""

    at: Timestamp
    status: MaintenanceStatus
    message: Markdown


class MaintenanceWindow(SpelledRecord):
    """A planned window during which components are under maintenance."""

    id: Id
    title: str
    scheduled_for: Timestamp
    scheduled_until: Timestamp
    components: list[Id] = Field(min_length=1, description="Ids of components under maintenance.")
    message: Markdown = Field(description="What will happen and what customers will notice.")
    updates: list[MaintenanceUpdate] = Field(default_factory=list)
    announced_at: Timestamp | None = Field(
        None,
        description="When the window is announced; it is hidden before then. Without it the window "
        "is announced 72 hours before it starts.",
    )
    cancelled: bool = False
    revision: int = Field(
        0, ge=0, description="Raise by one each time the window moves, so calendars update."
    )
    internal_note: str = internal("")
    audience: Audience = audience_field()

    @property
    def announced(self) -> datetime:
        """When the window is announced: ``announced_at``, else 72 hours before it starts."""
        return self.announced_at or self.scheduled_for - ANNOUNCEMENT_LEAD

    def span(self) -> tuple[datetime, datetime]:
        """When the window holds its components: from its first ``in_progress`` update, else
        ``scheduled_for``, to its first ``completed`` update, else ``scheduled_until``."""
        start = min(
            (u.at for u in self.updates if u.status == MaintenanceStatus.in_progress),
            default=self.scheduled_for,
        )
        end = min(
            (u.at for u in self.updates if u.status == MaintenanceStatus.completed),
            default=self.scheduled_until,
        )
        return start, max(start, end)
