"""A maintenance window's lifecycle as Statuspage publishes it: one update per step.

On Statuspage a window is announced (``scheduled``), moves to ``in_progress`` when it starts,
maybe to ``verifying``, and to ``completed`` when it ends; each move is an update, and the
window's status is always its latest update's. The data holds the window's schedule and the
updates its team wrote; the steps nobody wrote are the automatic ones Statuspage posts itself
(it starts the window at ``scheduled_for`` and completes it at ``scheduled_until``):

- the announcement, at ``announced_at`` (72 hours before the window when not given), with the
  window's ``message``;
- the start: the first ``in_progress`` update written, else an automatic one at
  ``scheduled_for``;
- the end: the first ``completed`` update written, else an automatic one at
  ``scheduled_until``.

Each update says what it did to the window's components, as Statuspage's
``affected_components`` do: under maintenance from the start to the end, operational before
and after. Each has an id that depends on the window and the update's place, never on
``now`` or on other updates: ``scheduled`` for the announcement (``scheduled-R`` after the
window moved, R its ``revision``, so that a relay keyed on ids announces the new time),
``in-progress`` and ``completed`` for the automatic steps, and ``N`` for the N-th update in the
file (counting from 1). New updates go at the end of the list; their ids then never change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from opsdocs.model.components import ComponentStatus
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceWindow

_ORDER = tuple(MaintenanceStatus)


@dataclass(frozen=True)
class MaintenanceStep:
    """One published update of a window."""

    key: str
    """The update's id within its window: ``scheduled``, ``in-progress``, ``completed`` or ``N``."""
    at: datetime
    status: MaintenanceStatus
    message: str | None
    """What it says; None for an automatic step, which the renderer words in the site's language."""
    old_status: ComponentStatus
    new_status: ComponentStatus
    """The status of the window's components before and after this update."""

    @property
    def automatic(self) -> bool:
        """Whether nobody wrote this update: Statuspage's own start or completion."""
        return self.message is None


def window_steps(window: MaintenanceWindow) -> list[MaintenanceStep]:
    """Every update of the window, published or not, oldest first (those out at ``now``:
    ``derive.published.published_steps``)."""
    start, end = window.span()
    drafts: list[tuple[str, datetime, MaintenanceStatus, str | None]] = [
        (_announcement_key(window), window.announced, MaintenanceStatus.scheduled, window.message)
    ]
    drafts += [(str(i + 1), u.at, u.status, u.message) for i, u in enumerate(window.updates)]
    if not any(u.status == MaintenanceStatus.in_progress for u in window.updates):
        drafts.append(("in-progress", start, MaintenanceStatus.in_progress, None))
    if not any(u.status == MaintenanceStatus.completed for u in window.updates):
        drafts.append(("completed", end, MaintenanceStatus.completed, None))
    drafts.sort(key=lambda d: (d[1], _ORDER.index(d[2])))
    steps: list[MaintenanceStep] = []
    before = ComponentStatus.operational
    for key, at, status, message in drafts:
        after = ComponentStatus.under_maintenance if start <= at < end else ComponentStatus.operational
        steps.append(MaintenanceStep(key, at, status, message, before, after))
        before = after
    return steps


def _announcement_key(window: MaintenanceWindow) -> str:
    return "scheduled" if window.revision == 0 else f"scheduled-{window.revision}"
