"""The edits of a maintenance window's life: schedule, update or move, start, complete, cancel.

As ``authoring.incidents``: inputs checked first (``InputError``), the edit planned as a
``ChangeSet``, existing files edited through ruamel.yaml's round trip. A window that moves
gets its ``revision`` raised, so that subscribed calendars take the new time; a cancelled one
too, so that they drop it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from opsdocs.authoring import inputs, yamldoc
from opsdocs.authoring.changes import ChangeSet, edit_file
from opsdocs.authoring.ids import new_record_id
from opsdocs.derive.published import maintenance_status
from opsdocs.model import Layout, Project
from opsdocs.model.maintenance import MaintenanceStatus, MaintenanceWindow
from opsdocs.spellings import key_as_written

SCHEMA = "maintenance.schema.json"


def find(project: Project, window_id: str) -> MaintenanceWindow:
    """The maintenance window ``window_id``."""
    return inputs.record(project.maintenance, window_id, "maintenance window")


def _components(project: Project, layout: Layout, components: list[str]) -> list[str]:
    where = f"{layout.data_dir}/components.yml"
    known = list(project.components.by_id)
    found = [inputs.known(c.strip(), known, "component", where) for c in components if c.strip()]
    if not found:
        raise inputs.InputError("name at least one component under maintenance: --component ID")
    return list(dict.fromkeys(found))


def _span(start: datetime, end: datetime) -> None:
    if end <= start:
        raise inputs.InputError(
            f"--scheduled-until {end.isoformat(timespec='minutes')} is not after "
            f"--scheduled-for {start.isoformat(timespec='minutes')}"
        )


def draft_window(
    project: Project,
    layout: Layout,
    *,
    title: str,
    components: list[str],
    scheduled_for: datetime,
    scheduled_until: datetime,
    message: str = "",
) -> MaintenanceWindow:
    """The window these values describe, checked, before it has an id or a file: what its
    message template is filled from."""
    _span(scheduled_for, scheduled_until)
    return MaintenanceWindow(
        id="draft",
        title=inputs.title(title),
        scheduled_for=scheduled_for,
        scheduled_until=scheduled_until,
        components=_components(project, layout, components),
        message=message or "-",
    )


def new_window(
    project: Project,
    layout: Layout,
    now: datetime,
    *,
    title: str,
    components: list[str],
    scheduled_for: datetime,
    scheduled_until: datetime,
    message: str,
    announced_at: datetime | None = None,
    internal_note: str = "",
    window_id: str | None = None,
) -> ChangeSet:
    """A new window file, ``<data>/maintenance/<date>-<slug>.yml``, announced now unless told."""
    zone = project.site.zone
    draft = draft_window(
        project,
        layout,
        title=title,
        components=components,
        scheduled_for=scheduled_for,
        scheduled_until=scheduled_until,
    )
    text, note = inputs.message(message), inputs.note(internal_note)
    announced = announced_at or min(now, scheduled_for)
    if announced > scheduled_for:
        raise inputs.InputError("--announce-at is after the window starts; announce it before")
    folder = f"{layout.data_dir}/maintenance"
    taken = {w.id for w in project.maintenance}
    record_id = new_record_id(
        project.root / folder, taken, scheduled_for.astimezone(zone), draft.title, window_id, "maintenance"
    )
    path = f"{folder}/{record_id}.yml"
    document = yamldoc.new_document(yamldoc.schema_path(project.root / path, project.root, SCHEMA))
    document["id"] = record_id
    document["title"] = yamldoc.text(draft.title)
    document["scheduled_for"] = yamldoc.moment(scheduled_for, zone)
    document["scheduled_until"] = yamldoc.moment(scheduled_until, zone)
    document["components"] = yamldoc.flow_sequence(draft.components)
    document["announced_at"] = yamldoc.moment(announced, zone)
    document["message"] = yamldoc.block(text)
    if note:
        document["internal_note"] = yamldoc.text(note)
    changes = ChangeSet(f"scheduled maintenance {record_id}: {draft.title}")
    changes.add(path, None, yamldoc.dump(document).encode("utf-8"))
    return changes


def _usable(project: Project, window_id: str, now: datetime) -> tuple[MaintenanceWindow, MaintenanceStatus]:
    """The window ``window_id`` and its status at ``now``, when it can still change: not
    cancelled, not completed."""
    window = find(project, window_id)
    if window.cancelled:
        raise inputs.InputError(f"maintenance window '{window.id}' is cancelled")
    status = maintenance_status(window, now)
    if any(u.status == MaintenanceStatus.completed for u in window.updates) or (
        status == MaintenanceStatus.completed
    ):
        raise inputs.InputError(f"maintenance window '{window.id}' is already completed")
    return window, status


def _started(window: MaintenanceWindow) -> bool:
    return any(u.status == MaintenanceStatus.in_progress for u in window.updates)


def _when(window: MaintenanceWindow, at: datetime | None, now: datetime, zone: Any) -> datetime:
    at = inputs.not_ahead((at or now).astimezone(zone), now)
    inputs.not_before(at, window.announced, "the window is announced")
    latest = max((u.at for u in window.updates), default=None)
    if latest is not None:
        inputs.not_before(at, latest, "its latest update")
    return at


def _edit(project: Project, window: MaintenanceWindow, summary: str, change: Any) -> ChangeSet:
    """The window's file, edited by ``change`` (a function of its parsed document)."""
    return edit_file(project.root, window.source.path if window.source else "", summary, change)


