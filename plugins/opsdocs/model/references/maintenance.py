"""Checks of each maintenance window: the components it names exist and its times add up."""

from __future__ import annotations

from opsdocs.model.maintenance import MaintenanceStatus
from opsdocs.model.references.checker import Checker


def check_maintenance(c: Checker, components: set[str]) -> None:
    """Each window names known components, ends after it starts, is announced before it starts,
    and its updates come after the announcement and do not finish it before it started."""
    data = c.layout.data_dir
    for window in c.project.maintenance:
        for i, component_id in enumerate(window.components):
            c.known(
                window, ("components", i), component_id, "component", components, f"{data}/components.yml"
            )
        if window.scheduled_until <= window.scheduled_for:
            c.at(
                window,
                ("scheduled_until",),
                f"scheduled_until: {c.when(window.scheduled_until)} is not after scheduled_for "
                f"{c.when(window.scheduled_for)}",
            )
        if window.announced_at is not None and window.announced_at > window.scheduled_for:
            c.at(
                window,
                ("announced_at",),
                f"announced_at: {c.when(window.announced_at)} is after the window starts "
                f"({c.when(window.scheduled_for)}{c.line_of(window, ('scheduled_for',))})",
            )
        start, _ = window.span()
        for i, update in enumerate(window.updates):
            if update.at < window.announced:
                c.at(
                    window,
                    ("updates", i, "at"),
                    f"updates[{i}].at: {c.when(update.at)} is before the window is announced "
                    f"({c.when(window.announced)}); set announced_at earlier",
                )
            elif update.status in (MaintenanceStatus.verifying, MaintenanceStatus.completed) and (
                update.at < start
            ):
                c.at(
                    window,
                    ("updates", i, "status"),
                    f"updates[{i}].status: '{update.status.value}' at {c.when(update.at)}, before the "
                    f"window started ({c.when(start)}); to call a window off, set cancelled: true",
                )