def _step(
    project: Project,
    window: MaintenanceWindow,
    summary: str,
    at: datetime,
    status: MaintenanceStatus,
    text: str,
) -> ChangeSet:
    """The window's file with one update appended, its status ``status``."""
    zone = project.site.zone
    return _edit(project, window, summary, lambda data: _append(data, at, status, text, zone))


def _append(data: Any, at: datetime, status: MaintenanceStatus, message: str, zone: Any) -> None:
    update = yamldoc.mapping(
        {"at": yamldoc.moment(at, zone), "status": status.value, "message": yamldoc.block(message)}
    )
    if not data.get("updates"):  # none yet, or an empty `[]`: a block list from here on
        data["updates"] = yamldoc.sequence()
    data["updates"].append(update)


def _raise_revision(data: Any, revision: int) -> None:
    if "revision" in data:
        data["revision"] = revision + 1
    else:
        data.insert(list(data).index("components") + 1, "revision", revision + 1)


def add_update(
    project: Project,
    now: datetime,
    window_id: str,
    *,
    message: str,
    status: MaintenanceStatus | None = None,
    scheduled_for: datetime | None = None,
    scheduled_until: datetime | None = None,
    at: datetime | None = None,
) -> ChangeSet:
    """An update about the window (its status unchanged unless ``status`` says); with a new
    ``scheduled_for`` or ``scheduled_until`` the window moves and its revision goes up."""
    window, current = _usable(project, window_id, now)
    zone = project.site.zone
    status = inputs.choice(
        status or current,
        MaintenanceStatus,
        "status",
        [s for s in MaintenanceStatus if s != MaintenanceStatus.completed],
    )
    text = inputs.message(message)
    at = _when(window, at, now, zone)
    start, end = scheduled_for or window.scheduled_for, scheduled_until or window.scheduled_until
    moved = (start, end) != (window.scheduled_for, window.scheduled_until)
    if moved:
        if _started(window) or window.scheduled_for <= now:
            raise inputs.InputError(f"maintenance window '{window.id}' has begun; it can no longer move")
        _span(start, end)

    def change(data: Any) -> None:
        if moved:
            data["scheduled_for"] = yamldoc.moment(start, zone)
            data["scheduled_until"] = yamldoc.moment(end, zone)
            _raise_revision(data, window.revision)
        _append(data, at, status, text, zone)

    verb = "moved" if moved else "updated"
    return _edit(project, window, f"{verb} maintenance {window.id}: {status.value}", change)


def start(
    project: Project, now: datetime, window_id: str, *, message: str, at: datetime | None = None
) -> ChangeSet:
    """The update that says the window has started (``in_progress``)."""
    window, _ = _usable(project, window_id, now)
    zone = project.site.zone
    if _started(window):
        raise inputs.InputError(f"maintenance window '{window.id}' has already started")
    text = inputs.message(message)
    at = _when(window, at, now, zone)
    return _step(project, window, f"started maintenance {window.id}", at, MaintenanceStatus.in_progress, text)


def complete(
    project: Project, now: datetime, window_id: str, *, message: str, at: datetime | None = None
) -> ChangeSet:
    """The update that says the window is over (``completed``)."""
    window, _ = _usable(project, window_id, now)
    zone = project.site.zone
    text = inputs.message(message)
    at = _when(window, at, now, zone)
    begun = min((u.at for u in window.updates if u.status == MaintenanceStatus.in_progress), default=None)
    inputs.not_before(at, begun or window.scheduled_for, "the window started; to call it off, cancel it")
    return _step(project, window, f"completed maintenance {window.id}", at, MaintenanceStatus.completed, text)


def cancel(project: Project, now: datetime, window_id: str, *, message: str = "") -> ChangeSet:
    """The window called off: ``cancelled: true``, its revision raised, and ``message`` (if
    any) kept as a last update. A window that has begun cannot be cancelled: complete it."""
    window, _ = _usable(project, window_id, now)
    zone = project.site.zone
    if _started(window) or window.scheduled_for <= now:
        raise inputs.InputError(f"maintenance window '{window.id}' has begun; complete it instead")
    text = inputs.note(message, "--message")
    at = now.astimezone(zone)

    def change(data: Any) -> None:
        data[key_as_written(data, "cancelled")] = True  # "canceled" in a file that spells it so
        _raise_revision(data, window.revision)
        if text and at >= window.announced:
            _append(data, at, MaintenanceStatus.scheduled, text, zone)

    return _edit(project, window, f"cancelled maintenance {window.id}", change)
